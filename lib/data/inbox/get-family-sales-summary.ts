import "server-only";
// What the sales lines say about one client × family up to a date, in one statement: the monthly
// purchases and returns of the last 24 months (the alert page's chart) and the rhythm figures
// (last purchase, median gap, 12-month totals). Purchases are lines of kind PURCHASE (units > 0 and
// value > 0); returns are shown as positive amounts. Months without lines are filled with zeros.
import type { DbTx } from "@/lib/db/prisma";

export interface MonthlyPurchases {
  /** yyyy-mm */
  month: string;
  purchases: number;
  returns: number;
  purchaseDays: number;
}

export interface FamilySalesStats {
  /** yyyy-mm-dd of the last purchase up to the date. */
  lastPurchase: string | null;
  daysSinceLastPurchase: number | null;
  /** Median days between purchase days over the last two years. */
  usualGapDays: number | null;
  purchases12m: number;
  purchasesPrev12m: number;
  returns12m: number;
  purchaseDays12m: number;
}

export interface FamilySalesSummary {
  months: MonthlyPurchases[];
  stats: FamilySalesStats;
}

export const HISTORY_MONTHS = 24;

function monthsEndingAt(asOf: string, count: number): string[] {
  const [year, month] = asOf.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => new Date(Date.UTC(year, month - 1 - (count - 1 - index), 1)).toISOString().slice(0, 7));
}

interface Row {
  months: { month: string; purchases: number; returns: number; purchase_days: number }[];
  last_purchase: string | null;
  days_since: number | null;
  usual_gap: number | null;
  purchases_12m: number;
  purchases_prev_12m: number;
  returns_12m: number;
  purchase_days_12m: number;
}

export async function getFamilySalesSummary(db: DbTx, clientId: number, familyCode: string, asOf: string): Promise<FamilySalesSummary> {
  const months = monthsEndingAt(asOf, HISTORY_MONTHS);
  const firstMonth = `${months[0]}-01`;
  // One index range (client_id, family_code, date ≤ asOf) feeds every figure.
  const [row] = await db.$queryRaw<Row[]>`
    WITH lines AS (
      SELECT date, kind, value FROM sales_line
       WHERE client_id = ${clientId} AND family_code = ${familyCode} AND date <= ${asOf}::date
         AND kind IN ('PURCHASE', 'RETURN')
    ), days AS (
      SELECT date, sum(value) AS value FROM lines WHERE kind = 'PURCHASE' GROUP BY date
    ), gaps AS (
      SELECT date - lag(date) OVER (ORDER BY date) AS gap FROM days WHERE date > ${asOf}::date - 730
    )
    SELECT (SELECT coalesce(json_agg(m), '[]'::json) FROM (
              SELECT to_char(date_trunc('month', date), 'YYYY-MM') AS month,
                     coalesce(sum(value) FILTER (WHERE kind = 'PURCHASE'), 0)::float8 AS purchases,
                     coalesce(-sum(value) FILTER (WHERE kind = 'RETURN'), 0)::float8 AS returns,
                     count(DISTINCT date) FILTER (WHERE kind = 'PURCHASE')::int AS purchase_days
                FROM lines WHERE date >= ${firstMonth}::date GROUP BY 1) m) AS months,
           (SELECT max(date)::text FROM days) AS last_purchase,
           (SELECT ${asOf}::date - max(date) FROM days)::int AS days_since,
           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY gap) FROM gaps WHERE gap IS NOT NULL)::float8 AS usual_gap,
           (SELECT coalesce(sum(value), 0) FROM days WHERE date > ${asOf}::date - 365)::float8 AS purchases_12m,
           (SELECT coalesce(sum(value), 0) FROM days WHERE date > ${asOf}::date - 730 AND date <= ${asOf}::date - 365)::float8 AS purchases_prev_12m,
           (SELECT coalesce(-sum(value), 0) FROM lines WHERE kind = 'RETURN' AND date > ${asOf}::date - 365)::float8 AS returns_12m,
           (SELECT count(*) FROM days WHERE date > ${asOf}::date - 365)::int AS purchase_days_12m`;
  const byMonth = new Map((row?.months ?? []).map((month) => [month.month, month]));
  return {
    months: months.map((month) => {
      const found = byMonth.get(month);
      return { month, purchases: found?.purchases ?? 0, returns: found?.returns ?? 0, purchaseDays: found?.purchase_days ?? 0 };
    }),
    stats: {
      lastPurchase: row?.last_purchase ?? null,
      daysSinceLastPurchase: row?.days_since ?? null,
      usualGapDays: row?.usual_gap === null || row?.usual_gap === undefined ? null : Math.round(row.usual_gap),
      purchases12m: row?.purchases_12m ?? 0,
      purchasesPrev12m: row?.purchases_prev_12m ?? 0,
      returns12m: row?.returns_12m ?? 0,
      purchaseDays12m: row?.purchase_days_12m ?? 0,
    },
  };
}
