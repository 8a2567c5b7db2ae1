import type { PotentialRow } from "@/lib/import/parse";
import { centsToDecimal } from "@/lib/import/sales/encode-sales-line";
import { stagedLoader } from "@/lib/import/staging-pipeline";

export const potentialLoader = stagedLoader<"potencial">({
  table: "potencial",
  stagingDdl: `CREATE TEMP TABLE staging_potentials (
      line int NOT NULL, client_ext text NOT NULL, category text NOT NULL, amount numeric(14,2) NOT NULL) ON COMMIT DROP`,
  copySql: "COPY staging_potentials (line, client_ext, category, amount) FROM STDIN",
  toCopyRow: (line, r: PotentialRow) => [line, r.clientId, r.category, centsToDecimal(r.potentialCents)],
  async merge(client, importId) {
    const newClients = await client.query(
      `INSERT INTO client (external_id, registered, quality_flags, import_id)
       SELECT DISTINCT s.client_ext, FALSE, ARRAY['missing_from_clientes'], $1::int FROM staging_potentials s
       WHERE NOT EXISTS (SELECT 1 FROM client c WHERE c.external_id = s.client_ext)
       ON CONFLICT (external_id) DO NOTHING`,
      [importId],
    );
    const upsert = await client.query<{ inserted: boolean }>(
      `INSERT INTO potential (client_id, category_code, amount, import_id)
       SELECT c.id, f.category, f.amount, $1
       FROM (SELECT DISTINCT ON (client_ext, category) client_ext, category, amount FROM staging_potentials ORDER BY client_ext, category, line) f
       JOIN client c ON c.external_id = f.client_ext
       ON CONFLICT (client_id, category_code) DO UPDATE SET amount = EXCLUDED.amount, import_id = EXCLUDED.import_id
       RETURNING (xmax = 0) AS inserted`,
      [importId],
    );
    const inserted = upsert.rows.filter((r) => r.inserted).length;
    return { inserted, existing: upsert.rows.length - inserted, rejected: 0, notes: { newUnregisteredClients: newClients.rowCount ?? 0 } };
  },
});
