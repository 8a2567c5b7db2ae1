// Did alerts move purchases? Conversion = the share of alerts with at least one attributed purchase;
// € captured = the attributed amount. Alerts fall into four arms:
//   heldOut          the control group: recorded, never shown;
//   attended         shown and acted on (status ATTENDED);
//   shownNotAttended inside a delegate's daily capacity at least once, not attended;
//   notShown         eligible but never inside the capacity (outranked), not attended.
// The lift that measures the product is intention-to-treat: every non-held-out alert ("treated") against
// the control group, because the control group was drawn before capacity or the delegate chose. The
// attended-vs-control difference is reported too, but it is biased (delegates pick the promising ones).
import type { DbTx } from "@/lib/db/prisma";
import type { IsoDate, Motive } from "./types";

export interface ConversionScope {
  delegateIds?: number[];
  motive?: Motive;
  familyCode?: string;
  /** Alerts raised (first as-of) on or after / on or before. */
  raisedFrom?: IsoDate;
  raisedUntil?: IsoDate;
  /** Only alerts whose attribution window (contact_until + grace) ended before this date. */
  matureBefore?: IsoDate;
  graceDays?: number;
}

export interface ArmStats {
  alerts: number;
  converted: number;
  conversionRate: number | null;
  amount: number;
  amountPerAlert: number | null;
}

export interface ConversionStats {
  heldOut: ArmStats;
  attended: ArmStats;
  shownNotAttended: ArmStats;
  notShown: ArmStats;
  /** Every non-held-out alert: the treated arm of the intention-to-treat comparison. */
  treated: ArmStats;
  lift: {
    /** treated − control conversion rate (percentage points as a fraction). */
    conversionRateDiff: number | null;
    /** treated / control − 1. */
    conversionRateRelative: number | null;
    amountPerAlertDiff: number | null;
    /** attended − control conversion rate: biased by the delegate's choice, shown for context. */
    attendedVsControlRateDiff: number | null;
  };
}

type Arm = "heldOut" | "attended" | "shownNotAttended" | "notShown";

function arm(rows: { arm: Arm; alerts: number; converted: number; amount: number }[], names: Arm[]): ArmStats {
  const picked = rows.filter((r) => names.includes(r.arm));
  const alerts = picked.reduce((s, r) => s + r.alerts, 0);
  const converted = picked.reduce((s, r) => s + r.converted, 0);
  const amount = Math.round(picked.reduce((s, r) => s + r.amount, 0) * 100) / 100;
  return {
    alerts,
    converted,
    conversionRate: alerts ? converted / alerts : null,
    amount,
    amountPerAlert: alerts ? amount / alerts : null,
  };
}

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

export async function conversionStats(db: DbTx, scope: ConversionScope = {}): Promise<ConversionStats> {
  const rows = await db.$queryRawUnsafe<{ arm: Arm; alerts: number; converted: number; amount: number }[]>(
    `WITH scoped AS (
       SELECT a.id, a.held_out, a.status, a.trace ? 'display' AS shown, a.contact_until,
              coalesce((SELECT (e.payload->>'asOf')::date FROM alert_event e
                         WHERE e.alert_id = a.id AND e.type = 'CREATED' ORDER BY e.id LIMIT 1), a.created_at::date) AS raised_on
         FROM alert a
        WHERE ($1::jsonb IS NULL OR a.delegate_id IN (SELECT (jsonb_array_elements_text($1::jsonb))::int))
          AND ($2::text IS NULL OR a.motive::text = $2::text)
          AND ($3::text IS NULL OR a.family_code = $3::text)
     ), per_alert AS (
       SELECT s.*,
              CASE WHEN s.held_out THEN 'heldOut'
                   WHEN s.status = 'ATTENDED' THEN 'attended'
                   WHEN s.shown THEN 'shownNotAttended'
                   ELSE 'notShown' END AS arm,
              coalesce((SELECT sum(x.amount) FROM alert_attribution x WHERE x.alert_id = s.id), 0) AS amount,
              EXISTS (SELECT 1 FROM alert_attribution x WHERE x.alert_id = s.id) AS converted
         FROM scoped s
        WHERE ($4::date IS NULL OR s.raised_on >= $4::date)
          AND ($5::date IS NULL OR s.raised_on <= $5::date)
          AND ($6::date IS NULL OR s.contact_until + $7::int < $6::date)
     )
     SELECT arm, count(*)::int AS alerts, count(*) FILTER (WHERE converted)::int AS converted, sum(amount)::float8 AS amount
       FROM per_alert GROUP BY arm`,
    scope.delegateIds ? JSON.stringify(scope.delegateIds) : null,
    scope.motive ?? null,
    scope.familyCode ?? null,
    scope.raisedFrom ?? null,
    scope.raisedUntil ?? null,
    scope.matureBefore ?? null,
    scope.graceDays ?? 30,
  );
  const heldOut = arm(rows, ["heldOut"]);
  const attended = arm(rows, ["attended"]);
  const treated = arm(rows, ["attended", "shownNotAttended", "notShown"]);
  return {
    heldOut,
    attended,
    shownNotAttended: arm(rows, ["shownNotAttended"]),
    notShown: arm(rows, ["notShown"]),
    treated,
    lift: {
      conversionRateDiff: diff(treated.conversionRate, heldOut.conversionRate),
      conversionRateRelative:
        treated.conversionRate === null || !heldOut.conversionRate ? null : treated.conversionRate / heldOut.conversionRate - 1,
      amountPerAlertDiff: diff(treated.amountPerAlert, heldOut.amountPerAlert),
      attendedVsControlRateDiff: diff(attended.conversionRate, heldOut.conversionRate),
    },
  };
}
