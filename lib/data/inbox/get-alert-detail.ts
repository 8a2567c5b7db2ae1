import "server-only";
// Everything the alert page shows, for an actor whose scope covers the alert's client; null
// otherwise (the page answers 404). One statement, one round trip: the scoped alert with its client,
// family, latest score and potential (CTE `hit`, empty outside the scope, so nothing else is read
// then), the family's sales summary, the client's other open alerts and the alert's events.
import type { Actor } from "@/lib/auth/load-actor";
import { scopeClientsSql } from "@/lib/auth/scope";
import type { AlertStatusCode } from "./get-inbox-page";
import {
  FAMILY_SALES_COLUMNS,
  FAMILY_SALES_CTES,
  readFamilySalesSummary,
  type FamilySalesColumns,
  type FamilySalesStats,
  type MonthlyPurchases,
} from "./get-family-sales-summary";
import type { BandCode, ChannelCode, MotiveCode } from "./inbox-query";
import { madridToday } from "./madrid-today";
import { queryRows, type SqlDb } from "./query-rows";
import { readAlertReasons, readAlertTrace, type AlertReason, type AlertTrace } from "./read-alert-explanation";

export type { MonthlyPurchases };
export type SegmentCode = "LOYAL" | "PROMISCUOUS" | "MARGINAL" | "TECHNICAL";

export interface AlertSummary {
  id: number;
  version: number;
  status: AlertStatusCode;
  /** SNOOZED whose date has come: shown (and worked) as pending. */
  snoozeElapsed: boolean;
  clientId: number;
  clientExternalId: string;
  provinceName: string | null;
  familyCode: string;
  familyLabel: string;
  familyBlock: "COMMODITY" | "TECHNICAL";
  motive: MotiveCode;
  priorityBand: BandCode;
  priorityScore: number;
  expectedImpact: number;
  conversionProbability: number;
  urgency: number;
  contactFrom: string;
  contactUntil: string;
  responseDeadline: string | null;
  channel: ChannelCode;
  asOf: string;
  snoozedUntil: string | null;
  createdAt: string;
}

/** What a delegate needs to know about the client × family before calling. */
export interface ClientFamilyContext extends FamilySalesStats {
  /** Yearly purchase potential of the category covering the family (null: not reported). */
  potential: number | null;
  potentialUnreliable: boolean;
  shareOfWallet: number | null;
  segment: SegmentCode | null;
  pBuy90d: number | null;
  pChurn90d: number | null;
  pChurn180d: number | null;
  expectedDaysToNext: number | null;
  scoredAsOf: string | null;
}

export interface OtherOpenAlert {
  id: number;
  familyCode: string;
  motive: MotiveCode;
  status: AlertStatusCode;
  priorityBand: BandCode;
  expectedImpact: number;
  contactUntil: string;
}

export interface AlertEventView {
  id: number;
  type: string;
  at: string;
  userName: string | null;
  fromStatus: AlertStatusCode | null;
  toStatus: AlertStatusCode | null;
  payload: Record<string, unknown> | null;
}

export interface AlertDetail {
  alert: AlertSummary;
  reasons: AlertReason[];
  trace: AlertTrace;
  history: MonthlyPurchases[];
  context: ClientFamilyContext;
  otherOpenAlerts: OtherOpenAlert[];
  events: AlertEventView[];
}

interface AlertRow extends FamilySalesColumns {
  id: number;
  version: number;
  status: AlertStatusCode;
  client_id: number;
  external_id: string;
  province_name: string | null;
  family_code: string;
  family_label: string | null;
  family_block: "COMMODITY" | "TECHNICAL" | null;
  motive: MotiveCode;
  priority_band: BandCode;
  priority_score: number;
  expected_impact: number;
  conversion_probability: number;
  urgency: number;
  contact_from: string;
  contact_until: string;
  response_deadline: string | null;
  channel: ChannelCode;
  reasons: unknown;
  trace: unknown;
  as_of: string;
  snoozed_until: string | null;
  created_at: Date;
  potential: number | null;
  score_as_of: string | null;
  p_buy_90d: number | null;
  p_churn_90d: number | null;
  p_churn_180d: number | null;
  expected_days_to_next: number | null;
  segment: SegmentCode | null;
  share_of_wallet: number | null;
  potential_unreliable: boolean | null;
  other_alerts: OtherOpenAlert[] | null;
  events: (Omit<AlertEventView, "at"> & { at_ms: number })[] | null;
}

