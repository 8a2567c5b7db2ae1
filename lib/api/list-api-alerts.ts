import "server-only";
// GET /api/v1/alerts: the alerts of the clients within the caller's scope (the control group never
// leaves the product), filtered, in (updated_at, id) order so a CRM can sync incrementally with
// `updated_since` and page with a keyset cursor that never skips or repeats a row.
import { z } from "zod";
import type { Actor } from "@/lib/auth/load-actor";
import { scopeClientsSql } from "@/lib/auth/scope";
import type { DbTx } from "@/lib/db/prisma";
import { decodeCursor, encodeCursor, type ApiPage, type CsvValue } from "./api-format";
import { codeList, enumList, instant, pageSize, SqlParams } from "./api-query";

export const ALERT_STATUSES = ["OPEN", "SNOOZED", "ATTENDED", "DISMISSED", "EXPIRED"] as const;
export const ALERT_MOTIVES = ["REPLENISHMENT", "CAPTURE", "DETERIORATION", "CHURN_RISK", "REACTIVATION"] as const;
export const PRIORITY_BANDS = ["HIGH", "MEDIUM", "LOW"] as const;

export const alertsQuerySchema = z.object({
  status: enumList(ALERT_STATUSES).optional(),
  motive: enumList(ALERT_MOTIVES).optional(),
  family: codeList(/^[A-Z0-9]{1,8}$/, "Family codes look like C1, T2.").optional(),
  priority_band: enumList(PRIORITY_BANDS).optional(),
  /** A delegate's id, or their e-mail. */
  delegate: z.string().trim().min(1).max(200).optional(),
  province: codeList(/^\d{2}$/, "Province codes are INE's two digits (28 = Madrid).").optional(),
  updated_since: instant.optional(),
  limit: pageSize,
  cursor: z.string().max(500).optional(),
});

export type AlertsQuery = z.infer<typeof alertsQuerySchema>;

export interface ApiAlert {
  id: number;
  clientId: string;
  provinceCode: string | null;
  familyCode: string;
  motive: string;
  status: string;
  priorityBand: string;
  priorityScore: number;
  expectedImpact: number;
  conversionProbability: number;
  urgency: number;
  contactFrom: string;
  contactUntil: string;
  responseDeadline: string | null;
  channel: string;
  delegate: { id: number; name: string; email: string } | null;
  reasons: string[];
  asOf: string;
  snoozedUntil: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export class InvalidCursorError extends Error {
  constructor() {
    super("The cursor is not valid: pass back the nextCursor of the previous page unchanged.");
  }
}

interface RawAlert {
  id: number;
  external_id: string;
  province_code: string | null;
  family_code: string;
  motive: string;
  status: string;
  priority_band: string;
  priority_score: number;
  expected_impact: number;
  conversion_probability: number;
  urgency: number;
  contact_from: string;
  contact_until: string;
  response_deadline: string | null;
  channel: string;
  delegate_id: number | null;
  delegate_name: string | null;
  delegate_email: string | null;
  reasons: unknown;
  as_of: string;
  snoozed_until: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  sort_updated: string;
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** The texts of the alert's reasons (rule reasons first, then the model's), as the inbox shows them. */
export function reasonTexts(reasons: unknown): string[] {
  const list = Array.isArray(reasons) ? reasons : reasons ? [reasons] : [];
  return list.flatMap((item) => (item && typeof item === "object" && typeof (item as { text?: unknown }).text === "string" ? [(item as { text: string }).text] : []));
}

function cursorKey(cursor: string | undefined): [string, number] | null {
  if (cursor === undefined) return null;
  const key = decodeCursor(cursor);
  if (!key || key.length !== 2 || typeof key[0] !== "string" || !/^\d{4}-\d{2}-\d{2} [\d:.]+$/.test(key[0]) || !Number.isInteger(key[1])) {
    throw new InvalidCursorError();
  }
  return [key[0], key[1] as number];
}

export async function listApiAlerts(db: DbTx, actor: Actor, query: AlertsQuery): Promise<ApiPage<ApiAlert>> {
  const after = cursorKey(query.cursor);
  const params = new SqlParams();
  const scope = scopeClientsSql(actor, "c", 1);
  params.values.push(...scope.params);
  const where = [scope.sql, "NOT a.held_out"];
  if (query.status) where.push(`a.status::text = ANY(${params.add(query.status)}::text[])`);
  if (query.motive) where.push(`a.motive::text = ANY(${params.add(query.motive)}::text[])`);
  if (query.family) where.push(`a.family_code = ANY(${params.add(query.family)}::text[])`);
  if (query.priority_band) where.push(`a.priority_band::text = ANY(${params.add(query.priority_band)}::text[])`);
  if (query.province) where.push(`c.province_code = ANY(${params.add(query.province)}::text[])`);
  if (query.delegate) {
    where.push(
      /^\d+$/.test(query.delegate)
        ? `a.delegate_id = ${params.add(Number(query.delegate))}::int`
        : `a.delegate_id IN (SELECT d2.id FROM delegate d2 JOIN app_user u2 ON u2.id = d2.user_id WHERE lower(u2.email) = lower(${params.add(query.delegate)}::text))`,
    );
  }
  // updated_at holds UTC wall-clock time (Prisma's convention for timestamp columns).
  if (query.updated_since) where.push(`a.updated_at >= (${params.add(query.updated_since.toISOString())}::timestamptz AT TIME ZONE 'UTC')`);
  if (after) where.push(`(a.updated_at, a.id) > (${params.add(after[0])}::timestamp, ${params.add(after[1])}::int)`);
  const limit = params.add(query.limit + 1);
  const rows = await db.$queryRawUnsafe<RawAlert[]>(
    `SELECT a.id, c.external_id, c.province_code, a.family_code, a.motive::text AS motive, a.status::text AS status,
            a.priority_band::text AS priority_band, a.priority_score, a.expected_impact, a.conversion_probability, a.urgency,
            a.contact_from::text AS contact_from, a.contact_until::text AS contact_until, a.response_deadline::text AS response_deadline,
            a.channel::text AS channel, a.delegate_id, u.name AS delegate_name, u.email AS delegate_email, a.reasons,
            a.as_of::text AS as_of, a.snoozed_until::text AS snoozed_until, a.version,
            to_char(a.created_at, ${ISO}) AS created_at, to_char(a.updated_at, ${ISO}) AS updated_at,
            to_char(a.closed_at, ${ISO}) AS closed_at, a.updated_at::text AS sort_updated
       FROM alert a
       JOIN client c ON c.id = a.client_id
       LEFT JOIN delegate d ON d.id = a.delegate_id
       LEFT JOIN app_user u ON u.id = d.user_id
      WHERE ${where.join(" AND ")}
      ORDER BY a.updated_at, a.id
      LIMIT ${limit}::int`,
    ...params.values,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toApiAlert),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.sort_updated, last.id]) : null,
  };
}

