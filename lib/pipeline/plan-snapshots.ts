// Which snapshot dates each head trains, stops early, and is judged on — a strictly temporal design:
// every label window ends on or before the next stage's snapshot date, and everything ends on or
// before the as-of date, so no stage learns from what happened after the date it is judged at.
//
//   holdout  = asOf − horizon                     (metrics reported on the model card)
//   valid    = holdout − horizon                  (early stopping)
//   train    = valid − horizon − k × step, k < K  (fitting)
//   refit    = holdout − k × step, k < K          (the production model: same rounds, freshest data)
import { addDays } from "@/lib/features";
import type { HeadDefinition } from "./heads";

export interface SnapshotPlan {
  train: string[];
  valid: string;
  holdout: string;
  refit: string[];
}

export interface PlanOptions {
  /** Snapshots per training set. */
  snapshots: number;
  stepDays: number;
}

export const DEFAULT_PLAN: PlanOptions = { snapshots: 8, stepDays: 30 };

export function planSnapshots(asOf: string, head: Pick<HeadDefinition, "horizonDays">, options: PlanOptions = DEFAULT_PLAN): SnapshotPlan {
  const h = head.horizonDays;
  const holdout = addDays(asOf, -h);
  const valid = addDays(holdout, -h);
  const trainEnd = addDays(valid, -h);
  const series = (end: string) => Array.from({ length: options.snapshots }, (_, k) => addDays(end, -k * options.stepDays)).reverse();
  return { train: series(trainEnd), valid, holdout, refit: series(holdout) };
}

/** Every snapshot date any head needs, sorted and deduplicated (the training set is built once). */
export function allSnapshotDates(plans: readonly SnapshotPlan[]): string[] {
  const dates = new Set<string>();
  for (const plan of plans) for (const d of [...plan.train, plan.valid, plan.holdout, ...plan.refit]) dates.add(d);
  return [...dates].sort();
}
