// The scores of one as-of date as CSV, in the exact shape other tools read:
// client_id,family,as_of,p_buy_90d,p_churn_90d,p_churn_180d,expected_days_to_next,segment,share_of_wallet
import type { Pool } from "pg";
import { escapeCsvCell } from "@/lib/import/parse";

export const SCORES_CSV_HEADER = "client_id,family,as_of,p_buy_90d,p_churn_90d,p_churn_180d,expected_days_to_next,segment,share_of_wallet";

const PAGE = 20_000;
const fmt = (v: number | null) => (v === null ? "" : String(Math.round(v * 1e6) / 1e6));

export async function exportScoresCsv(pool: Pool, asOf: string, write: (chunk: string) => Promise<void>): Promise<number> {
  await write(`${SCORES_CSV_HEADER}\n`);
  // Keyset pages in the primary key's order (as_of, client_id, family_code).
  let after: [number, string] = [0, ""];
  let total = 0;
  for (;;) {
    const page = await pool.query<{
      client_id: number; family_code: string; external_id: string; label: string; p_buy_90d: number | null; p_churn_90d: number | null;
      p_churn_180d: number | null; expected_days_to_next: number | null; segment: string | null; share_of_wallet: number | null;
    }>(
      `SELECT s.client_id, s.family_code, c.external_id, f.label, s.p_buy_90d, s.p_churn_90d, s.p_churn_180d, s.expected_days_to_next,
              s.segment::text AS segment, s.share_of_wallet
       FROM score s JOIN client c ON c.id = s.client_id JOIN family f ON f.code = s.family_code
       WHERE s.as_of = $1 AND (s.client_id, s.family_code) > ($2::int, $3::text) ORDER BY s.client_id, s.family_code LIMIT ${PAGE}`,
      [asOf, after[0], after[1]],
    );
    if (!page.rows.length) break;
    const lines = page.rows.map((r) =>
      [
        escapeCsvCell(r.external_id),
        escapeCsvCell(r.label),
        asOf,
        fmt(r.p_buy_90d),
        fmt(r.p_churn_90d),
        fmt(r.p_churn_180d),
        fmt(r.expected_days_to_next),
        r.segment?.toLowerCase() ?? "",
        fmt(r.share_of_wallet),
      ].join(","),
    );
    await write(`${lines.join("\n")}\n`);
    total += page.rows.length;
    const last = page.rows.at(-1)!;
    after = [last.client_id, last.family_code];
  }
  return total;
}
