// Capacity: a delegate is shown at most N alerts a day (delegate.daily_capacity, else the setting
// dailyCapacity). Representation:
//   - the daily run ranks each delegate's eligible alerts — OPEN, not held out, contact window open
//     on asOf — by priority score (ties: older alert first) and stamps the top N with
//     trace.display = { firstShownOn, lastShownOn: asOf, lastRank };
//   - the day's list is what was stamped for the latest day and is still OPEN (listShownAlerts).
//     Attending an alert removes it without pulling in the next one: the quota is per day. A second
//     run for the same day keeps what was already shown that day (whatever its status now) and only
//     fills the places left, so re-running a day does not refill the list;
//   - "was this alert ever shown" (for conversionStats) is trace.display existing.
// Held-out alerts never enter the ranking, and alerts without a delegate are never shown.
import type { DbTx } from "@/lib/db/prisma";
import type { AlertReason, Channel, IsoDate, Motive, PriorityBand } from "./types";

/** Stamps the day's top-N per delegate (minus those already shown that day); returns how many it stamped. */
export async function markShownAlerts(tx: DbTx, asOf: IsoDate, dailyCapacity: number): Promise<number> {
  const [row] = await tx.$queryRawUnsafe<{ n: number }[]>(
    `WITH already AS (
       SELECT delegate_id, count(*)::int AS n FROM alert
        WHERE delegate_id IS NOT NULL AND trace #>> '{display,lastShownOn}' = $1::text
        GROUP BY delegate_id
     ), ranked AS (
       SELECT a.id, row_number() OVER (PARTITION BY a.delegate_id ORDER BY a.priority_score DESC, a.id) AS rank,
              coalesce(d.daily_capacity, $2::int) - coalesce(already.n, 0) AS places, coalesce(already.n, 0) AS before
         FROM alert a
         JOIN delegate d ON d.id = a.delegate_id
         LEFT JOIN already ON already.delegate_id = a.delegate_id
        WHERE a.status = 'OPEN' AND NOT a.held_out AND a.contact_from <= $1::date AND a.contact_until >= $1::date
          AND (a.trace #>> '{display,lastShownOn}') IS DISTINCT FROM $1::text
     ), shown AS (
       UPDATE alert a
          SET trace = jsonb_set(a.trace, '{display}', jsonb_build_object(
                'firstShownOn', coalesce(a.trace #>> '{display,firstShownOn}', $1::text),
                'lastShownOn', $1::text,
                'lastRank', r.before + r.rank))
         FROM ranked r
        WHERE a.id = r.id AND r.rank <= r.places
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM shown`,
    asOf,
    dailyCapacity,
  );
  return row?.n ?? 0;
}

export interface ShownAlert {
  id: number;
  version: number;
  delegateId: number;
  rank: number;
  clientId: number;
  familyCode: string;
  motive: Motive;
  priorityScore: number;
  priorityBand: PriorityBand;
  channel: Channel;
  contactFrom: IsoDate;
  contactUntil: IsoDate;
  responseDeadline: IsoDate | null;
  reasons: AlertReason[];
}

/**
 * The day's list: alerts stamped as shown on `asOf` (default: the latest day anything was shown) and
 * still OPEN, by rank. No scoping here: the caller's data layer restricts to the actor's delegates.
 */
export async function listShownAlerts(db: DbTx, options: { delegateId?: number; asOf?: IsoDate } = {}): Promise<ShownAlert[]> {
  const rows = await db.$queryRawUnsafe<
    {
      id: number;
      version: number;
      delegate_id: number;
      rank: number;
      client_id: number;
      family_code: string;
      motive: Motive;
      priority_score: number;
      priority_band: PriorityBand;
      channel: Channel;
      contact_from: string;
      contact_until: string;
      response_deadline: string | null;
      reasons: AlertReason[];
    }[]
  >(
    `WITH day AS (
       SELECT coalesce($1::text, max(trace #>> '{display,lastShownOn}')) AS shown_on FROM alert WHERE status = 'OPEN'
     )
     SELECT a.id, a.version, a.delegate_id, (a.trace #>> '{display,lastRank}')::int AS rank, a.client_id, a.family_code,
            a.motive::text AS motive, a.priority_score, a.priority_band::text AS priority_band, a.channel::text AS channel,
            a.contact_from::text AS contact_from, a.contact_until::text AS contact_until,
            a.response_deadline::text AS response_deadline, a.reasons
       FROM alert a, day
      WHERE a.status = 'OPEN' AND NOT a.held_out AND a.trace #>> '{display,lastShownOn}' = day.shown_on
        AND ($2::int IS NULL OR a.delegate_id = $2::int)
      ORDER BY a.delegate_id, rank`,
    options.asOf ?? null,
    options.delegateId ?? null,
  );
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    delegateId: r.delegate_id,
    rank: r.rank,
    clientId: r.client_id,
    familyCode: r.family_code,
    motive: r.motive,
    priorityScore: r.priority_score,
    priorityBand: r.priority_band,
    channel: r.channel,
    contactFrom: r.contact_from,
    contactUntil: r.contact_until,
    responseDeadline: r.response_deadline,
    reasons: r.reasons,
  }));
}
