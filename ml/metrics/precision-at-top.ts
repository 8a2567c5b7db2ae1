import { descendingOrder } from "./rank-order";

/**
 * Precision among the top `fraction` of rows by score (k = ⌈fraction · n⌉),
 * e.g. 0.05 and 0.10 for "the 5 % / 10 % of clinic × family pairs we would
 * call". When the k-th score is tied, the tied group contributes its
 * positive rate times the places left — the expected precision under random
 * tie-breaking — so the result does not depend on row order.
 */
export function precisionAtTop(scores: ArrayLike<number>, labels: ArrayLike<number>, fraction: number): number {
  const n = scores.length;
  if (labels.length !== n) throw new RangeError("scores and labels differ in length");
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError("fraction must be in (0, 1]");
  if (n === 0) return NaN;
  const k = Math.ceil(fraction * n - 1e-9);
  const order = descendingOrder(scores);
  const boundary = scores[order[k - 1]];
  let posAbove = 0, nAbove = 0, posTied = 0, nTied = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[order[i]];
    if (s > boundary) { nAbove++; posAbove += labels[order[i]] === 1 ? 1 : 0; }
    else if (s === boundary) { nTied++; posTied += labels[order[i]] === 1 ? 1 : 0; }
    else break;
  }
  return (posAbove + ((k - nAbove) * posTied) / nTied) / k;
}

/** precisionAtTop divided by the base rate: how many times better than calling at random. */
export function liftAtTop(scores: ArrayLike<number>, labels: ArrayLike<number>, fraction: number): number {
  let pos = 0;
  for (let i = 0; i < labels.length; i++) pos += labels[i] === 1 ? 1 : 0;
  return precisionAtTop(scores, labels, fraction) / (pos / labels.length);
}
