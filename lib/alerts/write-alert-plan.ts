// Writes a run's plan: new alerts, in-place refreshes, cleared alerts, each with its alert_event rows,
// as set-based statements over a JSON batch (a daily run touches thousands of alerts).
import type { DbTx } from "@/lib/db/prisma";
import type { LiveAlert, PlannedCreate, PlannedUpdate } from "./plan-alert-changes";
import type { IsoDate } from "./types";

const BATCH = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

const count = (rows: { n: number }[]) => rows[0]?.n ?? 0;

/** Inserts new alerts with a CREATED event each; a key that became live meanwhile is skipped. */
export async function insertAlerts(
  tx: DbTx,
  asOf: IsoDate,
  runId: number | null,
  creates: readonly PlannedCreate[],
): Promise<{ created: number; heldOut: number }> {
  const totals = { created: 0, heldOut: 0 };
  for (const batch of chunks(creates)) {
    const rows = batch.map(({ draft: d, heldOut, delegateId }) => ({
      key: d.key,
      client_id: d.clientId,
      family_code: d.familyCode,
      motive: d.motive,
      held_out: heldOut,
      delegate_id: delegateId,
      priority_score: d.priorityScore,
      priority_band: d.priorityBand,
      expected_impact: d.expectedImpact,
      conversion_probability: d.conversionProbability,
      urgency: d.urgency,
      contact_from: d.contactFrom,
      contact_until: d.contactUntil,
      response_deadline: d.responseDeadline,
      channel: d.channel,
      reasons: d.reasons,
      trace: { ...d.trace, runId },
    }));
    const [result] = await tx.$queryRawUnsafe<{ created: number; held_out: number }[]>(
      `WITH d AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS d(
           key text, client_id int, family_code text, motive text, held_out boolean, delegate_id int,
           priority_score float8, priority_band text, expected_impact float8, conversion_probability float8,
           urgency float8, contact_from date, contact_until date, response_deadline date, channel text,
           reasons jsonb, trace jsonb)
       ), ins AS (
         INSERT INTO alert (client_id, family_code, motive, status, open_key, held_out, delegate_id,
                            priority_score, priority_band, expected_impact, conversion_probability, urgency,
                            contact_from, contact_until, response_deadline, channel, reasons, trace, as_of, updated_at)
         SELECT client_id, family_code, motive::"AlertMotive", 'OPEN', key, held_out, delegate_id,
                priority_score, priority_band::"PriorityBand", expected_impact, conversion_probability, urgency,
                contact_from, contact_until, response_deadline, channel::"Channel", reasons, trace, $2::date, now()
           FROM d
         ON CONFLICT (open_key) DO NOTHING
         RETURNING id, held_out
       ), ev AS (
         INSERT INTO alert_event (alert_id, type, to_status, payload)
         SELECT id, 'CREATED', 'OPEN', jsonb_build_object('asOf', $2::text, 'runId', $3::int, 'heldOut', held_out) FROM ins
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM ev)::int AS created, (SELECT count(*) FROM ins WHERE held_out)::int AS held_out`,
      JSON.stringify(rows),
      asOf,
      runId,
    );
    totals.created += result?.created ?? 0;
    totals.heldOut += result?.held_out ?? 0;
  }
  return totals;
}

export interface RefreshCounts {
  refreshed: number;
  updatedEvents: number;
  reassigned: number;
}

/**
 * Refreshes live alerts in place. Guarded by the version read when planning and by the status, so an
 * alert a person attended, dismissed or snoozed meanwhile is left alone (the next run sees it).
 * The `display` stamp written by the capacity step survives the new trace.
 */
