import type { FeatureMatrix } from "../core/feature-matrix";
import { packedTreeDepth, type PackedEnsemble } from "../model/pack-ensemble";
import { extendPath, ShapWorkspace, unwoundPathSum } from "./shap-path";

/**
 * Algorithm 2 reorganised per leaf (the idea of Fast TreeSHAP v2, Yang 2021):
 * a leaf's contribution depends on the row only through which of its k
 * unique path features the row "follows" (one fraction 1) — a k-bit
 * pattern. For every leaf and every pattern the EXTEND/unwound-sum result is
 * computed once, so explaining a row is a walk over the tree that carries the
 * pattern down and adds k precomputed numbers per leaf: O(T·L·D) per row
 * instead of O(T·L·D²). The path weights are symmetric in the order features
 * are added, so the tables equal Algorithm 2's values (tests compare both
 * against brute force). Memory: Σ_leaves 2^k·k doubles, ≤ 2^(2D)·D per tree.
 */
export interface ShapTables {
  readonly ensemble: PackedEnsemble;
  /** Per interior node: bit of its feature in the path pattern. */
  readonly bit: Int8Array;
  /** Per interior node: 1 if the feature first appears on the path here. */
  readonly isNew: Uint8Array;
  /** Per leaf node: number of unique features on its path. */
  readonly pathLength: Int8Array;
  /** Per leaf node: offset of its feature list in pathFeatures. */
  readonly featureOffset: Int32Array;
  readonly pathFeatures: Int32Array;
  /** Per leaf node: offset of its 2^k × k table in values. */
  readonly tableOffset: Int32Array;
  readonly values: Float64Array;
  /** All nodes, tree by tree, parents before children (breadth-first). */
  readonly order: Int32Array;
  /** Tree t's nodes are order[orderStart[t] .. orderStart[t+1]). */
  readonly orderStart: Int32Array;
}

/** Doubles the tables would take (for choosing between the two algorithms). */
export function shapTableSize(e: PackedEnsemble): number {
  let total = 0;
  const walk = (node: number, features: number[]) => {
    const f = e.feature[node];
    if (f < 0) { total += (1 << features.length) * features.length; return; }
    const next = features.includes(f) ? features : [...features, f];
    walk(e.left[node], next);
    walk(e.right[node], next);
  };
  for (let t = 0; t < e.nTrees; t++) walk(e.roots[t], []);
  return total;
}

export function buildShapTables(e: PackedEnsemble): ShapTables {
  const nNodes = e.feature.length;
  const bit = new Int8Array(nNodes), isNew = new Uint8Array(nNodes), pathLength = new Int8Array(nNodes);
  const featureOffset = new Int32Array(nNodes), tableOffset = new Int32Array(nNodes);
  const featureList: number[] = [];
  const values = new Float64Array(shapTableSize(e));
  let maxDepth = 0;
  for (let t = 0; t < e.nTrees; t++) maxDepth = Math.max(maxDepth, packedTreeDepth(e, e.roots[t]));
  if (maxDepth > 30) throw new RangeError("trees too deep for pattern tables");
  const w = new ShapWorkspace(maxDepth + 1);
  let used = 0;

  const leafTable = (leaf: number, features: number[], zeros: number[]) => {
    const k = features.length;
    pathLength[leaf] = k;
    featureOffset[leaf] = featureList.length;
    featureList.push(...features);
    tableOffset[leaf] = used;
    const v = e.value[leaf];
    for (let pattern = 0; pattern < 1 << k; pattern++) {
      // The root's dummy element (z = o = 1), then one element per unique feature.
      extendPath(w, 0, 0, 1, 1, -1);
      for (let j = 0; j < k; j++) extendPath(w, 0, j + 1, zeros[j], (pattern >> j) & 1, features[j]);
      for (let j = 0; j < k; j++) {
        const o = (pattern >> j) & 1;
        values[used + pattern * k + j] = unwoundPathSum(w, 0, k, j + 1) * (o - zeros[j]) * v;
      }
    }
    used += (1 << k) * k;
  };

  const walk = (node: number, features: number[], zeros: number[]) => {
    const f = e.feature[node];
    if (f < 0) { leafTable(node, features, zeros); return; }
    const at = features.indexOf(f);
    bit[node] = at >= 0 ? at : features.length;
    isNew[node] = at >= 0 ? 0 : 1;
    for (const child of [e.left[node], e.right[node]]) {
      const ratio = e.cover[child] / e.cover[node];
      if (at >= 0) {
        const z = zeros.slice();
        z[at] *= ratio;
        walk(child, features, z);
      } else {
        walk(child, [...features, f], [...zeros, ratio]);
      }
    }
  };
  for (let t = 0; t < e.nTrees; t++) walk(e.roots[t], [], []);
  const order = new Int32Array(nNodes);
  const orderStart = new Int32Array(e.nTrees + 1);
  let filled = 0;
  for (let t = 0; t < e.nTrees; t++) {
    orderStart[t] = filled;
    order[filled++] = e.roots[t];
    for (let i = orderStart[t]; i < filled; i++) {
      const n = order[i];
      if (e.feature[n] >= 0) { order[filled++] = e.left[n]; order[filled++] = e.right[n]; }
    }
  }
  orderStart[e.nTrees] = filled;
  return {
    ensemble: e, bit, isNew, pathLength, featureOffset, pathFeatures: Int32Array.from(featureList),
    tableOffset, values, order: order.subarray(0, filled), orderStart,
  };
}

/** Rows explained per pass over the trees: one tree's tables stay in cache while a block of rows uses them. */
export const ROW_BLOCK = 128;

/**
 * φ of rows [rowStart, rowEnd) into out (row-major, nFeatures per row). Nodes
 * are visited breadth-first, each passing its pattern to its two children, so
 * the walk is a straight loop without a stack.
 */
export function shapFromTables(tables: ShapTables, m: FeatureMatrix, rowStart: number, rowEnd: number, out: Float64Array): void {
  const { ensemble: e, bit, isNew, pathLength, featureOffset, pathFeatures, tableOffset, values, order, orderStart } = tables;
  const { feature, threshold, left, right, defaultLeft } = e;
  const nF = m.nFeatures, x = m.data;
  const nodePattern = new Int32Array(feature.length);
  for (let blockStart = rowStart; blockStart < rowEnd; blockStart += ROW_BLOCK) {
    const blockEnd = Math.min(blockStart + ROW_BLOCK, rowEnd);
    for (let t = 0; t < e.nTrees; t++) {
      const from = orderStart[t], to = orderStart[t + 1];
      for (let r = blockStart; r < blockEnd; r++) {
        const xo = r * nF, po = (r - rowStart) * nF;
        nodePattern[order[from]] = 0;
        for (let i = from; i < to; i++) {
          const n = order[i];
          const pattern = nodePattern[n];
          const f = feature[n];
          if (f < 0) {
            const k = pathLength[n];
            const base = tableOffset[n] + pattern * k, fo = featureOffset[n];
            for (let j = 0; j < k; j++) out[po + pathFeatures[fo + j]] += values[base + j];
            continue;
          }
          const xv = x[xo + f];
          const goLeft = xv <= threshold[n] || (xv !== xv && defaultLeft[n] === 1);
          const b = 1 << bit[n];
          // The followed child keeps (or, for a new feature, sets) the bit; the other clears it.
          const hot = isNew[n] ? pattern | b : pattern;
          const cold = pattern & ~b;
          nodePattern[left[n]] = goLeft ? hot : cold;
          nodePattern[right[n]] = goLeft ? cold : hot;
        }
      }
    }
  }
}
