// The SQL of one snapshot: client × family aggregates over the daily activity dated ≤ D (one
// GROUP BY with FILTERed windows), then the client-level context (other families, category
// totals for share of wallet, tenure), then one float8 column per feature definition.
// $1 = D. Nothing here reads a day after D: the scan of fx_day is filtered `day <= D` (and the
// inline fx_day of a single date holds no later line at all).
import { AS_OF } from "./feature-definition";
import { DAILY_ACTIVITY, dailyActivitySql } from "./daily-activity";
import { FEATURE_DEFINITIONS } from "./feature-definitions";
import { float8Columns, type Layout } from "./float8-columns";
import { LABEL_DEFINITIONS, LABEL_EXTENSION } from "./label-definitions";

const D = AS_OF;

/** Purchase days (pd_) and purchase cents (pc_) in the window (D − from, D − to]. */
function windowAggregates(name: string, from: number, to = 0): string {
  const range = to === 0 ? `day > ${D} - ${from}` : `day > ${D} - ${from} AND day <= ${D} - ${to}`;
  return `count(*) FILTER (WHERE is_purchase AND ${range})::float8 AS pd_${name},
          coalesce(sum(purchase_cents) FILTER (WHERE ${range}), 0)::float8 AS pc_${name}`;
}

// Sums are of integers (days, cents), exact in float8 below 2^53, so they do not depend on the order
// rows arrive in; every ratio is then one float8 operation on exact inputs: features come out
// bit-identical however the rows are scanned. (Standard deviation likewise, from exact Σx and Σx².)

/** The CTEs `pair` and `scope` (alias `s` in feature SQL): one row per client × family bought by D. */
const PAIR_CTES = `
  pair AS (
    SELECT client_id, family_code,
           max(day) FILTER (WHERE is_purchase) AS last_day,
           min(day) FILTER (WHERE is_purchase) AS first_day,
           count(*) FILTER (WHERE is_purchase)::float8 AS pd_all,
           sum(purchase_cents)::float8 AS pc_all,
           ${windowAggregates("90", 90)},
           ${windowAggregates("180", 180)},
           ${windowAggregates("365", 365)},
           ${windowAggregates("730", 730)},
           ${windowAggregates("prev_90", 180, 90)},
           ${windowAggregates("prev_365", 730, 365)},
           ${windowAggregates("season_ly", 365, 275)},
           count(gap)::float8 AS gap_count,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY gap) AS gap_median,
           sum(gap)::float8 AS gap_sum,
           sum(gap * gap)::float8 AS gap_sumsq,
           coalesce(sum(return_lines) FILTER (WHERE day > ${D} - 365), 0)::float8 AS returns_365,
           coalesce(sum(return_cents) FILTER (WHERE day > ${D} - 365), 0)::float8 AS return_cents_365,
           coalesce(sum(replacement_lines) FILTER (WHERE day > ${D} - 365), 0)::float8 AS replacements_365,
           count(*) FILTER (WHERE is_purchase AND in_campaign AND day > ${D} - 730)::float8 AS pd_campaign_730,
           max(day) FILTER (WHERE is_purchase AND in_campaign) AS last_campaign_purchase_day,
           -- Ascending, as the rows arrive, so no re-sort is needed; the last element is the last day.
           ((array_agg(purchase_cents ORDER BY day) FILTER (WHERE is_purchase))[count(*) FILTER (WHERE is_purchase)])::float8
             AS last_order_cents
    FROM ${DAILY_ACTIVITY}
    WHERE day <= ${D}
    GROUP BY client_id, family_code
    HAVING count(*) FILTER (WHERE is_purchase) > 0
  ),
  scope AS (
    SELECT p.*, f.block, f.category_code,
           min(p.first_day) OVER (PARTITION BY p.client_id) AS client_first_day,
           -- T1 and T2 share category T1's potential: share of wallet compares the whole category.
           sum(p.pc_365) OVER (PARTITION BY p.client_id, f.category_code) AS category_pc_365,
           -- One row per family of the client, so "the other rows" are the other families.
           count(*) FILTER (WHERE p.pd_365 > 0) OVER other_families AS other_families_365,
           max(p.last_day) OVER other_families AS other_last_day
    FROM pair p JOIN family f ON f.code = p.family_code
    WINDOW other_families AS (PARTITION BY p.client_id ORDER BY p.family_code
                              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW)
  )`;

const CONTEXT_CTES = `
  camp AS (
    SELECT max(ends_on) FILTER (WHERE ends_on < ${D}) AS last_end,
           coalesce(bool_or(starts_on <= ${D} AND ends_on >= ${D}), false) AS active
    FROM campaign
  )`;

const CONTEXT_JOINS = `
  JOIN client c ON c.id = s.client_id
  LEFT JOIN province pr ON pr.code = c.province_code
  LEFT JOIN potential pt ON pt.client_id = s.client_id AND pt.category_code = s.category_code
  CROSS JOIN camp`;

/** Rows are ordered by client and family (byte order) so features and labels line up row by row. */
const KEY_ORDER = `ORDER BY s.client_id, s.family_code COLLATE "C"`;

/**
 * The snapshot query: client_id, family_code, then the features (then the labels, with `labels`).
 * `dailyActivity`: "inline" computes fx_day inside the statement from lines dated ≤ D (one date);
 * "table" reads the session's temp table (many dates, and the labels need the days after D).
 * Parameters: $1 = D, and with labels $2 = the last sales date.
 */
export function featureQuery(options: { dailyActivity: "inline" | "table"; labels?: boolean; layout?: Layout }): string {
  const layout = options.layout ?? "packed";
  const inline = options.dailyActivity === "inline" ? `${DAILY_ACTIVITY} AS (${dailyActivitySql(true)}),` : "";
  const labels = options.labels ? LABEL_EXTENSION : undefined;
  return `WITH ${inline} ${PAIR_CTES}, ${CONTEXT_CTES}${labels ? `, ${labels.ctes}` : ""}
SELECT s.client_id, s.family_code,
  ${float8Columns(FEATURE_DEFINITIONS, layout, "features")}${labels ? `,\n  ${float8Columns(LABEL_DEFINITIONS, layout, "labels")}` : ""}
FROM scope s ${CONTEXT_JOINS} ${labels?.joins ?? ""}
${KEY_ORDER}`;
}
