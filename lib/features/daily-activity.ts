// The daily activity every feature and label reads instead of raw lines: one row per client ×
// family × day with any purchase, return or free replacement (`fx_day`).
//
// A single date reads it as an inline CTE of its own statement (PostgreSQL then reuses the sort
// that computes `gap` for the per-pair GROUP BY, and nothing is written). A training set over many
// dates materialises it once as a temp table of the session and runs every snapshot against it.
//
// Money is kept as integer cents (bigint): sums are exact and do not depend on the order rows
// are aggregated in, which is what makes features bit-identical between runs.
//
// `gap` = days since the pair's previous purchase day. It only looks backwards, so reading it for
// days ≤ D never sees anything after D, and it can be computed once for all days.
import type pg from "pg";
import type { IsoDate } from "./types";

export const DAILY_ACTIVITY = "fx_day";

/** The SELECT of the daily activity; `bounded` keeps only lines dated ≤ $1 (the as-of date). */
export function dailyActivitySql(bounded: boolean): string {
  return `
     WITH daily AS (
       SELECT s.client_id, s.family_code, s.date AS day,
              count(*) FILTER (WHERE s.kind = 'PURCHASE')::int AS purchase_lines,
              coalesce(sum(s.value) FILTER (WHERE s.kind = 'PURCHASE'), 0) AS purchase_value,
              count(*) FILTER (WHERE s.kind = 'RETURN')::int AS return_lines,
              coalesce(sum(abs(s.value)) FILTER (WHERE s.kind = 'RETURN'), 0) AS return_value,
              count(*) FILTER (WHERE s.kind = 'ZERO_VALUE_REPLACEMENT')::int AS replacement_lines
       FROM sales_line s
       WHERE s.kind IN ('PURCHASE', 'RETURN', 'ZERO_VALUE_REPLACEMENT') ${bounded ? "AND s.date <= $1::date" : ""}
       GROUP BY s.client_id, s.family_code, s.date
       -- In the order of the index on (client_id, family_code, date): grouping then needs no hash
       -- table, and the window below and the per-pair GROUP BY downstream need no further sort.
       ORDER BY s.client_id, s.family_code, s.date
     )
     SELECT d.client_id, d.family_code, d.day, d.purchase_lines > 0 AS is_purchase,
            (d.purchase_value * 100)::bigint AS purchase_cents, d.return_lines,
            (d.return_value * 100)::bigint AS return_cents, d.replacement_lines,
            -- From the campaign calendar rather than the line's flag, so campaigns imported after the
            -- sales still count. (A hashed subplan: unlike a join, it keeps the rows' order.)
            d.day IN (SELECT generate_series(starts_on, ends_on, interval '1 day')::date FROM campaign) AS in_campaign,
            -- The latest earlier purchase day (the frame ends one row before the current one).
            CASE WHEN d.purchase_lines > 0 THEN d.day - max(d.day) FILTER (WHERE d.purchase_lines > 0) OVER (
              PARTITION BY d.client_id, d.family_code ORDER BY d.day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
            END AS gap
     FROM daily d`;
}

/** Materialises the daily activity of all dates as the session's temp table `fx_day`. */
export async function prepareDailyActivity(client: pg.ClientBase): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS pg_temp.${DAILY_ACTIVITY}`);
  await client.query(`CREATE TEMP TABLE ${DAILY_ACTIVITY} ON COMMIT DROP AS ${dailyActivitySql(false)}`);
  // The rows were written in this order: the index lets each snapshot's per-pair GROUP BY read them
  // in order instead of sorting a million rows again.
  await client.query(`CREATE INDEX ON ${DAILY_ACTIVITY} (client_id, family_code, day)`);
  // Fresh statistics: the planner otherwise assumes a tiny table.
  await client.query(`ANALYZE ${DAILY_ACTIVITY}`);
}

/** The last date with any sales line (any kind): the end of what is observable. */
export async function readLastSalesDate(client: pg.ClientBase): Promise<IsoDate | null> {
  const { rows } = await client.query<{ last: string | null }>(
    `SELECT to_char(max(date), 'YYYY-MM-DD') AS last FROM sales_line`,
  );
  return rows[0]?.last ?? null;
}
