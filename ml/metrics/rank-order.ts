/** Row indices sorted by score, highest first; equal scores keep row order (stable). */
export function descendingOrder(scores: ArrayLike<number>): Int32Array {
  const order = Int32Array.from({ length: scores.length }, (_, i) => i);
  return order.sort((a, b) => scores[b] - scores[a] || a - b);
}
