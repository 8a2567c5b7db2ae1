import type { ObjectiveName } from "../gbm/objectives";

/**
 * One tree as parallel arrays (node 0 is the root). A leaf has feature = −1
 * and left = right = −1. Routing at an interior node: NaN → defaultLeft ? left
 * : right; otherwise x <= threshold → left, else right (ONNX BRANCH_LEQ).
 * Thresholds and leaf values are float32 values, so the ONNX export holds the
 * same numbers.
 */
export interface TreeArrays {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  /** 1 when missing values go left. */
  defaultLeft: number[];
  /** Leaf output (already multiplied by the learning rate); 0 on interior nodes. */
  value: number[];
  /** Σ Hessians of the training rows that reached the node (TreeSHAP weights). */
  cover: number[];
  /** Split gain (Eq. 7) on interior nodes, 0 on leaves; feature importance. */
  gain: number[];
}

/** Plain JSON-serialisable gradient-boosted ensemble. */
export interface GbmModel {
  format: "sds-gbm@1";
  objective: ObjectiveName;
  /** Margin the trees are added to (float32 value). */
  baseScore: number;
  featureNames: string[];
  trees: TreeArrays[];
  /** σ of survival:aft (absent otherwise). */
  aftSigma?: number;
  /** Training parameters, for the record. */
  params?: Record<string, number | string>;
}

export function countLeaves(tree: TreeArrays): number {
  return tree.feature.reduce((n, f) => n + (f < 0 ? 1 : 0), 0);
}

export function treeDepth(tree: TreeArrays, node = 0): number {
  if (tree.feature[node] < 0) return 0;
  return 1 + Math.max(treeDepth(tree, tree.left[node]), treeDepth(tree, tree.right[node]));
}
