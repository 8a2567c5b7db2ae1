import { normalHazard, normalLogSurvival } from "../core/normal-distribution";
import { logisticGradientRange, squaredErrorGradientRange } from "./gradient-kernels";

export type ObjectiveName = "binary:logistic" | "reg:squarederror" | "survival:aft";

/**
 * A twice-differentiable loss l(y, m) of the margin m. The trainer only sees
 * g_i = ∂l/∂m and h_i = ∂²l/∂m² (XGBoost paper, Eq. 3: the second-order
 * Taylor expansion of the loss around the current margin).
 */
export interface Objective {
  readonly name: ObjectiveName;
  /** Validate labels and map them to the scale the loss works on (done once). */
  prepareLabels(label: ArrayLike<number>, censored: Uint8Array | null): Float64Array;
  /** Row-range kernel worker threads may run instead of `gradients` (absent: main thread only). */
  readonly parallelKernel?: "logistic" | "squared-error";
  /** Writes g_i, h_i interleaved into gh[2i], gh[2i+1] for all rows. */
  gradients(margin: Float64Array, y: Float64Array, weight: Float64Array | null, censored: Uint8Array | null, gh: Float32Array): void;
  /** Weighted mean loss over rows (the early-stopping and progress metric). */
  loss(margin: Float64Array, y: Float64Array, weight: Float64Array | null, censored: Uint8Array | null): number;
  /** Constant margin the ensemble starts from. */
  baseScore(y: Float64Array, weight: Float64Array | null, censored: Uint8Array | null): number;
  /** Margin → the quantity the product reads (probability, days…). */
  transform(margin: number): number;
}

// Hessians are floored so a saturated row never gives H + λ = 0 with λ = 0.
const MIN_HESSIAN = 1e-16;

function weightedMean(v: Float64Array, weight: Float64Array | null, keep: (i: number) => boolean): number {
  let s = 0, w = 0;
  for (let i = 0; i < v.length; i++) {
    if (!keep(i)) continue;
    const wi = weight ? weight[i] : 1;
    s += wi * v[i];
    w += wi;
  }
  return w > 0 ? s / w : 0;
}

/** Log loss with p = σ(m): g = p − y, h = p(1 − p). */
export const binaryLogistic: Objective = {
  name: "binary:logistic",
  prepareLabels(label) {
    const y = Float64Array.from(label);
    for (let i = 0; i < y.length; i++) {
      if (y[i] !== 0 && y[i] !== 1) throw new RangeError(`binary:logistic needs 0/1 labels, row ${i} has ${y[i]}`);
    }
    return y;
  },
  parallelKernel: "logistic",
  gradients(margin, y, weight, _censored, gh) {
    logisticGradientRange(margin, y, weight, gh, 0, margin.length);
  },
  loss(margin, y, weight) {
    let s = 0, w = 0;
    for (let i = 0; i < margin.length; i++) {
      const m = margin[i];
      const wi = weight ? weight[i] : 1;
      // −[y log p + (1−y) log(1−p)] = log(1 + e^{−|m|}) + max(m, 0) − y·m, stable for any m.
      s += wi * (Math.log1p(Math.exp(-Math.abs(m))) + Math.max(m, 0) - y[i] * m);
      w += wi;
    }
    return s / w;
  },
  baseScore(y, weight) {
    const p = Math.min(Math.max(weightedMean(y, weight, () => true), 1e-6), 1 - 1e-6);
    return Math.log(p / (1 - p));
  },
  transform: (m) => 1 / (1 + Math.exp(-m)),
};

/** ½(m − y)²: g = m − y, h = 1. Loss reported as mean squared error. */
export const squaredError: Objective = {
  name: "reg:squarederror",
  prepareLabels: (label) => Float64Array.from(label),
  parallelKernel: "squared-error",
  gradients(margin, y, weight, _censored, gh) {
    squaredErrorGradientRange(margin, y, weight, gh, 0, margin.length);
  },
  loss(margin, y, weight) {
    let s = 0, w = 0;
    for (let i = 0; i < margin.length; i++) {
      const wi = weight ? weight[i] : 1;
      s += wi * (margin[i] - y[i]) ** 2;
      w += wi;
    }
    return s / w;
  },
  baseScore: (y, weight) => weightedMean(y, weight, () => true),
  transform: (m) => m,
};

/**
 * Days to next purchase: accelerated failure time with normal errors on
 * log1p(days), i.e. log(1 + T) = m + σ·ε, ε ~ N(0, 1) (XGBoost's
 * survival:aft, distribution "normal").
 *
 * Why this and not squared error on the rows that did buy: a clinic that has
 * not re-ordered by the end of the observation window still tells us its gap
 * is at least that long. Dropping those rows biases predictions towards short,
 * regular buyers; treating them as right-censored uses them correctly. The
 * loss is convex in m for both kinds of row (the normal survival function is
 * log-concave), so the second-order boosting step is well behaved.
 * With z = (y − m)/σ and y = log1p(days):
 *   observed:  l = z²/2 + const          g = −z/σ         h = 1/σ²
 *   censored:  l = −log(1 − Φ(z))        g = −λ(z)/σ      h = λ(z)(λ(z) − z)/σ²
 * where λ = φ/(1 − Φ) is the normal hazard. expm1(m) is the median predicted gap in days.
 */
export function survivalAft(sigma = 1): Objective {
  if (!(sigma > 0)) throw new RangeError("aftSigma must be > 0");
  const halfLog2PiSigma2 = Math.log(sigma) + 0.5 * Math.log(2 * Math.PI);
  return {
    name: "survival:aft",
    prepareLabels(label) {
      const y = new Float64Array(label.length);
      for (let i = 0; i < y.length; i++) {
        if (!(label[i] >= 0)) throw new RangeError(`survival:aft needs days ≥ 0, row ${i} has ${label[i]}`);
        y[i] = Math.log1p(label[i]);
      }
      return y;
    },
    gradients(margin, y, weight, censored, gh) {
      const invSigma = 1 / sigma;
      for (let i = 0; i < margin.length; i++) {
        const w = weight ? weight[i] : 1;
        const z = (y[i] - margin[i]) * invSigma;
        if (censored && censored[i]) {
          const lambda = normalHazard(z);
          gh[2 * i] = -lambda * invSigma * w;
          gh[2 * i + 1] = Math.max(lambda * (lambda - z) * invSigma * invSigma, MIN_HESSIAN) * w;
        } else {
          gh[2 * i] = -z * invSigma * w;
          gh[2 * i + 1] = invSigma * invSigma * w;
        }
      }
    },
    loss(margin, y, weight, censored) {
      let s = 0, w = 0;
      for (let i = 0; i < margin.length; i++) {
        const wi = weight ? weight[i] : 1;
        const z = (y[i] - margin[i]) / sigma;
        s += wi * (censored && censored[i] ? -normalLogSurvival(z) : 0.5 * z * z + halfLog2PiSigma2);
        w += wi;
      }
      return s / w;
    },
    baseScore(y, weight, censored) {
      const anyObserved = !censored || censored.some((c) => c === 0);
      return weightedMean(y, weight, (i) => !anyObserved || !censored || censored[i] === 0);
    },
    transform: (m) => Math.expm1(m),
  };
}

export function createObjective(name: ObjectiveName, options: { aftSigma?: number } = {}): Objective {
  switch (name) {
    case "binary:logistic": return binaryLogistic;
    case "reg:squarederror": return squaredError;
    case "survival:aft": return survivalAft(options.aftSigma ?? 1);
  }
}
