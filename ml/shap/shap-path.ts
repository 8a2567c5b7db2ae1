/**
 * The path m of Algorithm 2 (Lundberg et al. 2018): unique features seen from
 * the root with their zero fraction z (share of cover that flows this way),
 * one fraction o (1 if the row follows this way, else 0) and permutation
 * weights w, in four parallel typed arrays. `at` is where a path starts in
 * the workspace and `depth` its last index.
 */
export class ShapWorkspace {
  readonly feature: Int32Array;
  readonly zero: Float64Array;
  readonly one: Float64Array;
  readonly weight: Float64Array;
  constructor(maxDepth: number) {
    const size = ((maxDepth + 2) * (maxDepth + 3)) / 2;
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
  }
}

/** EXTEND: add a feature with zero fraction p_z and one fraction p_o to the path of length l = depth. */
export function extendPath(w: ShapWorkspace, at: number, depth: number, pz: number, po: number, feature: number): void {
  w.feature[at + depth] = feature;
  w.zero[at + depth] = pz;
  w.one[at + depth] = po;
  w.weight[at + depth] = depth === 0 ? 1 : 0;
  const pw = w.weight;
  for (let i = depth - 1; i >= 0; i--) {
    pw[at + i + 1] += (po * pw[at + i] * (i + 1)) / (depth + 1);
    pw[at + i] = (pz * pw[at + i] * (depth - i)) / (depth + 1);
  }
}

/** UNWIND: remove path element `index` (undo its EXTEND), shifting the later elements down. */
export function unwindPath(w: ShapWorkspace, at: number, depth: number, index: number): void {
  const po = w.one[at + index], pz = w.zero[at + index];
  const pw = w.weight;
  let next = pw[at + depth];
  for (let i = depth - 1; i >= 0; i--) {
    if (po !== 0) {
      const tmp = pw[at + i];
      pw[at + i] = (next * (depth + 1)) / ((i + 1) * po);
      next = tmp - (pw[at + i] * pz * (depth - i)) / (depth + 1);
    } else {
      pw[at + i] = (pw[at + i] * (depth + 1)) / (pz * (depth - i));
    }
  }
  for (let i = index; i < depth; i++) {
    w.feature[at + i] = w.feature[at + i + 1];
    w.zero[at + i] = w.zero[at + i + 1];
    w.one[at + i] = w.one[at + i + 1];
  }
}

/** Σ of the weights UNWIND(m, index) would leave, without modifying the path. */
export function unwoundPathSum(w: ShapWorkspace, at: number, depth: number, index: number): number {
  const po = w.one[at + index], pz = w.zero[at + index];
  const pw = w.weight;
  let next = pw[at + depth];
  let total = 0;
  if (po !== 0) {
    for (let i = depth - 1; i >= 0; i--) {
      const tmp = next / ((i + 1) * po);
      total += tmp;
      next = pw[at + i] - tmp * pz * (depth - i);
    }
  } else {
    for (let i = depth - 1; i >= 0; i--) total += pw[at + i] / (pz * (depth - i));
  }
  return total * (depth + 1);
}
