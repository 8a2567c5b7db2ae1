import "server-only";
// A client's alerts (any status, newest first; never the held-out control group, which no one is
// shown) and the actions people took on them. Scoped: nothing for a client outside the actor's scope.
import type { Actor } from "@/lib/auth/load-actor";
import { addClientScope } from "./alert-kpi-query";
import type { Queryable } from "./region-scope";
import { SqlParams } from "./sql-params";

export type AlertStatusCode = "OPEN" | "SNOOZED" | "ATTENDED" | "DISMISSED" | "EXPIRED";
export type MotiveCode = "REPLENISHMENT" | "CAPTURE" | "DETERIORATION" | "CHURN_RISK" | "REACTIVATION";

export interface ClientAlertRow {
  id: number;
  familyCode: string;
  motive: MotiveCode;
  status: AlertStatusCode;
  priorityBand: "HIGH" | "MEDIUM" | "LOW";
  expectedImpact: number;
  contactFrom: string;
  contactUntil: string;
  responseDeadline: string | null;
  /** ISO instant. */
  createdAt: string;
  delegateName: string | null;
  attributedAmount: number;
}

export interface ClientActionRow {
  id: number;
  alertId: number;
  familyCode: string;
  motive: MotiveCode;
  type: string;
  /** ISO instant. */
  at: string;
  userName: string | null;
  payload: Record<string, unknown> | null;
}

const HUMAN_EVENTS = ["ATTENDED", "DISMISSED", "SNOOZED", "REOPENED"];

export async function getClientAlerts(db: Queryable, actor: Actor, clientId: number, options: { limit?: number } = {}): Promise<ClientAlertRow[]> {
  const params = new SqlParams();
  const client = params.add(clientId);
  const limit = params.add(options.limit ?? 100);
  const scope = addClientScope(params, actor, "c");
  const { rows } = await db.query<{
    id: number;
    family_code: string;
    motive: MotiveCode;
    status: AlertStatusCode;
    priority_band: "HIGH" | "MEDIUM" | "LOW";
    expected_impact: number;
    contact_from: string;
    contact_until: string;
    response_deadline: string | null;
    created_at: Date;
    delegate_name: string | null;
    attributed: number;
  }>(
    `SELECT a.id, a.family_code, a.motive::text AS motive, a.status::text AS status, a.priority_band::text AS priority_band,
            a.expected_impact, a.contact_from::text AS contact_from, a.contact_until::text AS contact_until,
            a.response_deadline::text AS response_deadline, a.created_at, u.name AS delegate_name,
            coalesce((SELECT sum(x.amount) FROM alert_attribution x WHERE x.alert_id = a.id), 0)::float8 AS attributed
       FROM alert a
       JOIN client c ON c.id = a.client_id
       LEFT JOIN delegate d ON d.id = a.delegate_id
       LEFT JOIN app_user u ON u.id = d.user_id
      WHERE a.client_id = ${client}::int AND NOT a.held_out AND ${scope}
      ORDER BY a.created_at DESC, a.id DESC
      LIMIT ${limit}::int`,
    params.values,
  );
  return rows.map((r) => ({
    id: r.id,
    familyCode: r.family_code,
    motive: r.motive,
    status: r.status,
    priorityBand: r.priority_band,
    expectedImpact: r.expected_impact,
    contactFrom: r.contact_from,
    contactUntil: r.contact_until,
    responseDeadline: r.response_deadline,
    createdAt: r.created_at.toISOString(),
    delegateName: r.delegate_name,
    attributedAmount: r.attributed,
  }));
}

/** What people did (attend, dismiss, snooze, reopen), newest first; the engine's own events are left out. */
export async function getClientActions(db: Queryable, actor: Actor, clientId: number, options: { limit?: number } = {}): Promise<ClientActionRow[]> {
  const params = new SqlParams();
  const client = params.add(clientId);
  const types = params.add(HUMAN_EVENTS);
  const limit = params.add(options.limit ?? 50);
  const scope = addClientScope(params, actor, "c");
  const { rows } = await db.query<{
    id: number;
    alert_id: number;
    family_code: string;
    motive: MotiveCode;
    type: string;
    created_at: Date;
    user_name: string | null;
    payload: Record<string, unknown> | null;
  }>(
    `SELECT e.id, e.alert_id, a.family_code, a.motive::text AS motive, e.type::text AS type, e.created_at, u.name AS user_name, e.payload
       FROM alert a
       JOIN client c ON c.id = a.client_id
       JOIN alert_event e ON e.alert_id = a.id
       LEFT JOIN app_user u ON u.id = e.user_id
      WHERE a.client_id = ${client}::int AND NOT a.held_out AND e.type::text = ANY(${types}::text[]) AND ${scope}
      ORDER BY e.created_at DESC, e.id DESC
      LIMIT ${limit}::int`,
    params.values,
  );
  return rows.map((r) => ({
    id: r.id,
    alertId: r.alert_id,
    familyCode: r.family_code,
    motive: r.motive,
    type: r.type,
    at: r.created_at.toISOString(),
    userName: r.user_name,
    payload: r.payload,
  }));
}
