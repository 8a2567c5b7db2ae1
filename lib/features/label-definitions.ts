// The labels a snapshot date D is trained on, defined once in SQL. They read only the daily
// activity after D (CTE `fut`, alias `fut`) and the pair's purchase days before D (alias `s`).
// $1 = D, $2 = the last sales date. A label whose horizon ends after the last sales date cannot be
// observed and is NULL (NaN), never "no purchase".
import { AS_OF } from "./feature-definition";
import { DAILY_ACTIVITY, dailyActivitySql } from "./daily-activity";
import { float8Columns, type Layout } from "./float8-columns";
import type { LabelName } from "./types";

const D = AS_OF;
const LAST = "$2::date";

export interface LabelDefinition {
  name: LabelName;
  es: string;
  en: string;
  sql: string;
}

/** The active-at-D rule: at least 2 purchase days in (D−365, D]. Churn is only defined for these. */
const ACTIVE = "s.pd_365 >= 2";

export const LABEL_DEFINITIONS: readonly LabelDefinition[] = [
  {
    name: "buy_90d",
    es: "1 si compra la familia en los 90 días siguientes (D, D+90].",
    en: "1 when the family is bought in (D, D+90].",
    sql: `CASE WHEN ${D} + 90 <= ${LAST} THEN CASE WHEN fut.next_day <= ${D} + 90 THEN 1 ELSE 0 END END`,
  },
  {
    name: "churn_90d",
    es: "1 si un par activo no compra en (D, D+90]; vacío si no estaba activo.",
    en: "1 when an active pair does not buy in (D, D+90]; missing when not active.",
    sql: `CASE WHEN ${D} + 90 <= ${LAST} AND ${ACTIVE} THEN CASE WHEN fut.next_day <= ${D} + 90 THEN 0 ELSE 1 END END`,
  },
  {
    name: "churn_180d",
    es: "1 si un par activo no compra en (D, D+180]; vacío si no estaba activo.",
    en: "1 when an active pair does not buy in (D, D+180]; missing when not active.",
    sql: `CASE WHEN ${D} + 180 <= ${LAST} AND ${ACTIVE} THEN CASE WHEN fut.next_day <= ${D} + 180 THEN 0 ELSE 1 END END`,
  },
  {
    name: "days_to_next",
    es: "Días hasta la siguiente compra; si no la hay, días hasta el final de los datos (censurado).",
    en: "Days to the next purchase; when none, days to the end of the data (censored).",
    sql: `CASE WHEN ${D} < ${LAST} THEN coalesce(fut.next_day - ${D}, ${LAST} - ${D}) END`,
  },
  {
    name: "days_to_next_observed",
    es: "1 si days_to_next es una compra observada; 0 si está censurado.",
    en: "1 when days_to_next is an observed purchase; 0 when censored.",
    sql: `CASE WHEN ${D} < ${LAST} THEN CASE WHEN fut.next_day IS NULL THEN 0 ELSE 1 END END`,
  },
];

export const LABEL_NAMES: readonly LabelName[] = LABEL_DEFINITIONS.map((l) => l.name);

/** What a snapshot query needs to append the labels: the next purchase day after D per pair. */
export const LABEL_EXTENSION = {
  ctes: `fut AS (
    SELECT client_id, family_code, min(day) AS next_day
    FROM ${DAILY_ACTIVITY}
    WHERE is_purchase AND day > ${D}
    GROUP BY client_id, family_code
  )`,
  joins: "LEFT JOIN fut ON fut.client_id = s.client_id AND fut.family_code = s.family_code",
};

/** Labels alone: the pairs bought by D and their future, in the rows and order of featureQuery. */
export function labelQuery(layout: Layout = "packed"): string {
  return `WITH ${DAILY_ACTIVITY} AS (${dailyActivitySql(false)}),
  s AS (
    SELECT client_id, family_code, count(*) FILTER (WHERE day > ${D} - 365) AS pd_365
    FROM ${DAILY_ACTIVITY}
    WHERE is_purchase AND day <= ${D}
    GROUP BY client_id, family_code
  ), ${LABEL_EXTENSION.ctes}
SELECT s.client_id, s.family_code, ${float8Columns(LABEL_DEFINITIONS, layout, "labels")}
FROM s ${LABEL_EXTENSION.joins}
ORDER BY s.client_id, s.family_code COLLATE "C"`;
}
