import type { ClientRow } from "@/lib/import/parse";
import { stagedLoader } from "@/lib/import/staging-pipeline";

export const clientLoader = stagedLoader<"clientes">({
  table: "clientes",
  stagingDdl: `CREATE TEMP TABLE staging_clients (
      line int NOT NULL, client_ext text NOT NULL, postal_code text, province_code text, flags text[] NOT NULL) ON COMMIT DROP`,
  copySql: "COPY staging_clients (line, client_ext, postal_code, province_code, flags) FROM STDIN",
  toCopyRow: (line, r: ClientRow, flags) => [line, r.clientId, r.postalCode, r.provinceCode, flags.map((f) => f.code)],
  async merge(client, importId) {
    // A client listed twice keeps its first row; every row's data-quality flags are kept on it.
    const upsert = await client.query<{ inserted: boolean }>(
      `WITH firsts AS (
         SELECT DISTINCT ON (client_ext) client_ext, postal_code, province_code FROM staging_clients ORDER BY client_ext, line
       ), flagged AS (
         SELECT s.client_ext, coalesce(array_agg(DISTINCT f) FILTER (WHERE f IS NOT NULL), '{}') AS flags
         FROM staging_clients s LEFT JOIN LATERAL unnest(s.flags) f ON TRUE GROUP BY s.client_ext
       )
       INSERT INTO client (external_id, postal_code, province_code, registered, quality_flags, import_id)
       SELECT f.client_ext, f.postal_code, p.code, TRUE, g.flags, $1
       FROM firsts f JOIN flagged g USING (client_ext) LEFT JOIN province p ON p.code = f.province_code
       ON CONFLICT (external_id) DO UPDATE SET
         postal_code = EXCLUDED.postal_code, province_code = EXCLUDED.province_code, registered = TRUE,
         quality_flags = EXCLUDED.quality_flags, import_id = EXCLUDED.import_id
       RETURNING (xmax = 0) AS inserted`,
      [importId],
    );
    const registeredNow = await client.query(
      `UPDATE sales_line sl SET client_unregistered = FALSE
       FROM client c WHERE sl.client_id = c.id AND c.registered AND sl.client_unregistered`,
    );
    const inserted = upsert.rows.filter((r) => r.inserted).length;
    return {
      inserted,
      existing: upsert.rows.length - inserted,
      rejected: 0,
      notes: { salesLinesNowRegistered: registeredNow.rowCount ?? 0 },
    };
  },
});
