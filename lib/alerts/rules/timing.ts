// When the next purchase is due, from the model and from the client's own rhythm. Days are counted
// from asOf: negative = overdue. The earlier of the two wins, because an alert that comes a few days
// early costs a call while one that comes late loses the order.
import type { ScoredPair } from "../types";

export interface DueEstimate {
  /** Model estimate (expectedDaysToNext), null without one. */
  modelDue: number | null;
  /** Median gap − days since the last purchase, null without a rhythm. */
  rhythmDue: number | null;
  due: number | null;
}

export function estimateDue(pair: ScoredPair): DueEstimate {
  const modelDue = pair.expectedDaysToNext;
  const gap = pair.context.medianGapDays;
  const rhythmDue = gap === null || pair.context.lastPurchaseDate === null ? null : gap - pair.context.recencyDays;
  const known = [modelDue, rhythmDue].filter((d): d is number => d !== null && Number.isFinite(d));
  return { modelDue, rhythmDue, due: known.length ? Math.min(...known) : null };
}
