/**
 * margin[r] += leafValues[i] for every row r of leaf leafNodes[i] — the
 * boosting update m ← m + f_t(x) for the rows the tree was grown on, read
 * straight from the row partition (self-contained: also run by workers).
 */
export function addLeafValue(
  rows: Int32Array, nodeStart: Int32Array, nodeEnd: Int32Array, margin: Float64Array,
  leafNodes: Int32Array, leafValues: Float64Array, i: number,
): void {
  const node = leafNodes[i];
  const v = leafValues[i];
  for (let k = nodeStart[node], end = nodeEnd[node]; k < end; k++) margin[rows[k]] += v;
}
