import { describe, expect, it } from "vitest";
import { planFeatureChunks } from "./training-executor";
import { partitionBlock, placeBlock } from "./partition-rows";

/** Partition rows[from, to) of node 0 into children 1 (left) and 2 (right) in blocks of blockRows. */
function partition(rows: Int32Array, codes: Uint8Array, from: number, to: number, lastLeftCode: number,
  defaultLeft: number, blockRows: number, gatherChild = -1, gh = new Float32Array(2 * codes.length)) {
  const n = codes.length;
  const tmpLeft = new Int32Array(n), tmpRight = new Int32Array(n);
  const nBlocks = Math.ceil((to - from) / blockRows);
  const splitInfo = Int32Array.of(0, 0, lastLeftCode, defaultLeft, 1, 2, gatherChild, 0, nBlocks);
  const blockInfo = new Int32Array(4 * nBlocks);
  for (let q = 0; q < nBlocks; q++) blockInfo.set([0, from + q * blockRows, Math.min(to, from + (q + 1) * blockRows), 0], 4 * q);
  const nodeStart = Int32Array.of(from, 0, 0), nodeEnd = Int32Array.of(to, 0, 0);
  const orderedGh = new Float32Array(2 * n);
  // Blocks in reverse order: placing must not depend on the order threads claim them.
  for (let q = nBlocks - 1; q >= 0; q--) partitionBlock(codes, n, rows, tmpLeft, tmpRight, splitInfo, blockInfo, q, new Uint8Array(256));
  for (let q = nBlocks - 1; q >= 0; q--) placeBlock(rows, tmpLeft, tmpRight, gh, orderedGh, splitInfo, blockInfo, q, nodeStart, nodeEnd);
  return { nodeStart, nodeEnd, orderedGh };
}

describe("row partition (partitionBlock + placeBlock)", () => {
  // Column codes for rows 0..7 (0 = missing).
  const codes = Uint8Array.of(3, 1, 0, 2, 5, 0, 1, 4);

  it("moves rows with code <= k left, keeps both sides ascending, missing by the default side", () => {
    for (const blockRows of [100, 3, 1]) {
      const rows = Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7);
      const { nodeStart, nodeEnd } = partition(rows, codes, 0, 8, 2, 0, blockRows);
      expect(Array.from(rows)).toEqual([1, 3, 6, 0, 2, 4, 5, 7]);
      expect([nodeStart[1], nodeEnd[1], nodeStart[2], nodeEnd[2]]).toEqual([0, 3, 3, 8]);
      const rows2 = Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7);
      partition(rows2, codes, 0, 8, 2, 1, blockRows);
      expect(Array.from(rows2)).toEqual([1, 2, 3, 5, 6, 0, 4, 7]);
    }
  });

  it("only touches the node's own range and gathers (g, h) of the marked child", () => {
    const rows = Int32Array.of(7, 0, 4, 1, 6);
    const gh = Float32Array.from({ length: 16 }, (_, i) => i);
    const { nodeStart, nodeEnd, orderedGh } = partition(rows, codes, 1, 4, 1, 0, 2, 2, gh);
    expect(Array.from(rows)).toEqual([7, 1, 0, 4, 6]);
    expect([nodeStart[1], nodeEnd[1], nodeStart[2], nodeEnd[2]]).toEqual([1, 2, 2, 4]);
    // right child = rows 0 and 4 at positions 2, 3 → gh pairs (0, 1) and (8, 9)
    expect(Array.from(orderedGh.subarray(4, 8))).toEqual([0, 1, 8, 9]);
    expect(orderedGh[2]).toBe(0); // left child not gathered
  });
});

describe("planFeatureChunks", () => {
  it("uses chunks of 8 while more than 4 per thread remain, then 4; one chunk for one thread", () => {
    const b = new Int32Array(16);
    expect(planFeatureChunks(40, 2, b)).toBe(6);
    expect(Array.from(b.subarray(0, 7))).toEqual([0, 8, 16, 24, 32, 36, 40]);
    expect(planFeatureChunks(40, 1, b)).toBe(1);
    expect(planFeatureChunks(6, 2, b)).toBe(2);
    expect(Array.from(b.subarray(0, 3))).toEqual([0, 4, 6]);
  });
});
