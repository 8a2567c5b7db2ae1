// One head, end to end: fit on the training snapshots with early stopping on the validation
// snapshot, judge on the holdout snapshot beside the logistic-regression and recency/cadence
// baselines, then refit on the freshest snapshots with the number of rounds found.
import type { TrainingSet } from "@/lib/features";
import {
  createFeatureMatrix, predict, Prng, sampleSortedIndices, selectRows, trainGbm, treeShap, type FeatureMatrix, type GbmModel, type GbmParams,
} from "@/ml";
import type { BinaryMetrics } from "./evaluate-binary";
import { judgeBinaryHead } from "./evaluate-head";
import { headRows, type HeadRows } from "./head-rows";
import type { HeadDefinition } from "./heads";
import type { SnapshotPlan } from "./plan-snapshots";

export interface HeadMetrics {
  head: string;
  trainRows: number;
  validRows: number;
  holdoutRows: number;
  bestRound: number;
  snapshots: { train: string[]; valid: string; holdout: string; refit: string[] };
  model?: BinaryMetrics;
  logisticRegression?: BinaryMetrics;
  recencyCadence?: BinaryMetrics;
  /** DAYS_TO_NEXT: median absolute error in days on holdout rows whose next purchase was seen. */
  medianAbsoluteErrorDays?: number;
  /** Mean |SHAP| per model feature on (a sample of) the holdout: global importance. */
  importance: { feature: string; meanAbsShap: number }[];
}

export interface TrainedHead {
  head: HeadDefinition;
  model: GbmModel;
  params: Partial<GbmParams>;
  metrics: HeadMetrics;
  /** Where the head's training time went (fit, holdout, baseline, importance, refit), ms. */
  timingsMs: Record<string, number>;
}

/**
 * Row budgets that keep training time flat as the world grows. The holdout is never sampled: its
 * metrics are on every row. Below a budget nothing changes, so small worlds train on everything.
 */
export interface TrainLimits {
  /** Rows the trees are fitted on (training and refit snapshots), drawn uniformly when more. */
  maxFitRows?: number;
  /** Validation rows for early stopping. */
  maxValidRows?: number;
  /** Rows the logistic-regression baseline is fitted on (a Newton solver: cost ∝ rows × features²). */
  maxBaselineRows?: number;
  /** Holdout rows the global importance (mean |SHAP|) is averaged over. */
  importanceRows?: number;
}

const matrixOf = (rows: HeadRows, names: readonly string[]): FeatureMatrix =>
  createFeatureMatrix(rows.data, rows.label.length, names);

function meanAbsShap(model: GbmModel, m: FeatureMatrix, sample: number): HeadMetrics["importance"] {
  const n = Math.min(sample, m.nRows);
  if (n === 0) return [];
  const shap = treeShap(model, m, { rowStart: 0, rowEnd: n });
  const sums = new Float64Array(m.nFeatures);
  for (let r = 0; r < n; r++) for (let f = 0; f < m.nFeatures; f++) sums[f] += Math.abs(shap.values[r * m.nFeatures + f]!);
  return m.featureNames
    .map((feature, f) => ({ feature, meanAbsShap: sums[f]! / n }))
    .sort((a, b) => b.meanAbsShap - a.meanAbsShap);
}

/** The baselines' training rows: a uniform sample when there are more than `maxRows` (seeded). */
function baselineRows(train: { matrix: FeatureMatrix; label: Float32Array }, maxRows: number | undefined, seed: number) {
  const n = train.label.length;
  if (maxRows === undefined || n <= maxRows) return train;
  const rows = sampleSortedIndices(n, maxRows, new Prng(seed));
  return { matrix: selectRows(train.matrix, rows), label: Float32Array.from(rows, (r) => train.label[r]!) };
}

function median(values: number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function trainHead(
  set: TrainingSet,
  head: HeadDefinition,
  plan: SnapshotPlan,
  modelFeatures: readonly string[],
  asOf: string,
  baseParams: Partial<GbmParams>,
  onRound?: (round: number, total: number) => void,
  limits: TrainLimits = {},
): TrainedHead {
  const timingsMs: Record<string, number> = {};
  let clock = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timingsMs[name] = Math.round(now - clock);
    clock = now;
  };
  const columns = modelFeatures.map((name) => set.names.indexOf(name));
  const seed = baseParams.seed ?? 0;
  const rowsAt = (snapshots: readonly string[], maxRows?: number) =>
    headRows(set, head, snapshots, columns, asOf, maxRows === undefined ? undefined : { maxRows, seed });
  const train = rowsAt(plan.train, limits.maxFitRows);
  const valid = rowsAt([plan.valid], limits.maxValidRows);
  const holdout = rowsAt([plan.holdout]);
  lap("rows");
  if (train.label.length < 50 || valid.label.length < 10) {
    throw new Error(`Not enough history to train ${head.name}: ${train.label.length} training and ${valid.label.length} validation rows.`);
  }
  const params: Partial<GbmParams> = { ...baseParams, objective: head.objective };
  const total = params.nRounds ?? 200;
  const fitted = trainGbm(
    { matrix: matrixOf(train, modelFeatures), label: train.label, censored: train.censored },
    params,
    {
      valid: { matrix: matrixOf(valid, modelFeatures), label: valid.label, censored: valid.censored },
      onProgress: onRound ? (p) => onRound(p.round, total) : undefined,
    },
  );
  lap("fit");
  const holdoutMatrix = matrixOf(holdout, modelFeatures);
  const metrics: HeadMetrics = {
    head: head.name,
    trainRows: train.label.length,
    validRows: valid.label.length,
    holdoutRows: holdout.label.length,
    bestRound: fitted.bestRound,
    snapshots: { train: plan.train, valid: plan.valid, holdout: plan.holdout, refit: plan.refit },
    importance: meanAbsShap(fitted.model, holdoutMatrix, limits.importanceRows ?? 2_000),
  };
  lap("importance");

  if (head.binary && holdout.label.length > 0) {
    const trainSet = baselineRows({ matrix: matrixOf(train, modelFeatures), label: train.label }, limits.maxBaselineRows, seed + 1);
    Object.assign(metrics, judgeBinaryHead(head, trainSet, { matrix: holdoutMatrix, label: holdout.label }, predict(fitted.model, holdoutMatrix)));
    lap("holdoutAndBaselines");
  } else if (!head.binary && holdout.label.length > 0) {
    const predicted = predict(fitted.model, holdoutMatrix);
    const errors: number[] = [];
    for (let i = 0; i < holdout.label.length; i++) if (!holdout.censored?.[i]) errors.push(Math.abs(predicted[i]! - holdout.label[i]!));
    metrics.medianAbsoluteErrorDays = median(errors);
    lap("holdout");
  }

  // Production model: the freshest snapshots, as many rounds as early stopping kept.
  const refit = rowsAt(plan.refit, limits.maxFitRows);
  const productionParams: Partial<GbmParams> = { ...params, nRounds: Math.max(10, fitted.bestRound + 1), earlyStoppingRounds: 0 };
  const production = trainGbm(
    { matrix: matrixOf(refit, modelFeatures), label: refit.label, censored: refit.censored },
    productionParams,
  );
  lap("refit");
  return { head, model: production.model, params: productionParams, metrics, timingsMs };
}
