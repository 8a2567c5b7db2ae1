import type { FeatureMatrix } from "../core/feature-matrix";
import { solveCholesky } from "./solve-cholesky";

/**
 * L2-regularised logistic regression, the linear baseline the boosted model
 * must beat. Features are standardised with training means and standard
 * deviations; a missing value becomes 0 after standardisation (mean
 * imputation) and every feature that had missing values in training gets a
 * 0/1 missing indicator, so "unknown" can carry its own weight.
 */
export interface LogisticRegressionModel {
  format: "sds-logreg@1";
  featureNames: string[];
  means: number[];
  scales: number[];
  /** Features with a missing indicator, in the order of their coefficients. */
  indicatorFeatures: number[];
  /** One per feature (standardised units), then one per indicator. */
  coefficients: number[];
  intercept: number;
  l2: number;
  iterations: number;
}

export interface LogisticRegressionOptions {
  /** λ of the penalty ½λ‖β‖² (intercept not penalised). Default 1. */
  l2?: number;
  maxIterations?: number;
  /** Stop when the largest Newton step component is below this. */
  tolerance?: number;
  weight?: Float64Array;
}

/** Writes the design row of matrix row r into z (length d = nFeatures + indicators). */
function designRow(m: FeatureMatrix, r: number, means: Float64Array, scales: Float64Array, indicators: Int32Array, z: Float64Array): void {
  const f = m.nFeatures, base = r * f;
  for (let j = 0; j < f; j++) {
    const x = m.data[base + j];
    z[j] = x === x ? (x - means[j]) / scales[j] : 0;
  }
  for (let k = 0; k < indicators.length; k++) z[f + k] = m.data[base + indicators[k]] === m.data[base + indicators[k]] ? 0 : 1;
}

/**
 * Newton–Raphson (IRLS) on the penalised log-likelihood:
 *   gradient  g = Σ w_i (p_i − y_i) z_i + λβ
 *   Hessian   H = Σ w_i p_i(1 − p_i) z_i z_iᵀ + λI
 * with step halving until the objective decreases. Deterministic; O(n·d²)
 * per iteration, a handful of iterations.
 */
export function trainLogisticRegression(m: FeatureMatrix, labels: ArrayLike<number>, options: LogisticRegressionOptions = {}): LogisticRegressionModel {
  const l2 = options.l2 ?? 1;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-8;
  const weight = options.weight;
  const n = m.nRows, f = m.nFeatures;
  if (labels.length !== n) throw new RangeError("labels and matrix differ in length");

  const means = new Float64Array(f), scales = new Float64Array(f), missing = new Float64Array(f), counts = new Float64Array(f);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < f; j++) {
      const x = m.data[r * f + j];
      if (x === x) { means[j] += x; counts[j]++; } else missing[j]++;
    }
  }
  for (let j = 0; j < f; j++) means[j] = counts[j] > 0 ? means[j] / counts[j] : 0;
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < f; j++) {
      const x = m.data[r * f + j];
      if (x === x) scales[j] += (x - means[j]) ** 2;
    }
  }
  for (let j = 0; j < f; j++) {
    const sd = counts[j] > 0 ? Math.sqrt(scales[j] / counts[j]) : 0;
    scales[j] = sd > 0 ? sd : 1; // a constant column stays 0 and its coefficient is shrunk to 0
  }
  const indicators = Int32Array.from(Array.from(missing.keys()).filter((j) => missing[j] > 0));
  const d = f + indicators.length + 1; // + intercept, stored last
  const beta = new Float64Array(d);
  const z = new Float64Array(d);
  const grad = new Float64Array(d), hess = new Float64Array(d * d);

  const objective = (b: Float64Array): number => {
    let s = 0;
    for (let r = 0; r < n; r++) {
      designRow(m, r, means, scales, indicators, z);
      z[d - 1] = 1;
      let eta = 0;
      for (let k = 0; k < d; k++) eta += b[k] * z[k];
      const w = weight ? weight[r] : 1;
      s += w * (Math.log1p(Math.exp(-Math.abs(eta))) + Math.max(eta, 0) - labels[r] * eta);
    }
    for (let k = 0; k < d - 1; k++) s += 0.5 * l2 * b[k] * b[k];
    return s;
  };

  let current = objective(beta);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    grad.fill(0); hess.fill(0);
    for (let r = 0; r < n; r++) {
      designRow(m, r, means, scales, indicators, z);
      z[d - 1] = 1;
      let eta = 0;
      for (let k = 0; k < d; k++) eta += beta[k] * z[k];
      const p = 1 / (1 + Math.exp(-eta));
      const w = weight ? weight[r] : 1;
      const gr = w * (p - labels[r]), hr = w * Math.max(p * (1 - p), 1e-12);
      for (let a = 0; a < d; a++) {
        const za = z[a];
        if (za === 0) continue;
        grad[a] += gr * za;
        const hza = hr * za;
        for (let b = 0; b <= a; b++) hess[a * d + b] += hza * z[b];
      }
    }
    for (let k = 0; k < d - 1; k++) { grad[k] += l2 * beta[k]; hess[k * d + k] += l2; }
    hess[(d - 1) * d + (d - 1)] += 1e-10; // keeps H definite if every row is one class
    const step = solveCholesky(hess, grad, d);
    if (!step) throw new Error("logistic regression: Hessian not positive definite (add l2)");
    // Step halving: Newton's step can overshoot when the data are nearly separable.
    let t = 1;
    const trial = new Float64Array(d);
    let next = Infinity;
    for (let h = 0; h < 30; h++, t /= 2) {
      for (let k = 0; k < d; k++) trial[k] = beta[k] - t * step[k];
      next = objective(trial);
      if (next <= current) break;
    }
    let maxStep = 0;
    for (let k = 0; k < d; k++) maxStep = Math.max(maxStep, Math.abs(trial[k] - beta[k]));
    beta.set(trial);
    current = next;
    if (maxStep < tolerance) { iterations++; break; }
  }
  return {
    format: "sds-logreg@1",
    featureNames: [...m.featureNames],
    means: Array.from(means),
    scales: Array.from(scales),
    indicatorFeatures: Array.from(indicators),
    coefficients: Array.from(beta.subarray(0, d - 1)),
    intercept: beta[d - 1],
    l2,
    iterations,
  };
}

export function logisticRegressionMargin(model: LogisticRegressionModel, m: FeatureMatrix): Float64Array {
  if (m.nFeatures !== model.featureNames.length) throw new RangeError("feature count differs from the model");
  const means = Float64Array.from(model.means), scales = Float64Array.from(model.scales);
  const indicators = Int32Array.from(model.indicatorFeatures);
  const d = model.coefficients.length;
  const z = new Float64Array(d);
  const out = new Float64Array(m.nRows);
  for (let r = 0; r < m.nRows; r++) {
    designRow(m, r, means, scales, indicators, z);
    let eta = model.intercept;
    for (let k = 0; k < d; k++) eta += model.coefficients[k] * z[k];
    out[r] = eta;
  }
  return out;
}

export function predictLogisticRegression(model: LogisticRegressionModel, m: FeatureMatrix): Float64Array {
  const eta = logisticRegressionMargin(model, m);
  for (let i = 0; i < eta.length; i++) eta[i] = 1 / (1 + Math.exp(-eta[i]));
  return eta;
}