function toApiAlert(row: RawAlert): ApiAlert {
  return {
    id: row.id,
    clientId: row.external_id,
    provinceCode: row.province_code,
    familyCode: row.family_code,
    motive: row.motive,
    status: row.status,
    priorityBand: row.priority_band,
    priorityScore: row.priority_score,
    expectedImpact: row.expected_impact,
    conversionProbability: row.conversion_probability,
    urgency: row.urgency,
    contactFrom: row.contact_from,
    contactUntil: row.contact_until,
    responseDeadline: row.response_deadline,
    channel: row.channel,
    delegate: row.delegate_id === null ? null : { id: row.delegate_id, name: row.delegate_name ?? "", email: row.delegate_email ?? "" },
    reasons: reasonTexts(row.reasons),
    asOf: row.as_of,
    snoozedUntil: row.snoozed_until,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
  };
}

export const ALERT_CSV_COLUMNS = [
  "id", "client_id", "province_code", "family_code", "motive", "status", "priority_band", "priority_score", "expected_impact",
  "conversion_probability", "urgency", "contact_from", "contact_until", "response_deadline", "channel", "delegate_id",
  "delegate_name", "delegate_email", "reasons", "as_of", "snoozed_until", "version", "created_at", "updated_at", "closed_at",
] as const;

export function alertCsvRow(alert: ApiAlert): CsvValue[] {
  return [
    alert.id, alert.clientId, alert.provinceCode, alert.familyCode, alert.motive, alert.status, alert.priorityBand, alert.priorityScore,
    alert.expectedImpact, alert.conversionProbability, alert.urgency, alert.contactFrom, alert.contactUntil, alert.responseDeadline,
    alert.channel, alert.delegate?.id, alert.delegate?.name, alert.delegate?.email, alert.reasons.join(" | "), alert.asOf,
    alert.snoozedUntil, alert.version, alert.createdAt, alert.updatedAt, alert.closedAt,
  ];
}
