import type { FeatureMatrix } from "../core/feature-matrix";
import { normalLogSurvival } from "../core/normal-distribution";

export interface RecencyCadenceOptions {
  /** Column with days since the last purchase of the family. */
  daysSinceLastColumn: number;
  /** Column with the clinic's median gap between purchases of the family, in days. */
  medianGapColumn: number;
  /** Prediction horizon in days. Default 90. */
  horizonDays?: number;
  /** Spread of log gaps (σ of the log-normal). Default 0.8. */
  sigma?: number;
  /** Gap used when a row has no median gap (a single past purchase). Default: median of the known gaps. */
  defaultGapDays?: number;
  /** Score for rows with no purchase history at all (missing recency). Default 0. */
  noHistoryScore?: number;
}

/**
 * Rule baseline: "is this clinic due?" Gaps between purchases are taken as
 * log-normal around the clinic's own median gap g. Having seen no purchase
 * for t days, the chance of one within the next H days is
 *   P = [S(t) − S(t + H)] / S(t),  S(u) = 1 − Φ(ln(u/g)/σ),
 * a function of t/g and H/g only: low right after a purchase, rising as t
 * approaches g, and falling again for clinics long overdue (likely lost).
 * 1 − P is the matching churn score. Computed with log-survivals so very
 * overdue rows do not turn into 0/0.
 */
export function recencyCadenceScore(m: FeatureMatrix, o: RecencyCadenceOptions): Float64Array {
  const H = o.horizonDays ?? 90;
  const sigma = o.sigma ?? 0.8;
  const noHistory = o.noHistoryScore ?? 0;
  const f = m.nFeatures;
  for (const c of [o.daysSinceLastColumn, o.medianGapColumn]) {
    if (!(Number.isInteger(c) && c >= 0 && c < f)) throw new RangeError(`column ${c} out of range`);
  }
  const defaultGap = o.defaultGapDays ?? medianKnownGap(m, o.medianGapColumn);
  const out = new Float64Array(m.nRows);
  for (let r = 0; r < m.nRows; r++) {
    const t = m.data[r * f + o.daysSinceLastColumn];
    let g = m.data[r * f + o.medianGapColumn];
    if (!(g > 0)) g = defaultGap;
    if (t !== t || !(g > 0)) { out[r] = noHistory; continue; }
    const logS1 = t <= 0 ? 0 : normalLogSurvival(Math.log(t / g) / sigma);
    const logS2 = normalLogSurvival(Math.log((Math.max(t, 0) + H) / g) / sigma);
    out[r] = -Math.expm1(logS2 - logS1);
  }
  return out;
}

function medianKnownGap(m: FeatureMatrix, column: number): number {
  const v: number[] = [];
  for (let r = 0; r < m.nRows; r++) {
    const g = m.data[r * m.nFeatures + column];
    if (g > 0) v.push(g);
  }
  if (v.length === 0) return NaN;
  v.sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
