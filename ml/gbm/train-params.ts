import type { ObjectiveName } from "./objectives";

export interface GbmParams {
  objective: ObjectiveName;
  /** Boosting rounds (trees) at most. */
  nRounds: number;
  /** η, shrinkage applied to every leaf weight. */
  learningRate: number;
  /** 0 = unlimited (then maxLeaves must be > 0). */
  maxDepth: number;
  /** 0 = unlimited; > 0 switches to best-first growth. */
  maxLeaves: number;
  /** λ, L2 penalty on leaf weights (Eq. 2). */
  lambda: number;
  /** γ, penalty per leaf, subtracted from every split gain (Eq. 7). Note XGBoost compares γ with 2 × this gain. */
  gamma: number;
  /** Least Σh allowed in a child. */
  minChildWeight: number;
  /** A split is made only if its gain (after γ) exceeds this. */
  minSplitGain: number;
  /** Fraction of rows drawn (without replacement) for each tree. */
  subsample: number;
  /** Fraction of features drawn for each tree. */
  colsampleByTree: number;
  /** Histogram bins per feature, including the missing bin (≤ 256). */
  maxBins: number;
  /** Rows sampled to place bin cuts. */
  binSampleSize: number;
  /** Stop when the validation loss has not improved for this many rounds (0 = off). */
  earlyStoppingRounds: number;
  /** Starting margin; default: the objective's (log-odds of the mean for logistic). */
  baseScore?: number;
  /** σ of the survival:aft objective. */
  aftSigma: number;
  seed: number;
  /** Threads for histogram building (1 = main thread only). */
  threads: number;
}

export const DEFAULT_PARAMS: GbmParams = {
  objective: "binary:logistic",
  nRounds: 100,
  learningRate: 0.1,
  maxDepth: 6,
  maxLeaves: 0,
  lambda: 1,
  gamma: 0,
  minChildWeight: 1,
  minSplitGain: 0,
  subsample: 1,
  colsampleByTree: 1,
  maxBins: 256,
  binSampleSize: 200_000,
  earlyStoppingRounds: 0,
  aftSigma: 1,
  seed: 0,
  threads: 1,
};

export function resolveParams(p: Partial<GbmParams>): GbmParams {
  const r: GbmParams = { ...DEFAULT_PARAMS, ...p };
  const check = (ok: boolean, msg: string) => { if (!ok) throw new RangeError(msg); };
  check(Number.isInteger(r.nRounds) && r.nRounds >= 1, "nRounds must be a positive integer");
  check(r.learningRate > 0, "learningRate must be > 0");
  check(Number.isInteger(r.maxDepth) && r.maxDepth >= 0 && r.maxDepth <= 20, "maxDepth must be an integer in [0, 20]");
  check(Number.isInteger(r.maxLeaves) && r.maxLeaves >= 0 && r.maxLeaves !== 1, "maxLeaves must be 0 or an integer ≥ 2");
  check(r.maxDepth > 0 || r.maxLeaves > 0, "set maxDepth or maxLeaves");
  check(r.lambda >= 0 && r.gamma >= 0 && r.minChildWeight >= 0 && r.minSplitGain >= 0, "λ, γ, minChildWeight, minSplitGain must be ≥ 0");
  check(r.subsample > 0 && r.subsample <= 1, "subsample must be in (0, 1]");
  check(r.colsampleByTree > 0 && r.colsampleByTree <= 1, "colsampleByTree must be in (0, 1]");
  check(Number.isInteger(r.threads) && r.threads >= 1, "threads must be an integer ≥ 1");
  check(Number.isInteger(r.earlyStoppingRounds) && r.earlyStoppingRounds >= 0, "earlyStoppingRounds must be an integer ≥ 0");
  return r;
}
