import "server-only";
// One page of a delegate's inbox: the alerts of the clients within the actor's scope, never the
// held-out control group, filtered, sorted and paginated in PostgreSQL, in ONE statement (one round
// trip), which also brings what the page's header and filters need (the territory's provinces with
// their client counts, the families):
//   - the tab counts: one index-only pass over the scope (alert_inbox_count_idx, narrow, when no filter
//     is set; alert_inbox_idx, which carries every filter, when one is);
//   - the page's 25 ids: alert_inbox_idx keeps each delegate's alerts of one status in priority order,
//     so the default view reads the first 25 entries; "pending" is two statuses (open, and snoozed
//     whose date has come), read as two ordered branches and merged;
//   - only then those 25 rows in full.
// The scope is read from alert.province_code (the client's province, copied and kept by the
// database), so no scan over the delegate's alerts joins client.
import type { Actor } from "@/lib/auth/load-actor";
import { scopeAlertsSql, scopeProvincesSql } from "@/lib/auth/scope";
import type { BandCode, ChannelCode, InboxQuery, InboxSort, InboxTab, MotiveCode } from "./inbox-query";
import { madridToday } from "./madrid-today";
import { queryRows, type SqlDb } from "./query-rows";
import { readAlertReasons } from "./read-alert-explanation";

export type AlertStatusCode = "OPEN" | "SNOOZED" | "ATTENDED" | "DISMISSED" | "EXPIRED";

export interface InboxRow {
  id: number;
  version: number;
  clientExternalId: string;
  provinceName: string | null;
  familyCode: string;
  motive: MotiveCode;
  status: AlertStatusCode;
  priorityBand: BandCode;
  priorityScore: number;
  expectedImpact: number;
  /** yyyy-mm-dd */
  contactFrom: string;
  contactUntil: string;
  channel: ChannelCode;
  snoozedUntil: string | null;
  topReason: string | null;
}

export interface InboxPage {
  rows: InboxRow[];
  /** Alerts in the current tab under the current filters. */
  total: number;
  page: number;
  pages: number;
  tabCounts: Record<InboxTab, number>;
  /** The provinces of the actor's territory (the province filter, the header). */
  territory: InboxProvince[];
  /** The product families (reference data, not scoped): the family filter. */
  families: FamilyOption[];
  /** In the plan view: the day of the engine's latest daily plan (yyyy-mm-dd), null before any. */
  planDay: string | null;
}

export interface InboxProvince {
  code: string;
  name: string;
  /** Clients of the province (all of them are within the scope): province.client_count, which the
   *  database keeps exact (triggers on client), instead of counting ~16k index entries per request. */
  clients: number;
}

export interface FamilyOption {
  code: string;
  label: string;
}

/**
 * The day of the engine's latest daily plan: the latest day it stamped alerts as shown within a
 * delegate's daily capacity, among those still open (as listShownAlerts reads it; one probe of
 * alert_shown_on_idx).
 */
const PLAN_DAY_SQL = `(SELECT max(x.trace #>> '{display,lastShownOn}') FROM alert x WHERE x.status = 'OPEN' AND NOT x.held_out)`;

/** Collects positional parameters while a query's text is written. */
class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A snooze whose date has come is back in the to-do list, without anyone having to wake it. */
const snoozeOver = (today: string) => `(a.snoozed_until IS NULL OR a.snoozed_until <= ${today}::date)`;

/** `today` is a parameter reference, added only by the tabs that use it (an unreferenced
 *  parameter has no type PostgreSQL can infer). */
function tabConditions(today: () => string): Record<InboxTab, string> {
  return {
    get pending() {
      return `(a.status = 'OPEN' OR (a.status = 'SNOOZED' AND ${snoozeOver(today())}))`;
    },
    get snoozed() {
      return `(a.status = 'SNOOZED' AND a.snoozed_until > ${today()}::date)`;
    },
    attended: `a.status = 'ATTENDED'`,
    dismissed: `a.status = 'DISMISSED'`,
  };
}

