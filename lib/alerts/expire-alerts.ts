// The daily run's housekeeping, before new drafts are applied:
//   - a SNOOZED alert whose date has come is OPEN again (event REOPENED, reason SNOOZE_ENDED);
//   - an OPEN alert whose contact window has passed (contact_until < asOf) is EXPIRED (event EXPIRED,
//     reason WINDOW_PASSED). A snoozed alert does not expire while snoozed: the delegate chose its date,
//     and it holds the key so the next run does not raise a duplicate in the meantime.
// Both are status changes, so they bump the version: a delegate acting on the stale alert gets a conflict.
import type { DbTx } from "@/lib/db/prisma";
import type { IsoDate } from "./types";

export async function endSnoozes(tx: DbTx, asOf: IsoDate, runId: number | null): Promise<number> {
  const [row] = await tx.$queryRawUnsafe<{ n: number }[]>(
    `WITH s AS (
       UPDATE alert SET status = 'OPEN', snoozed_until = NULL, version = version + 1, updated_at = now()
        WHERE status = 'SNOOZED' AND (snoozed_until IS NULL OR snoozed_until <= $1::date)
       RETURNING id
     ), ev AS (
       INSERT INTO alert_event (alert_id, type, from_status, to_status, payload)
       SELECT id, 'REOPENED', 'SNOOZED', 'OPEN', jsonb_build_object('reason', 'SNOOZE_ENDED', 'asOf', $1::text, 'runId', $2::int)
         FROM s
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM ev`,
    asOf,
    runId,
  );
  return row?.n ?? 0;
}

export async function expirePassedWindows(tx: DbTx, asOf: IsoDate, runId: number | null): Promise<number> {
  const [row] = await tx.$queryRawUnsafe<{ n: number }[]>(
    `WITH e AS (
       UPDATE alert SET status = 'EXPIRED', open_key = NULL, closed_at = now(), version = version + 1, updated_at = now()
        WHERE status = 'OPEN' AND contact_until < $1::date
       RETURNING id, contact_until
     ), ev AS (
       INSERT INTO alert_event (alert_id, type, from_status, to_status, payload)
       SELECT id, 'EXPIRED', 'OPEN', 'EXPIRED',
              jsonb_build_object('reason', 'WINDOW_PASSED', 'contactUntil', contact_until::text, 'asOf', $1::text, 'runId', $2::int)
         FROM e
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM ev`,
    asOf,
    runId,
  );
  return row?.n ?? 0;
}