function alertDetailSql(actor: Actor, alertId: number): { text: string; values: unknown[] } {
  const scope = scopeClientsSql(actor, "c", 2);
  const text = `
    WITH hit AS (
      SELECT a.id, a.version, a.status::text AS status, a.client_id, c.external_id, pr.name AS province_name,
             a.family_code, f.label AS family_label, f.block::text AS family_block, a.motive::text AS motive,
             a.priority_band::text AS priority_band, a.priority_score, a.expected_impact, a.conversion_probability, a.urgency,
             a.contact_from::text AS contact_from, a.contact_until::text AS contact_until,
             a.response_deadline::text AS response_deadline, a.channel::text AS channel, a.reasons, a.trace,
             a.as_of AS as_of_date, a.as_of::text AS as_of, a.snoozed_until::text AS snoozed_until, a.created_at,
             pt.amount::float8 AS potential,
             s.as_of::text AS score_as_of, s.p_buy_90d, s.p_churn_90d, s.p_churn_180d, s.expected_days_to_next,
             s.segment::text AS segment, s.share_of_wallet, s.potential_unreliable
        FROM alert a
        JOIN client c ON c.id = a.client_id
        LEFT JOIN province pr ON pr.code = c.province_code
        LEFT JOIN family f ON f.code = a.family_code
        LEFT JOIN potential pt ON pt.client_id = a.client_id AND pt.category_code = coalesce(f.category_code, a.family_code)
        LEFT JOIN LATERAL (
          SELECT sc.as_of, sc.p_buy_90d, sc.p_churn_90d, sc.p_churn_180d, sc.expected_days_to_next, sc.segment,
                 sc.share_of_wallet, sc.potential_unreliable
            FROM score sc WHERE sc.client_id = a.client_id AND sc.family_code = a.family_code ORDER BY sc.as_of DESC LIMIT 1
        ) s ON true
       WHERE a.id = $1::int AND NOT a.held_out AND ${scope.sql}
    ), ${FAMILY_SALES_CTES}
    SELECT hit.*, ${FAMILY_SALES_COLUMNS},
           (SELECT coalesce(json_agg(o ORDER BY o.ord), '[]'::json) FROM (
              SELECT row_number() OVER (ORDER BY x.priority_score DESC, x.id DESC) AS ord,
                     x.id, x.family_code AS "familyCode", x.motive, x.status, x.priority_band AS "priorityBand",
                     x.expected_impact AS "expectedImpact", x.contact_until::text AS "contactUntil"
                FROM alert x
               WHERE x.client_id = hit.client_id AND NOT x.held_out AND x.id <> hit.id AND x.status IN ('OPEN', 'SNOOZED')
               ORDER BY x.priority_score DESC, x.id DESC LIMIT 20) o) AS other_alerts,
           (SELECT coalesce(json_agg(e ORDER BY e.ord), '[]'::json) FROM (
              SELECT row_number() OVER (ORDER BY ev.created_at DESC, ev.id DESC) AS ord,
                     ev.id, ev.type, (extract(epoch FROM ev.created_at) * 1000)::float8 AS at_ms, u.name AS "userName",
                     ev.from_status AS "fromStatus", ev.to_status AS "toStatus", ev.payload
                FROM alert_event ev LEFT JOIN app_user u ON u.id = ev.user_id
               WHERE ev.alert_id = hit.id
               ORDER BY ev.created_at DESC, ev.id DESC LIMIT 100) e) AS events
      FROM hit`;
  return { text, values: [alertId, ...scope.params] };
}

export async function getAlertDetail(db: SqlDb, actor: Actor, alertId: number, today: string = madridToday()): Promise<AlertDetail | null> {
  if (!Number.isSafeInteger(alertId) || alertId <= 0 || alertId > 2_147_483_647) return null;
  const { text, values } = alertDetailSql(actor, alertId);
  const [row] = await queryRows<AlertRow>(db, text, values);
  if (!row) return null;
  const sales = readFamilySalesSummary(row, row.as_of);

  return {
    alert: {
      id: row.id,
      version: row.version,
      status: row.status,
      snoozeElapsed: row.status === "SNOOZED" && (row.snoozed_until === null || row.snoozed_until <= today),
      clientId: row.client_id,
      clientExternalId: row.external_id,
      provinceName: row.province_name,
      familyCode: row.family_code,
      familyLabel: row.family_label ?? `Familia ${row.family_code}`,
      familyBlock: row.family_block ?? "COMMODITY",
      motive: row.motive,
      priorityBand: row.priority_band,
      priorityScore: row.priority_score,
      expectedImpact: row.expected_impact,
      conversionProbability: row.conversion_probability,
      urgency: row.urgency,
      contactFrom: row.contact_from,
      contactUntil: row.contact_until,
      responseDeadline: row.response_deadline,
      channel: row.channel,
      asOf: row.as_of,
      snoozedUntil: row.snoozed_until,
      createdAt: row.created_at.toISOString(),
    },
    reasons: readAlertReasons(row.reasons),
    trace: readAlertTrace(row.trace),
    history: sales.months,
    context: {
      ...sales.stats,
      potential: row.potential,
      potentialUnreliable: row.potential_unreliable ?? false,
      shareOfWallet: row.share_of_wallet,
      segment: row.segment,
      pBuy90d: row.p_buy_90d,
      pChurn90d: row.p_churn_90d,
      pChurn180d: row.p_churn_180d,
      expectedDaysToNext: row.expected_days_to_next,
      scoredAsOf: row.score_as_of,
    },
    otherOpenAlerts: (row.other_alerts ?? []).map(({ id, familyCode, motive, status, priorityBand, expectedImpact, contactUntil }) => ({
      id,
      familyCode,
      motive,
      status,
      priorityBand,
      expectedImpact,
      contactUntil,
    })),
    events: (row.events ?? []).map((event) => ({
      id: event.id,
      type: event.type,
      at: new Date(event.at_ms).toISOString(),
      userName: event.userName ?? null,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      payload: event.payload && typeof event.payload === "object" && !Array.isArray(event.payload) ? (event.payload as Record<string, unknown>) : null,
    })),
  };
}
