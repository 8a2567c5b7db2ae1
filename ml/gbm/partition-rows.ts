/**
 * Row partitioning after a split, in two steps so threads can share it block
 * by block (self-contained kernels, shipped to workers like the histogram
 * kernels): partitionBlock sorts one block of a node's rows into left/right
 * scratch, placeBlock copies the block's two runs to their final places once
 * every block of the node has been counted. Both runs keep the rows in
 * ascending order, so each node's rows stay memory-ordered for column reads.
 */

/**
 * Per split: [node, feature, lastLeftCode, defaultLeft, leftChild, rightChild,
 * gatherChild (−1 = none), firstBlock, endBlock].
 */
export const SPLIT_INFO_WIDTH = 9;
/** Per block: [split index, start, end, left count]. */
export const BLOCK_INFO_WIDTH = 4;

/**
 * Left rows (code 1..lastLeftCode, or missing when defaultLeft) to
 * tmpLeft[start..], right rows to tmpRight[start..]; stores the left count.
 * Branch-free: a 256-entry table maps each code to 0/1 and every row is
 * written to both outputs with only one cursor advancing — left/right is a
 * coin flip a branch predictor cannot learn.
 */
export function partitionBlock(
  codes: Uint8Array, nRows: number, rows: Int32Array, tmpLeft: Int32Array, tmpRight: Int32Array,
  splitInfo: Int32Array, blockInfo: Int32Array, block: number, goesLeft: Uint8Array,
): void {
  const b = block * 4;
  const s = blockInfo[b] * 9;
  const start = blockInfo[b + 1], end = blockInfo[b + 2];
  const column = splitInfo[s + 1] * nRows;
  const lastLeftCode = splitInfo[s + 2];
  goesLeft[0] = splitInfo[s + 3];
  for (let c = 1; c < 256; c++) goesLeft[c] = c <= lastLeftCode ? 1 : 0;
  let l = start, r = start;
  for (let k = start; k < end; k++) {
    const row = rows[k];
    const left = goesLeft[codes[column + row]];
    tmpLeft[l] = row;
    tmpRight[r] = row;
    l += left;
    r += 1 - left;
  }
  blockInfo[b + 3] = l - start;
}

/**
 * Copies a counted block's runs into rows: lefts after the lefts of the
 * node's earlier blocks, rights after the node's last left row. When the
 * split marks a child for gathering (its histogram is built next), the
 * child's (g, h) pairs are copied into partition order on the way. The
 * node's first block also records both children's row ranges.
 */
export function placeBlock(
  rows: Int32Array, tmpLeft: Int32Array, tmpRight: Int32Array, gh: Float32Array, orderedGh: Float32Array,
  splitInfo: Int32Array, blockInfo: Int32Array, block: number, nodeStart: Int32Array, nodeEnd: Int32Array,
): void {
  const b = block * 4;
  const split = blockInfo[b];
  const s = split * 9;
  const node = splitInfo[s], leftChild = splitInfo[s + 4], rightChild = splitInfo[s + 5];
  const gatherChild = splitInfo[s + 6], firstBlock = splitInfo[s + 7], endBlock = splitInfo[s + 8];
  const start = blockInfo[b + 1], end = blockInfo[b + 2], nLeft = blockInfo[b + 3];
  // Lefts before this block, and lefts in the whole node.
  let leftBefore = 0, leftTotal = 0, rightBefore = 0;
  for (let q = firstBlock; q < endBlock; q++) {
    const qb = q * 4;
    const ql = blockInfo[qb + 3];
    if (q < block) { leftBefore += ql; rightBefore += blockInfo[qb + 2] - blockInfo[qb + 1] - ql; }
    leftTotal += ql;
  }
  const nodeFirst = nodeStart[node];
  const mid = nodeFirst + leftTotal;
  if (block === firstBlock) {
    nodeStart[leftChild] = nodeFirst; nodeEnd[leftChild] = mid;
    nodeStart[rightChild] = mid; nodeEnd[rightChild] = nodeEnd[node];
  }
  let at = nodeFirst + leftBefore;
  const gatherLeft = gatherChild === leftChild;
  for (let k = start; k < start + nLeft; k++, at++) {
    const row = tmpLeft[k];
    rows[at] = row;
    if (gatherLeft) { orderedGh[2 * at] = gh[2 * row]; orderedGh[2 * at + 1] = gh[2 * row + 1]; }
  }
  at = mid + rightBefore;
  const gatherRight = gatherChild === rightChild;
  const nRight = end - start - nLeft;
  for (let k = start; k < start + nRight; k++, at++) {
    const row = tmpRight[k];
    rows[at] = row;
    if (gatherRight) { orderedGh[2 * at] = gh[2 * row]; orderedGh[2 * at + 1] = gh[2 * row + 1]; }
  }
}
