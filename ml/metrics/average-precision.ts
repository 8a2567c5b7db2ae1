import { descendingOrder } from "./rank-order";

/**
 * Average precision as scikit-learn defines it (no interpolation):
 * AP = Σ_k (R_k − R_{k−1}) · P_k over the distinct score thresholds, highest
 * first; tied scores enter together as one threshold.
 */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  if (labels.length !== n) throw new RangeError("scores and labels differ in length");
  let nPos = 0;
  for (let i = 0; i < n; i++) nPos += labels[i] === 1 ? 1 : 0;
  if (nPos === 0) return NaN;
  const order = descendingOrder(scores);
  let tp = 0, seen = 0, prevRecall = 0, ap = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && scores[order[j]] === scores[order[i]]) { tp += labels[order[j]] === 1 ? 1 : 0; j++; }
    seen = j;
    const recall = tp / nPos;
    ap += (recall - prevRecall) * (tp / seen);
    prevRecall = recall;
    i = j;
  }
  return ap;
}
