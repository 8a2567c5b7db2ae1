import type { FeatureMatrix } from "../core/feature-matrix";
import { createObjective } from "../gbm/objectives";
import type { GbmModel } from "./gbm-model";
import { findLeaf, packEnsemble, type PackedEnsemble } from "./pack-ensemble";

/** Raw margins: base score + Σ leaf values (float64 sum of float32 leaves). */
export function predictMargin(model: GbmModel | PackedEnsemble, m: FeatureMatrix, out?: Float64Array): Float64Array {
  const e = "format" in model ? packEnsemble(model) : model;
  if (m.nFeatures !== e.nFeatures) throw new RangeError(`model expects ${e.nFeatures} features, matrix has ${m.nFeatures}`);
  const result = out ?? new Float64Array(m.nRows);
  for (let r = 0; r < m.nRows; r++) {
    let s = e.baseScore;
    for (let t = 0; t < e.nTrees; t++) s += e.value[findLeaf(e, e.roots[t], m.data, r * m.nFeatures)];
    result[r] = s;
  }
  return result;
}

/**
 * Margin of one row given as plain numbers. Inputs are rounded to float32
 * first — the ONNX model sees float32, and a float64 value just above a
 * float32 threshold would otherwise route differently.
 */
export function predictRowMargin(e: PackedEnsemble, row: ArrayLike<number>): number {
  const x = new Float32Array(row.length);
  for (let j = 0; j < row.length; j++) x[j] = row[j] ?? NaN;
  let s = e.baseScore;
  for (let t = 0; t < e.nTrees; t++) s += e.value[findLeaf(e, e.roots[t], x, 0)];
  return s;
}

/** Transformed predictions: probability (logistic), median days (survival:aft), value (squared error). */
export function predict(model: GbmModel, m: FeatureMatrix): Float64Array {
  const margin = predictMargin(model, m);
  const transform = createObjective(model.objective, { aftSigma: model.aftSigma }).transform;
  for (let i = 0; i < margin.length; i++) margin[i] = transform(margin[i]);
  return margin;
}
