import type { CampaignRow } from "@/lib/import/parse";
import { stagedLoader } from "@/lib/import/staging-pipeline";
import { refreshCampaignFlags } from "./table-loader";

export const campaignLoader = stagedLoader<"campanas">({
  table: "campanas",
  stagingDdl: `CREATE TEMP TABLE staging_campaigns (line int NOT NULL, code text NOT NULL, starts_on date NOT NULL, ends_on date NOT NULL) ON COMMIT DROP`,
  copySql: "COPY staging_campaigns (line, code, starts_on, ends_on) FROM STDIN",
  toCopyRow: (line, r: CampaignRow) => [line, r.name, r.startDate, r.endDate],
  async merge(client, importId) {
    const upsert = await client.query<{ inserted: boolean }>(
      `INSERT INTO campaign (code, starts_on, ends_on, import_id)
       SELECT DISTINCT ON (code) code, starts_on, ends_on, $1 FROM staging_campaigns ORDER BY code, line
       ON CONFLICT (code) DO UPDATE SET starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on, import_id = EXCLUDED.import_id
       RETURNING (xmax = 0) AS inserted`,
      [importId],
    );
    const reflagged = await refreshCampaignFlags(client);
    const inserted = upsert.rows.filter((r) => r.inserted).length;
    return { inserted, existing: upsert.rows.length - inserted, rejected: 0, notes: { salesLinesReflagged: reflagged } };
  },
});
