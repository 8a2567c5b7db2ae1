import type { GbmModel } from "./gbm-model";

/**
 * All trees of a model flattened into typed arrays with global node indices
 * (children offset by each tree's first node), for prediction and TreeSHAP
 * without per-node objects.
 */
export interface PackedEnsemble {
  readonly nTrees: number;
  readonly nFeatures: number;
  readonly baseScore: number;
  readonly roots: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly defaultLeft: Uint8Array;
  readonly value: Float64Array;
  readonly cover: Float64Array;
}

export function packEnsemble(model: GbmModel): PackedEnsemble {
  const total = model.trees.reduce((s, t) => s + t.feature.length, 0);
  const roots = new Int32Array(model.trees.length);
  const feature = new Int32Array(total), left = new Int32Array(total), right = new Int32Array(total);
  const threshold = new Float64Array(total), value = new Float64Array(total), cover = new Float64Array(total);
  const defaultLeft = new Uint8Array(total);
  let base = 0;
  model.trees.forEach((t, ti) => {
    roots[ti] = base;
    for (let i = 0; i < t.feature.length; i++) {
      const g = base + i;
      feature[g] = t.feature[i];
      // Thresholds are float32 values already; fround guards hand-written models.
      threshold[g] = Math.fround(t.threshold[i]);
      left[g] = t.left[i] < 0 ? -1 : base + t.left[i];
      right[g] = t.right[i] < 0 ? -1 : base + t.right[i];
      defaultLeft[g] = t.defaultLeft[i] ? 1 : 0;
      value[g] = Math.fround(t.value[i]);
      cover[g] = t.cover[i];
    }
    base += t.feature.length;
  });
  return {
    nTrees: model.trees.length, nFeatures: model.featureNames.length, baseScore: Math.fround(model.baseScore),
    roots, feature, threshold, left, right, defaultLeft, value, cover,
  };
}

/** Leaf reached by one row in the tree rooted at `root`: NaN → default side, else x <= t → left. */
export function findLeaf(e: PackedEnsemble, root: number, row: ArrayLike<number>, rowOffset: number): number {
  const { feature, threshold, left, right, defaultLeft } = e;
  let n = root;
  while (feature[n] >= 0) {
    const x = row[rowOffset + feature[n]];
    if (x <= threshold[n]) n = left[n];
    else if (x === x || defaultLeft[n] === 0) n = right[n];
    else n = left[n];
  }
  return n;
}

/** Depth (number of splits on the longest path) of the tree rooted at `node`. */
export function packedTreeDepth(e: PackedEnsemble, node: number): number {
  if (e.feature[node] < 0) return 0;
  return 1 + Math.max(packedTreeDepth(e, e.left[node]), packedTreeDepth(e, e.right[node]));
}
