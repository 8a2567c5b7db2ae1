import "server-only";
// The one query behind every KPI figure of the managers' area: the actor's alerts (scoped through
// scopeClientsSql), optionally narrowed to a region or a delegate, aggregated per region or per
// delegate plus a total row, in one pass (GROUPING SETS). Medians cannot be added up, hence the
// total comes from PostgreSQL rather than from summing the groups.
//
// Definitions (the control group — held_out — never counts as work, only as the comparison arm):
//   live        OPEN or SNOOZED
//   € at risk   expected impact of live CHURN_RISK + DETERIORATION
//   € opportunity expected impact of live REPLENISHMENT + CAPTURE + REACTIVATION
//   attend rate ATTENDED / (ATTENDED + DISMISSED + EXPIRED)
//   response    creation → the first ATTENDED / DISMISSED / SNOOZED event a person recorded
//   conversion  share with an attributed purchase, attended arm vs held-out arm (as conversionStats)
//   overdue     OPEN and response_deadline before today
import type { Actor } from "@/lib/auth/load-actor";
import { scopeClientsSql } from "@/lib/auth/scope";
import type { KpiSet } from "./region-types";
import { SqlParams } from "./sql-params";

export interface AlertFilter {
  regionCode?: string;
  delegateId?: number;
}

export type KpiGrouping = "none" | "region" | "delegate";

export interface KpiRow {
  grp: string | null;
  is_total: boolean;
  open_alerts: number;
  euros_at_risk: number;
  euros_opportunity: number;
  closed: number;
  attended: number;
  median_response_hours: number | null;
  acted: number;
  attended_converted: number;
  control: number;
  control_converted: number;
  overdue: number;
}

/** Adds the actor's client scope on `alias` to the parameters and returns its SQL condition. */
export function addClientScope(params: SqlParams, actor: Actor, alias: string): string {
  const scope = scopeClientsSql(actor, alias, params.values.length + 1);
  params.values.push(...scope.params);
  return scope.sql;
}

/** The scoped alerts of `filter` as a FROM-able subquery with columns id, status, held_out, motive,
 *  expected_impact, response_deadline, created_at, region_code, delegate_id. */
export function scopedAlertsSql(params: SqlParams, actor: Actor, filter: AlertFilter): string {
  const conditions = [addClientScope(params, actor, "c")];
  if (filter.regionCode !== undefined) conditions.push(`p.region_code = ${params.add(filter.regionCode)}::text`);
  if (filter.delegateId !== undefined) conditions.push(`a.delegate_id = ${params.add(filter.delegateId)}::int`);
  return `SELECT a.id, a.status, a.held_out, a.motive, a.expected_impact, a.response_deadline, a.created_at,
                 p.region_code, a.delegate_id
            FROM alert a
            JOIN client c ON c.id = a.client_id
            LEFT JOIN province p ON p.code = c.province_code
           WHERE ${conditions.join(" AND ")}`;
}

export function alertKpiQuery(actor: Actor, filter: AlertFilter, grouping: KpiGrouping, today: string): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const scoped = scopedAlertsSql(params, actor, filter);
  const todayParam = params.add(today);
  const groupExpr = grouping === "region" ? "s.region_code" : grouping === "delegate" ? "s.delegate_id::text" : "NULL::text";
  const groupBy = grouping === "none" ? "" : `GROUP BY GROUPING SETS ((${groupExpr}), ())`;
  const isTotal = grouping === "none" ? "TRUE" : `GROUPING(${groupExpr}) = 1`;
  const text = `
    WITH scoped AS MATERIALIZED (${scoped}),
    first_action AS (
      SELECT e.alert_id, min(e.created_at) AS at
        FROM alert_event e
       WHERE e.user_id IS NOT NULL AND e.type IN ('ATTENDED', 'DISMISSED', 'SNOOZED')
         AND e.alert_id IN (SELECT id FROM scoped)
       GROUP BY e.alert_id
    ),
    converted AS (
      SELECT DISTINCT x.alert_id FROM alert_attribution x WHERE x.alert_id IN (SELECT id FROM scoped)
    )
    SELECT ${groupExpr} AS grp, ${isTotal} AS is_total,
           count(*) FILTER (WHERE NOT s.held_out AND s.status IN ('OPEN', 'SNOOZED'))::int AS open_alerts,
           coalesce(sum(s.expected_impact) FILTER (WHERE NOT s.held_out AND s.status IN ('OPEN', 'SNOOZED')
                                                   AND s.motive IN ('CHURN_RISK', 'DETERIORATION')), 0)::float8 AS euros_at_risk,
           coalesce(sum(s.expected_impact) FILTER (WHERE NOT s.held_out AND s.status IN ('OPEN', 'SNOOZED')
                                                   AND s.motive IN ('REPLENISHMENT', 'CAPTURE', 'REACTIVATION')), 0)::float8 AS euros_opportunity,
           count(*) FILTER (WHERE NOT s.held_out AND s.status IN ('ATTENDED', 'DISMISSED', 'EXPIRED'))::int AS closed,
           count(*) FILTER (WHERE NOT s.held_out AND s.status = 'ATTENDED')::int AS attended,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.at - s.created_at) / 3600.0)
              FILTER (WHERE f.at IS NOT NULL AND NOT s.held_out))::float8 AS median_response_hours,
           count(f.at) FILTER (WHERE NOT s.held_out)::int AS acted,
           count(*) FILTER (WHERE NOT s.held_out AND s.status = 'ATTENDED' AND v.alert_id IS NOT NULL)::int AS attended_converted,
           count(*) FILTER (WHERE s.held_out)::int AS control,
           count(*) FILTER (WHERE s.held_out AND v.alert_id IS NOT NULL)::int AS control_converted,
           count(*) FILTER (WHERE NOT s.held_out AND s.status = 'OPEN' AND s.response_deadline < ${todayParam}::date)::int AS overdue
      FROM scoped s
      LEFT JOIN first_action f ON f.alert_id = s.id
      LEFT JOIN converted v ON v.alert_id = s.id
     ${groupBy}`;
  return { text, values: params.values };
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export const EMPTY_KPIS: KpiSet = toKpiSet(undefined);

export function toKpiSet(row: KpiRow | undefined): KpiSet {
  const r = row ?? {
    open_alerts: 0,
    euros_at_risk: 0,
    euros_opportunity: 0,
    closed: 0,
    attended: 0,
    median_response_hours: null,
    acted: 0,
    attended_converted: 0,
    control: 0,
    control_converted: 0,
    overdue: 0,
  };
  const conversionAttended = rate(r.attended_converted, r.attended);
  const conversionControl = rate(r.control_converted, r.control);
  return {
    openAlerts: r.open_alerts,
    eurosAtRisk: Math.round(r.euros_at_risk * 100) / 100,
    eurosOpportunity: Math.round(r.euros_opportunity * 100) / 100,
    attendRate: rate(r.attended, r.closed),
    closedAlerts: r.closed,
    medianResponseHours: r.median_response_hours,
    actedAlerts: r.acted,
    conversionAttended,
    attendedAlerts: r.attended,
    conversionControl,
    controlAlerts: r.control,
    conversionLift: conversionAttended === null || conversionControl === null ? null : conversionAttended - conversionControl,
    overdueAlerts: r.overdue,
  };
}
