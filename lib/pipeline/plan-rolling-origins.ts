// Rolling-origin evaluation: the pipeline's temporal design replayed at several earlier dates.
// For a head of horizon h and an origin O, the model is fitted as the pipeline would have fitted it
// had its holdout been O: the plan of planSnapshots(O + h), i.e.
//
//   evaluation = O                       (labels end at O + h ≤ the as-of date)
//   valid      = O − h                   (early stopping; labels end at O)
//   train      = O − 2h − k × step       (labels end on or before O − h)
//
// so nothing fitted at an origin has seen a label window that reaches past the origin. Origins are
// spaced `spacingDays` apart, the latest at the last date whose label is observable (as-of − h).
import { addDays } from "@/lib/features";
import type { HeadDefinition } from "./heads";
import { DEFAULT_PLAN, planSnapshots, type PlanOptions } from "./plan-snapshots";

export interface OriginPlan {
  origin: string;
  train: string[];
  valid: string;
}

export interface RollingOriginOptions {
  origins: number;
  /** Days between consecutive origins. */
  spacingDays?: number;
  plan?: PlanOptions;
}

export const DEFAULT_ORIGIN_SPACING_DAYS = 90;

/** The origins of one head, oldest first. */
export function planRollingOrigins(
  asOf: string,
  head: Pick<HeadDefinition, "horizonDays">,
  options: RollingOriginOptions,
): OriginPlan[] {
  if (!Number.isInteger(options.origins) || options.origins < 1) throw new RangeError("origins must be a positive integer");
  const spacing = options.spacingDays ?? DEFAULT_ORIGIN_SPACING_DAYS;
  if (!(spacing > 0)) throw new RangeError("spacingDays must be positive");
  const latest = addDays(asOf, -head.horizonDays);
  return Array.from({ length: options.origins }, (_, k) => addDays(latest, -k * spacing))
    .reverse()
    .map((origin) => {
      const plan = planSnapshots(addDays(origin, head.horizonDays), head, options.plan ?? DEFAULT_PLAN);
      return { origin: plan.holdout, train: plan.train, valid: plan.valid };
    });
}

/** Every snapshot date the origins of all heads need, sorted and deduplicated. */
export function originSnapshotDates(plans: readonly (readonly OriginPlan[])[]): string[] {
  const dates = new Set<string>();
  for (const head of plans) for (const p of head) for (const d of [...p.train, p.valid, p.origin]) dates.add(d);
  return [...dates].sort();
}
