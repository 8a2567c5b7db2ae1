import type { SalesLine, SalesLineKind } from "@/lib/import/parse";
import type { TableLoader } from "./table-loader";

const KIND: Record<SalesLineKind, string> = {
  purchase: "PURCHASE",
  return: "RETURN",
  zero_value_replacement: "ZERO_VALUE_REPLACEMENT",
  price_correction: "PRICE_CORRECTION",
  empty: "EMPTY",
};

/** The first 128 bits of the line's SHA-1 key, in uuid form (compact and fast to index). */
export function lineKeyUuid(hexKey: string): string {
  const h = hexKey.slice(0, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Integer hundredths → exact decimal text ("-141.93"). */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export const salesLoader: TableLoader<"ventas"> = {
  table: "ventas",
  stagingDdl: `CREATE TEMP TABLE staging_sales (
      line int NOT NULL, line_key uuid NOT NULL, invoice text NOT NULL, date date NOT NULL,
      client_ext text NOT NULL, product_ext text NOT NULL, units int NOT NULL, value numeric(14,2) NOT NULL,
      kind "SalesLineKind" NOT NULL) ON COMMIT DROP`,
  copySql: "COPY staging_sales (line, line_key, invoice, date, client_ext, product_ext, units, value, kind) FROM STDIN",
  toCopyRow: (line, r: SalesLine) => [
    line,
    lineKeyUuid(r.key),
    r.invoiceNumber,
    r.date,
    r.clientId,
    r.productId,
    r.units,
    centsToDecimal(r.valueCents),
    KIND[r.kind],
  ],
  resetStagingSql: "TRUNCATE staging_sales",
  async merge(client, importId, stagedRows) {
    // A product must exist: its family decides everything downstream. Such rows are rejected, with
    // the reason, rather than guessed.
    const unknownProducts = await client.query(
      `INSERT INTO import_rejected_row (import_id, line, "column", code, message, raw)
       SELECT $1, s.line, 'Id. Producto', 'unknown_product',
              format('El producto %s no existe en Productos: importe antes el archivo de Productos que lo incluya.', s.product_ext),
              jsonb_build_array(s.invoice, to_char(s.date, 'FMMM/FMDD/YYYY'), s.client_ext, s.product_ext, s.units::text, s.value::text)
       FROM staging_sales s WHERE NOT EXISTS (SELECT 1 FROM product p WHERE p.external_id = s.product_ext)`,
      [importId],
    );
    // Lines of clients missing from Clientes are kept: the client is created as unregistered.
    const newClients = await client.query(
      `INSERT INTO client (external_id, registered, quality_flags, import_id)
       SELECT DISTINCT s.client_ext, false, ARRAY['missing_from_clientes'], $1::int
       FROM staging_sales s
       WHERE EXISTS (SELECT 1 FROM product p WHERE p.external_id = s.product_ext)
         AND NOT EXISTS (SELECT 1 FROM client c WHERE c.external_id = s.client_ext)
       ON CONFLICT (external_id) DO NOTHING`,
      [importId],
    );
    const inserted = await client.query(
      `INSERT INTO sales_line (line_key, invoice_number, date, client_id, product_id, family_code, units, value, kind,
                               in_campaign, client_unregistered, import_id)
       SELECT s.line_key, s.invoice, s.date, c.id, p.id, p.family_code, s.units, s.value, s.kind,
              EXISTS (SELECT 1 FROM campaign k WHERE s.date BETWEEN k.starts_on AND k.ends_on), NOT c.registered, $1
       FROM staging_sales s
       JOIN product p ON p.external_id = s.product_ext
       JOIN client c ON c.external_id = s.client_ext
       ON CONFLICT (line_key) DO NOTHING`,
      [importId],
    );
    // Every line with a known product now has its client, so the lines that matched are the staged
    // ones less the rejected; only the unregistered clients' share needs counting.
    const unregistered = await client.query<{ lines: number }>(
      `SELECT count(*)::int AS lines
       FROM staging_sales s JOIN client c ON c.external_id = s.client_ext AND NOT c.registered
       WHERE EXISTS (SELECT 1 FROM product p WHERE p.external_id = s.product_ext)`,
    );
    const rejected = unknownProducts.rowCount ?? 0;
    const insertedCount = inserted.rowCount ?? 0;
    return {
      inserted: insertedCount,
      existing: stagedRows - rejected - insertedCount,
      rejected,
      notes: {
        newUnregisteredClients: newClients.rowCount ?? 0,
        linesOfUnregisteredClients: unregistered.rows[0]?.lines ?? 0,
      },
    };
  },
};
