import "server-only";
// What the sales lines say about one client × family up to a date: the monthly purchases and
// returns of the last 24 months (the alert page's chart) and the rhythm figures (last purchase,
// median gap, 12-month totals). Purchases are lines of kind PURCHASE (units > 0 and value > 0);
// returns are shown as positive amounts. Months without lines are filled with zeros.
//
// Written as SQL pieces that the alert page's single statement embeds (get-alert-detail.ts): CTEs
// over the alert row `hit` (its client_id, family_code and as_of_date), and a select list of
// columns. One index range (client_id, family_code, date ≤ as of) feeds every figure.

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

/** CTEs `lines`, `days`, `gaps` over a one-row CTE `hit` (client_id, family_code, as_of_date). */
export const FAMILY_SALES_CTES = `
  lines AS (
    SELECT s.date, s.kind, s.value FROM hit
      JOIN sales_line s ON s.client_id = hit.client_id AND s.family_code = hit.family_code AND s.date <= hit.as_of_date
     WHERE s.kind IN ('PURCHASE', 'RETURN')
  ), days AS (
    SELECT date, sum(value) AS value FROM lines WHERE kind = 'PURCHASE' GROUP BY date
  ), gaps AS (
    SELECT date - lag(date) OVER (ORDER BY date) AS gap FROM days WHERE date > (SELECT as_of_date FROM hit) - 730
  )`;

/** Select-list columns (read with readFamilySalesSummary), evaluated against the row of `hit`. */
export const FAMILY_SALES_COLUMNS = `
  (SELECT coalesce(json_agg(m), '[]'::json) FROM (
     SELECT to_char(date_trunc('month', date), 'YYYY-MM') AS month,
            coalesce(sum(value) FILTER (WHERE kind = 'PURCHASE'), 0)::float8 AS purchases,
            coalesce(-sum(value) FILTER (WHERE kind = 'RETURN'), 0)::float8 AS returns,
            count(DISTINCT date) FILTER (WHERE kind = 'PURCHASE')::int AS purchase_days
       FROM lines WHERE date >= (date_trunc('month', hit.as_of_date) - interval '${HISTORY_MONTHS - 1} months')::date GROUP BY 1) m) AS sales_months,
  (SELECT max(date)::text FROM days) AS last_purchase,
  (SELECT hit.as_of_date - max(date) FROM days)::int AS days_since,
  (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY gap) FROM gaps WHERE gap IS NOT NULL)::float8 AS usual_gap,
  (SELECT coalesce(sum(value), 0) FROM days WHERE date > hit.as_of_date - 365)::float8 AS purchases_12m,
  (SELECT coalesce(sum(value), 0) FROM days WHERE date > hit.as_of_date - 730 AND date <= hit.as_of_date - 365)::float8 AS purchases_prev_12m,
  (SELECT coalesce(-sum(value), 0) FROM lines WHERE kind = 'RETURN' AND date > hit.as_of_date - 365)::float8 AS returns_12m,
  (SELECT count(*) FROM days WHERE date > hit.as_of_date - 365)::int AS purchase_days_12m`;

export interface FamilySalesColumns {
  sales_months: { month: string; purchases: number; returns: number; purchase_days: number }[] | null;
  last_purchase: string | null;
  days_since: number | null;
  usual_gap: number | null;
  purchases_12m: number | null;
  purchases_prev_12m: number | null;
  returns_12m: number | null;
  purchase_days_12m: number | null;
}

function monthsEndingAt(asOf: string, count: number): string[] {
  const [year, month] = asOf.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => new Date(Date.UTC(year, month - 1 - (count - 1 - index), 1)).toISOString().slice(0, 7));
}

export function readFamilySalesSummary(row: FamilySalesColumns, asOf: string): FamilySalesSummary {
  const byMonth = new Map((row.sales_months ?? []).map((month) => [month.month, month]));
  return {
    months: monthsEndingAt(asOf, HISTORY_MONTHS).map((month) => {
      const found = byMonth.get(month);
      return { month, purchases: found?.purchases ?? 0, returns: found?.returns ?? 0, purchaseDays: found?.purchase_days ?? 0 };
    }),
    stats: {
      lastPurchase: row.last_purchase ?? null,
      daysSinceLastPurchase: row.days_since ?? null,
      usualGapDays: row.usual_gap === null || row.usual_gap === undefined ? null : Math.round(row.usual_gap),
      purchases12m: row.purchases_12m ?? 0,
      purchasesPrev12m: row.purchases_prev_12m ?? 0,
      returns12m: row.returns_12m ?? 0,
      purchaseDays12m: row.purchase_days_12m ?? 0,
    },
  };
}
