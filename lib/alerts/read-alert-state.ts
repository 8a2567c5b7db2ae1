// Reads what the planner needs about the stored alerts of a run's keys, in three set-based queries.
import type { DbTx } from "@/lib/db/prisma";
import type { Closure, LiveAlert } from "./plan-alert-changes";
import type { AlertDraft, AlertReason, AlertStatus, Channel, PriorityBand } from "./types";

interface LiveRow {
  id: number;
  open_key: string;
  version: number;
  status: AlertStatus;
  delegate_id: number | null;
  priority_score: number;
  priority_band: PriorityBand;
  channel: Channel;
  contact_from: string;
  contact_until: string;
  response_deadline: string | null;
  reasons: AlertReason[];
}

/** Live (OPEN or SNOOZED) alerts: of the given keys, or all of them when keys is null. */
export async function readLiveAlerts(tx: DbTx, keys: readonly string[] | null): Promise<Map<string, LiveAlert>> {
  const rows = await tx.$queryRawUnsafe<LiveRow[]>(
    `SELECT id, open_key, version, status::text AS status, delegate_id, priority_score, priority_band::text AS priority_band,
            channel::text AS channel, contact_from::text AS contact_from, contact_until::text AS contact_until,
            response_deadline::text AS response_deadline, reasons
       FROM alert
      WHERE open_key IS NOT NULL
        AND ($1::jsonb IS NULL OR open_key IN (SELECT jsonb_array_elements_text($1::jsonb)))`,
    keys === null ? null : JSON.stringify(keys),
  );
  return new Map(
    rows.map((r) => [
      r.open_key,
      {
        id: r.id,
        key: r.open_key,
        version: r.version,
        status: r.status,
        delegateId: r.delegate_id,
        priorityScore: r.priority_score,
        priorityBand: r.priority_band,
        channel: r.channel,
        contactFrom: r.contact_from,
        contactUntil: r.contact_until,
        responseDeadline: r.response_deadline,
        reasons: Array.isArray(r.reasons) ? r.reasons : [],
      },
    ]),
  );
}

/** The latest closure by a person (ATTENDED or DISMISSED) of each key, for cooling-off. */
export async function readLatestClosures(tx: DbTx, drafts: readonly AlertDraft[]): Promise<Map<string, Closure>> {
  if (drafts.length === 0) return new Map();
  const keys = drafts.map((d) => ({ client_id: d.clientId, family_code: d.familyCode, motive: d.motive }));
  const rows = await tx.$queryRawUnsafe<{ key: string; status: "ATTENDED" | "DISMISSED"; as_of: string; dismiss_reason: string | null }[]>(
    `SELECT DISTINCT ON (a.client_id, a.family_code, a.motive)
            a.client_id || ':' || a.family_code || ':' || a.motive::text AS key,
            a.status::text AS status, a.as_of::text AS as_of,
            (SELECT e.payload->>'reasonCode' FROM alert_event e
              WHERE e.alert_id = a.id AND e.type = 'DISMISSED' ORDER BY e.id DESC LIMIT 1) AS dismiss_reason
       FROM jsonb_to_recordset($1::jsonb) AS k(client_id int, family_code text, motive text)
       JOIN alert a ON a.client_id = k.client_id AND a.family_code = k.family_code AND a.motive::text = k.motive
      WHERE a.status IN ('ATTENDED', 'DISMISSED')
      ORDER BY a.client_id, a.family_code, a.motive, a.as_of DESC, a.id DESC`,
    JSON.stringify(keys),
  );
  return new Map(rows.map((r) => [r.key, { status: r.status, asOf: r.as_of, dismissReason: r.dismiss_reason }]));
}

/** The delegate owning each client's province now (null without one); unknown clients are absent. */
export async function readClientDelegates(tx: DbTx, clientIds: readonly number[]): Promise<Map<number, number | null>> {
  if (clientIds.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<{ id: number; delegate_id: number | null }[]>(
    `SELECT c.id, p.delegate_id
       FROM client c LEFT JOIN province p ON p.code = c.province_code
      WHERE c.id IN (SELECT (jsonb_array_elements_text($1::jsonb))::int)`,
    JSON.stringify([...new Set(clientIds)]),
  );
  return new Map(rows.map((r) => [r.id, r.delegate_id]));
}