const ORDER_BY: Record<InboxSort, string> = {
  priority: "a.priority_score DESC, a.id DESC",
  impact: "a.expected_impact DESC, a.priority_score DESC, a.id DESC",
  window: "a.contact_until ASC, a.priority_score DESC, a.id DESC",
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The WHERE clause on alert `a`: scope, control group, filters (not the tab). The scope and the
 *  province filter read the alert's copy of its client's province, so only a search by client id
 *  looks at client at all. */
function commonWhere(actor: Actor, query: InboxQuery, params: SqlParams): string {
  const scope = scopeAlertsSql(actor, "a", params.values.length + 1);
  params.values.push(...scope.params);
  const conditions = [scope.sql, "NOT a.held_out", `a.status IN ('OPEN', 'SNOOZED', 'ATTENDED', 'DISMISSED')`];
  // A delegate's inbox is also what the engine routed to them (alert.delegate_id, re-resolved from the
  // client's province on every run). It never widens the scope above; it lets PostgreSQL start from
  // the (delegate_id, status, …) index instead of probing every client of the territory.
  if (actor.role === "DELEGATE") conditions.push(`a.delegate_id = ${params.add(actor.delegateId ?? -1)}::int`);
  if (query.band) conditions.push(`a.priority_band = ${params.add(query.band)}::"PriorityBand"`);
  if (query.motive) conditions.push(`a.motive = ${params.add(query.motive)}::"AlertMotive"`);
  if (query.channel) conditions.push(`a.channel = ${params.add(query.channel)}::"Channel"`);
  if (query.family) conditions.push(`a.family_code = ${params.add(query.family)}::text`);
  if (query.province) conditions.push(`a.province_code = ${params.add(query.province)}::text`);
  // The plan's alerts in every status, so that the tabs show what became of it.
  if (query.plan) conditions.push(`(a.trace #>> '{display,lastShownOn}') = ${PLAN_DAY_SQL}`);
  if (query.q) {
    conditions.push(`EXISTS (SELECT 1 FROM client c WHERE c.id = a.client_id AND c.external_id ILIKE ${params.add(`%${escapeLike(query.q)}%`)}::text)`);
  }
  return conditions.join(" AND ");
}

interface RawRow {
  id: number;
  version: number;
  external_id: string;
  province_name: string | null;
  family_code: string;
  motive: MotiveCode;
  status: AlertStatusCode;
  priority_band: BandCode;
  priority_score: number;
  expected_impact: number;
  contact_from: string;
  contact_until: string;
  channel: ChannelCode;
  snoozed_until: string | null;
  top_reason: unknown;
}

export interface SqlQuery {
  text: string;
  values: unknown[];
}

export function inboxPageSql(actor: Actor, query: InboxQuery, today: string): SqlQuery {
  const params = new SqlParams();
  const where = commonWhere(actor, query, params);
  let todayRef: string | null = null;
  const tabs = tabConditions(() => (todayRef ??= params.add(today)));
  const provinceScope = scopeProvincesSql(actor, "p", params.values.length + 1);
  params.values.push(...provinceScope.params);
  const limit = params.add(query.pageSize);
  const offset = params.add((query.page - 1) * query.pageSize);
  const order = ORDER_BY[query.sort];
  // Pending = open ∪ snoozed-and-due: each branch is one (delegate, status) range of the index, read in
  // order and cut at offset + limit, then the two are merged (for the other sorts each branch sorts).
  const pageSql =
    query.tab === "pending"
      ? `SELECT a.id FROM (
           (SELECT a.id, a.priority_score, a.expected_impact, a.contact_until FROM alert a
             WHERE ${where} AND a.status = 'OPEN'
             ORDER BY ${order} LIMIT ${limit}::int + ${offset}::int)
           UNION ALL
           (SELECT a.id, a.priority_score, a.expected_impact, a.contact_until FROM alert a
             WHERE ${where} AND a.status = 'SNOOZED' AND ${snoozeOver((todayRef ??= params.add(today)))}
             ORDER BY ${order} LIMIT ${limit}::int + ${offset}::int)) a
         ORDER BY ${order}
         LIMIT ${limit}::int OFFSET ${offset}::int`
      : `SELECT a.id FROM alert a
          WHERE ${where} AND ${tabs[query.tab]}
          ORDER BY ${order}
          LIMIT ${limit}::int OFFSET ${offset}::int`;
  const text = `
    WITH page AS (${pageSql})
    SELECT (SELECT json_build_object(
              'pending', count(*) FILTER (WHERE ${tabs.pending}),
              'attended', count(*) FILTER (WHERE ${tabs.attended}),
              'dismissed', count(*) FILTER (WHERE ${tabs.dismissed}),
              'snoozed', count(*) FILTER (WHERE ${tabs.snoozed}))
              FROM alert a WHERE ${where}) AS counts,
           (SELECT coalesce(json_agg(row_to_json(r) ORDER BY r.ord), '[]'::json) FROM (
              SELECT row_number() OVER (ORDER BY ${order}) AS ord,
                     a.id, a.version, c.external_id, p.name AS province_name, a.family_code, a.motive,
                     a.status, a.priority_band, a.priority_score, a.expected_impact,
                     a.contact_from::text AS contact_from, a.contact_until::text AS contact_until, a.channel,
                     a.snoozed_until::text AS snoozed_until,
                     CASE jsonb_typeof(a.reasons) WHEN 'array' THEN a.reasons -> 0 ELSE a.reasons END AS top_reason
                FROM page
                JOIN alert a ON a.id = page.id
                JOIN client c ON c.id = a.client_id
                LEFT JOIN province p ON p.code = a.province_code) r) AS rows,
           (SELECT coalesce(json_agg(json_build_object('code', p.code, 'name', p.name,
                                                       'clients', p.client_count)
                                     ORDER BY p.region_code, p.name), '[]'::json)
              FROM province p WHERE ${provinceScope.sql}) AS territory,
           (SELECT coalesce(json_agg(json_build_object('code', f.code, 'label', f.label) ORDER BY f.code), '[]'::json)
              FROM family f) AS families,
           ${query.plan ? PLAN_DAY_SQL : "NULL::text"} AS plan_day`;
  return { text, values: params.values };
}

function toRow(row: RawRow): InboxRow {
  return {
    id: row.id,
    version: row.version,
    clientExternalId: row.external_id,
    provinceName: row.province_name,
    familyCode: row.family_code,
    motive: row.motive,
    status: row.status,
    priorityBand: row.priority_band,
    priorityScore: row.priority_score,
    expectedImpact: row.expected_impact,
    contactFrom: row.contact_from,
    contactUntil: row.contact_until,
    channel: row.channel,
    snoozedUntil: row.snoozed_until,
    topReason: row.top_reason === null ? null : (readAlertReasons(row.top_reason)[0]?.text ?? null),
  };
}

interface RawPage {
  counts: Record<InboxTab, number>;
  rows: RawRow[];
  territory: InboxProvince[];
  families: FamilyOption[];
  plan_day: string | null;
}

export async function getInboxPage(db: SqlDb, actor: Actor, query: InboxQuery, today: string = madridToday()): Promise<InboxPage> {
  const { text, values } = inboxPageSql(actor, query, today);
  const [result] = await queryRows<RawPage>(db, text, values);
  const tabCounts = result?.counts ?? { pending: 0, attended: 0, dismissed: 0, snoozed: 0 };
  const total = tabCounts[query.tab];
  return {
    rows: (result?.rows ?? []).map(toRow),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / query.pageSize)),
    tabCounts,
    territory: result?.territory ?? [],
    families: result?.families ?? [],
    planDay: result?.plan_day ?? null,
  };
}
