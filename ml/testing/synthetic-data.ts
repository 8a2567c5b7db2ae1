import { createFeatureMatrix, type FeatureMatrix } from "../core/feature-matrix";
import { Prng } from "../core/prng";

export interface SyntheticOptions {
  nRows: number;
  /** ≥ 8; the first eight drive the ground truth, the rest are noise of mixed types. */
  nFeatures?: number;
  /** Share of values set to NaN, uniformly at random. */
  missingRate?: number;
  seed?: number;
}

/**
 * Deterministic data with a nonlinear logistic ground truth: a sine, an
 * interaction, an absolute value, a step, a square, a count feature and a
 * binary flag, plus noise columns (normals, uniforms, small integers — so
 * ties and few-distinct-value features are exercised). A missing x0 shifts
 * the logit, so the learned default direction matters.
 */
export function makeSyntheticClassification(o: SyntheticOptions): { matrix: FeatureMatrix; label: Float64Array; logit: Float64Array } {
  const { matrix, logit } = syntheticFeatures(o);
  const rng = new Prng((o.seed ?? 1) + 1000);
  const label = new Float64Array(o.nRows);
  for (let i = 0; i < o.nRows; i++) label[i] = rng.nextFloat() < 1 / (1 + Math.exp(-logit[i])) ? 1 : 0;
  return { matrix, label, logit };
}

/**
 * Days to next purchase from a log-normal AFT ground truth,
 * log1p(T) = μ(x) + 0.5 ε, right-censored at a per-row window end.
 */
export function makeSyntheticSurvival(o: SyntheticOptions): { matrix: FeatureMatrix; days: Float64Array; censored: Uint8Array; mu: Float64Array } {
  const { matrix, logit } = syntheticFeatures(o);
  const rng = new Prng((o.seed ?? 1) + 2000);
  const days = new Float64Array(o.nRows);
  const censored = new Uint8Array(o.nRows);
  const mu = new Float64Array(o.nRows);
  for (let i = 0; i < o.nRows; i++) {
    mu[i] = 3.5 - 0.6 * logit[i];
    const t = Math.expm1(mu[i] + 0.5 * rng.nextNormal());
    const windowEnd = 30 + rng.nextFloat() * 150;
    censored[i] = t > windowEnd ? 1 : 0;
    days[i] = Math.max(0, Math.min(t, windowEnd));
  }
  return { matrix, days, censored, mu };
}

function syntheticFeatures(o: SyntheticOptions): { matrix: FeatureMatrix; logit: Float64Array } {
  const p = o.nFeatures ?? 40;
  if (p < 8) throw new RangeError("nFeatures must be ≥ 8");
  const n = o.nRows;
  const missingRate = o.missingRate ?? 0.05;
  const rng = new Prng(o.seed ?? 1);
  const data = new Float32Array(n * p);
  const logit = new Float64Array(n);
  const names = Array.from({ length: p }, (_, j) => `x${j}`);
  for (let i = 0; i < n; i++) {
    const row = i * p;
    for (let j = 0; j < p; j++) {
      switch (j % 4) {
        case 0: data[row + j] = rng.nextNormal(); break;
        case 1: data[row + j] = rng.nextFloat() * 10; break;
        case 2: data[row + j] = Math.floor(-Math.log(1 - rng.nextFloat()) * 3); break; // counts
        default: data[row + j] = rng.nextFloat() < 0.3 ? 1 : 0; break;
      }
    }
    for (let j = 0; j < p; j++) if (rng.nextFloat() < missingRate) data[row + j] = NaN;
    const x = (j: number) => data[row + j];
    const x0 = x(0), x1 = x(1), x2 = x(2), x3 = x(3), x4 = x(4), x5 = x(5), x6 = x(6), x7 = x(7);
    let z = -0.8;
    z += x0 === x0 ? 1.5 * Math.sin(1.5 * x0) : 0.7;
    z += x1 === x1 && x4 === x4 ? 0.12 * (x1 - 5) * x4 : 0;
    z += x2 === x2 ? 0.3 * Math.min(x2, 6) - 0.5 : 0;
    z += x3 === x3 ? 0.6 * x3 : 0;
    z += x5 === x5 ? (x5 > 6 ? 0.8 : -0.2) : 0;
    z += x6 === x6 ? 0.08 * (Math.min(x6, 8) - 2) ** 2 - 0.4 : 0;
    z += x7 === x7 && x0 === x0 ? 0.5 * x7 * Math.abs(x0) : 0;
    logit[i] = z;
  }
  return { matrix: createFeatureMatrix(data, n, names), logit };
}

/** Deterministic train/validation split by shuffled row order. */
export function splitRows(nRows: number, validFraction: number, seed: number): { train: Int32Array; valid: Int32Array } {
  const order = Int32Array.from({ length: nRows }, (_, i) => i);
  const rng = new Prng(seed);
  for (let i = nRows - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = order[i]; order[i] = order[j]; order[j] = t;
  }
  const nValid = Math.round(nRows * validFraction);
  return { valid: order.slice(0, nValid).sort(), train: order.slice(nValid).sort() };
}
