import type { FeatureMatrix } from "../core/feature-matrix";
import type { GbmModel } from "../model/gbm-model";
import { packEnsemble, packedTreeDepth, type PackedEnsemble } from "../model/pack-ensemble";
import { extendPath, ShapWorkspace, unwindPath, unwoundPathSum } from "./shap-path";
import { buildShapTables, shapFromTables, shapTableSize, type ShapTables } from "./tree-shap-tables";

/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent
 * individualized feature attribution for tree ensembles", Algorithm 2),
 * O(T·L·D²) per row. The conditional expectation of a tree given a feature
 * subset S follows x on features in S and splits by cover (Σh at training)
 * elsewhere; φ are its Shapley values, so Σφ + expected value = margin.
 *
 * Every recursion level works on its own copy of the path, stacked in one
 * preallocated ShapWorkspace, so no allocation per row.
 */
export interface ShapResult {
  /** nRows × nFeatures, row-major, in margin units. */
  values: Float64Array;
  /** E[f(X)] under the cover distribution: base score + Σ cover-weighted tree means. */
  expectedValue: number;
  nFeatures: number;
}

function recurse(
  e: PackedEnsemble, x: Float32Array, xOffset: number, phi: Float64Array, phiOffset: number, w: ShapWorkspace,
  node: number, depth: number, parentAt: number, pz: number, po: number, parentFeature: number,
): void {
  // Copy the parent's path into this level's slot, then EXTEND it.
  const at = parentAt + depth;
  for (let i = 0; i < depth; i++) {
    w.feature[at + i] = w.feature[parentAt + i];
    w.zero[at + i] = w.zero[parentAt + i];
    w.one[at + i] = w.one[parentAt + i];
    w.weight[at + i] = w.weight[parentAt + i];
  }
  extendPath(w, at, depth, pz, po, parentFeature);

  const f = e.feature[node];
  if (f < 0) {
    const v = e.value[node];
    for (let i = 1; i <= depth; i++) {
      const s = unwoundPathSum(w, at, depth, i);
      phi[phiOffset + w.feature[at + i]] += s * (w.one[at + i] - w.zero[at + i]) * v;
    }
    return;
  }
  const xv = x[xOffset + f];
  const goLeft = xv <= e.threshold[node] || (xv !== xv && e.defaultLeft[node] === 1);
  const hot = goLeft ? e.left[node] : e.right[node];
  const cold = goLeft ? e.right[node] : e.left[node];
  const cover = e.cover[node];
  let incomingZero = 1, incomingOne = 1;
  let d = depth;
  // A feature already on the path is unwound and re-added here, so each
  // feature appears once with the product of its fractions.
  for (let i = 1; i <= d; i++) {
    if (w.feature[at + i] === f) {
      incomingZero = w.zero[at + i];
      incomingOne = w.one[at + i];
      unwindPath(w, at, d, i);
      d--;
      break;
    }
  }
  recurse(e, x, xOffset, phi, phiOffset, w, hot, d + 1, at, (e.cover[hot] / cover) * incomingZero, incomingOne, f);
  recurse(e, x, xOffset, phi, phiOffset, w, cold, d + 1, at, (e.cover[cold] / cover) * incomingZero, 0, f);
}

/** Cover-weighted mean leaf value of one tree: E[f_t(X)] in TreeSHAP's sense. */
export function treeExpectedValue(e: PackedEnsemble, node: number): number {
  if (e.feature[node] < 0) return e.value[node];
  const l = e.left[node], r = e.right[node];
  return (e.cover[l] * treeExpectedValue(e, l) + e.cover[r] * treeExpectedValue(e, r)) / (e.cover[l] + e.cover[r]);
}

export function ensembleExpectedValue(e: PackedEnsemble): number {
  let s = e.baseScore;
  for (let t = 0; t < e.nTrees; t++) s += treeExpectedValue(e, e.roots[t]);
  return s;
}

export interface TreeShapOptions {
  rowStart?: number;
  rowEnd?: number;
  /**
   * "recursive": Algorithm 2 as published, O(T·L·D²) per row, no extra memory.
   * "tables": per-leaf pattern tables (tree-shap-tables.ts), O(T·L·D) per row.
   * "auto" (default): tables when they fit in maxTableEntries doubles.
   */
  algorithm?: "auto" | "recursive" | "tables";
  /** Default 8M doubles (64 MB), which covers 300 trees of depth 6. */
  maxTableEntries?: number;
  /** Reuse tables across calls (build them once with buildShapTables). */
  tables?: ShapTables;
}

/** SHAP values of every row (margin units). */
export function treeShap(model: GbmModel | PackedEnsemble, m: FeatureMatrix, options: TreeShapOptions = {}): ShapResult {
  const e = options.tables?.ensemble ?? ("format" in model ? packEnsemble(model) : model);
  if (m.nFeatures !== e.nFeatures) throw new RangeError(`model expects ${e.nFeatures} features, matrix has ${m.nFeatures}`);
  const rowStart = options.rowStart ?? 0, rowEnd = options.rowEnd ?? m.nRows;
  const nF = m.nFeatures;
  const values = new Float64Array((rowEnd - rowStart) * nF);
  const algorithm = options.algorithm ?? "auto";
  const useTables = options.tables !== undefined || algorithm === "tables"
    || (algorithm === "auto" && shapTableSize(e) <= (options.maxTableEntries ?? 8_000_000));
  if (useTables) {
    shapFromTables(options.tables ?? buildShapTables(e), m, rowStart, rowEnd, values);
    return { values, expectedValue: ensembleExpectedValue(e), nFeatures: nF };
  }
  let maxDepth = 0;
  for (let t = 0; t < e.nTrees; t++) maxDepth = Math.max(maxDepth, packedTreeDepth(e, e.roots[t]));
  const w = new ShapWorkspace(maxDepth + 1);
  // The root's EXTEND carries a dummy feature; give it a phi slot past the
  // row's own (it always gets weight 0 · (1 − 1)), written to scratch.
  const phi = new Float64Array(nF + 1);
  for (let r = rowStart; r < rowEnd; r++) {
    phi.fill(0);
    for (let t = 0; t < e.nTrees; t++) recurse(e, m.data, r * nF, phi, 0, w, e.roots[t], 0, 0, 1, 1, nF);
    values.set(phi.subarray(0, nF), (r - rowStart) * nF);
  }
  return { values, expectedValue: ensembleExpectedValue(e), nFeatures: nF };
}
