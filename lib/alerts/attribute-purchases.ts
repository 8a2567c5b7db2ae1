// Outcome attribution: a purchase (sales_line kind PURCHASE) of the same client × family, dated after
// the alert was raised (its first as-of date, exclusive: a purchase on that day was already in the data
// the alert was computed from) and no later than contact_until + attributionGraceDays, is linked to the
// alert in alert_attribution with its € amount and the days after. Every alert counts — attended or not,
// shown or held out — because the lift compares exactly those groups.
// A sales line is attributed to one alert only: the most recently raised one whose window covers it,
// so € captured is never counted twice. Idempotent: lines already attributed are skipped, and each alert
// that gained lines gets one PURCHASE_ATTRIBUTED event per call.
import type { Db } from "@/lib/db/prisma";
import { isIsoDate } from "./alert-dates";
import { loadAlertSettings } from "./load-alert-settings";
import type { IsoDate } from "./types";

export interface AttributePurchasesOptions {
  /** Only sales lines loaded by this import or later ones (an import id is increasing). */
  sinceImportId?: number;
  /** Only sales lines dated on or after this date. */
  since?: IsoDate;
  /** Overrides the setting attributionGraceDays. */
  graceDays?: number;
}

export interface AttributePurchasesResult {
  lines: number;
  alerts: number;
  amount: number;
}

export async function attributePurchases(db: Db, options: AttributePurchasesOptions = {}): Promise<AttributePurchasesResult> {
  if (options.since !== undefined && !isIsoDate(options.since)) throw new Error(`attributePurchases: bad date "${options.since}"`);
  return db.$transaction(
    async (tx) => {
      // Two attributions at once could give one line to two alerts; one at a time.
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('alerts:attribute'))`;
      const grace = options.graceDays ?? (await loadAlertSettings(tx)).attributionGraceDays;
      const [row] = await tx.$queryRawUnsafe<AttributePurchasesResult[]>(
        `WITH raised AS (
           SELECT a.id, a.client_id, a.family_code, a.contact_until,
                  coalesce((SELECT (e.payload->>'asOf')::date FROM alert_event e
                             WHERE e.alert_id = a.id AND e.type = 'CREATED' ORDER BY e.id LIMIT 1),
                           a.created_at::date) AS raised_on
             FROM alert a
         ), candidates AS (
           SELECT DISTINCT ON (s.id) r.id AS alert_id, s.id AS sales_line_id, s.value AS amount, s.date - r.raised_on AS days_after
             FROM sales_line s
             JOIN raised r ON r.client_id = s.client_id AND r.family_code = s.family_code
            WHERE s.kind = 'PURCHASE'
              AND s.date > r.raised_on AND s.date <= r.contact_until + $1::int
              AND ($2::date IS NULL OR s.date >= $2::date)
              AND ($3::int IS NULL OR s.import_id >= $3::int)
              AND NOT EXISTS (SELECT 1 FROM alert_attribution x WHERE x.sales_line_id = s.id)
            ORDER BY s.id, r.raised_on DESC, r.id DESC
         ), ins AS (
           INSERT INTO alert_attribution (alert_id, sales_line_id, amount, days_after)
           SELECT alert_id, sales_line_id, amount, days_after FROM candidates
           ON CONFLICT DO NOTHING
           RETURNING alert_id, amount, days_after
         ), per_alert AS (
           SELECT alert_id, count(*) AS lines, sum(amount) AS amount, min(days_after) AS first_days_after
             FROM ins GROUP BY alert_id
         ), ev AS (
           INSERT INTO alert_event (alert_id, type, payload)
           SELECT alert_id, 'PURCHASE_ATTRIBUTED',
                  jsonb_build_object('lines', lines, 'amount', amount, 'firstDaysAfter', first_days_after)
             FROM per_alert
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM ins)::int AS lines, (SELECT count(*) FROM ev)::int AS alerts,
                coalesce((SELECT sum(amount) FROM ins), 0)::float8 AS amount`,
        grace,
        options.since ?? null,
        options.sinceImportId ?? null,
      );
      return row ?? { lines: 0, alerts: 0, amount: 0 };
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}