export async function refreshAlerts(tx: DbTx, asOf: IsoDate, runId: number | null, updates: readonly PlannedUpdate[]): Promise<RefreshCounts> {
  const totals: RefreshCounts = { refreshed: 0, updatedEvents: 0, reassigned: 0 };
  for (const batch of chunks(updates)) {
    const rows = batch.map((u) => ({
      id: u.id,
      version: u.version,
      delegate_id: u.delegateId,
      priority_score: u.draft.priorityScore,
      priority_band: u.draft.priorityBand,
      expected_impact: u.draft.expectedImpact,
      conversion_probability: u.draft.conversionProbability,
      urgency: u.draft.urgency,
      contact_from: u.contactFrom,
      contact_until: u.draft.contactUntil,
      response_deadline: u.responseDeadline,
      channel: u.draft.channel,
      reasons: u.draft.reasons,
      trace: { ...u.draft.trace, runId },
      material: u.material,
      changes: u.changes,
      reassigned: u.reassigned !== null,
      previous_delegate_id: u.reassigned?.from ?? null,
    }));
    const [result] = await tx.$queryRawUnsafe<{ refreshed: number; updated: number; reassigned: number }[]>(
      `WITH d AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS d(
           id int, version int, delegate_id int, priority_score float8, priority_band text, expected_impact float8,
           conversion_probability float8, urgency float8, contact_from date, contact_until date,
           response_deadline date, channel text, reasons jsonb, trace jsonb, material boolean, changes jsonb,
           reassigned boolean, previous_delegate_id int)
       ), upd AS (
         UPDATE alert a
            SET delegate_id = d.delegate_id, priority_score = d.priority_score,
                priority_band = d.priority_band::"PriorityBand", expected_impact = d.expected_impact,
                conversion_probability = d.conversion_probability, urgency = d.urgency,
                contact_from = d.contact_from, contact_until = d.contact_until,
                response_deadline = d.response_deadline, channel = d.channel::"Channel", reasons = d.reasons,
                trace = CASE WHEN a.trace ? 'display' THEN d.trace || jsonb_build_object('display', a.trace->'display') ELSE d.trace END,
                as_of = $2::date, updated_at = now()
           FROM d
          WHERE a.id = d.id AND a.version = d.version AND a.status IN ('OPEN', 'SNOOZED')
         RETURNING a.id, a.status, a.delegate_id, d.material, d.changes, d.reassigned, d.previous_delegate_id
       ), updated AS (
         INSERT INTO alert_event (alert_id, type, from_status, to_status, payload)
         SELECT id, 'UPDATED', status, status, jsonb_build_object('asOf', $2::text, 'runId', $3::int, 'changes', changes)
           FROM upd WHERE material
         RETURNING 1
       ), reassigned AS (
         INSERT INTO alert_event (alert_id, type, from_status, to_status, payload)
         SELECT id, 'REASSIGNED', status, status,
                jsonb_build_object('asOf', $2::text, 'runId', $3::int, 'fromDelegateId', previous_delegate_id, 'toDelegateId', delegate_id)
           FROM upd WHERE reassigned
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM upd)::int AS refreshed, (SELECT count(*) FROM updated)::int AS updated,
              (SELECT count(*) FROM reassigned)::int AS reassigned`,
      JSON.stringify(rows),
      asOf,
      runId,
    );
    totals.refreshed += result?.refreshed ?? 0;
    totals.updatedEvents += result?.updated ?? 0;
    totals.reassigned += result?.reassigned ?? 0;
  }
  return totals;
}

/** Expires live alerts whose signal no longer fires (runs that scored every pair). */
export async function expireClearedAlerts(tx: DbTx, asOf: IsoDate, runId: number | null, cleared: readonly LiveAlert[]): Promise<number> {
  let expired = 0;
  for (const batch of chunks(cleared)) {
    const result = await tx.$queryRawUnsafe<{ n: number }[]>(
      `WITH d AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS d(id int, version int, status text)),
       upd AS (
         UPDATE alert a SET status = 'EXPIRED', open_key = NULL, snoozed_until = NULL, closed_at = now(),
                version = a.version + 1, updated_at = now()
           FROM d WHERE a.id = d.id AND a.version = d.version AND a.status::text = d.status
         RETURNING a.id, d.status
       ), ev AS (
         INSERT INTO alert_event (alert_id, type, from_status, to_status, payload)
         SELECT id, 'EXPIRED', status::"AlertStatus", 'EXPIRED',
                jsonb_build_object('reason', 'CONDITION_CLEARED', 'asOf', $2::text, 'runId', $3::int)
           FROM upd
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM ev`,
      JSON.stringify(batch.map((a) => ({ id: a.id, version: a.version, status: a.status }))),
      asOf,
      runId,
    );
    expired += count(result);
  }
  return expired;
}
