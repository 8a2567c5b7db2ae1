import type { GrownTree } from "./grow-tree";

/** Adds a training-form tree's output to margins by walking bin codes (rows outside the subsample, validation rows). */
export function addTreeByCodes(tree: GrownTree, codes: Uint8Array, nRows: number, margin: Float64Array): void {
  const { feature, code, defaultLeft, left, right, value } = tree;
  for (let r = 0; r < nRows; r++) {
    let n = 0;
    while (feature[n] >= 0) {
      const c = codes[feature[n] * nRows + r];
      n = (c === 0 ? defaultLeft[n] === 1 : c <= code[n]) ? left[n] : right[n];
    }
    margin[r] += value[n];
  }
}
