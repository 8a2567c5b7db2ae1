// Rolling-origin evaluation of the binary heads: at each origin the head is fitted exactly as the
// pipeline fits it (same features, parameters, early stopping on a later snapshot) using only label
// windows that end by the origin, then judged on the origin's snapshot beside the logistic
// regression and the recency/cadence rule (evaluate-head.ts, the code the model card's holdout uses).
// One training set is built for every date any origin needs.
import { buildTrainingSet, MODEL_FEATURES, type FeatureSource, type TrainingSet } from "@/lib/features";
import { readLastSalesDate } from "@/lib/features/daily-activity";
import { withReadSession } from "@/lib/features/with-read-session";
import { createFeatureMatrix, predict, trainGbm, type FeatureMatrix, type GbmParams } from "@/ml";
import type { BinaryMetrics } from "./evaluate-binary";
import { baselineScores, judgeScores } from "./evaluate-head";
import { headRows, type HeadRows } from "./head-rows";
import { HEADS, type HeadDefinition, type HeadName } from "./heads";
import { DEFAULT_ORIGIN_SPACING_DAYS, originSnapshotDates, planRollingOrigins, type OriginPlan } from "./plan-rolling-origins";
import type { PlanOptions } from "./plan-snapshots";
import { DEFAULT_TRAINING } from "./run-pipeline";
import { summarizeMetrics, type Spread, type SummarizedMetric } from "./summarize-origins";

export const METHODS = ["model", "logisticRegression", "recencyCadence"] as const;
export type Method = (typeof METHODS)[number];

export interface OriginResult extends OriginPlan {
  trainRows: number;
  validRows: number;
  rows: number;
  positives: number;
  bestRound: number;
  metrics: Record<Method, BinaryMetrics>;
}

export interface SkippedOrigin extends OriginPlan {
  skipped: string;
}

export interface HeadOrigins {
  head: HeadName;
  horizonDays: number;
  origins: (OriginResult | SkippedOrigin)[];
  summary: Record<Method, Record<SummarizedMetric, Spread>>;
}

export interface RollingOriginEvaluation {
  asOf: string;
  lastSalesDate: string;
  spacingDays: number;
  originsPerHead: number;
  evaluatedAt: string;
  heads: HeadOrigins[];
}

/** Rows and scores of one evaluated origin, for judging them against something else (a ground truth). */
export interface OriginScores {
  head: HeadName;
  origin: string;
  keys: { clientId: number; familyCode: string }[];
  label: Float32Array;
  /** The evaluated rows' model features. */
  matrix: FeatureMatrix;
  scores: Record<Method, ArrayLike<number>>;
}

export interface RollingOriginOptions {
  origins: number;
  /** The date the evaluation stands on (default: the last sales date); no label after it is read. */
  asOf?: string;
  spacingDays?: number;
  plan?: PlanOptions;
  training?: Partial<GbmParams>;
  heads?: readonly HeadDefinition[];
  onProgress?: (progress: { step: "training-set" | "fit"; done: number; total: number; detail: string }) => void;
  /** Receives each evaluated origin's rows and scores. */
  onOriginScores?: (scores: OriginScores) => void;
}

export const isEvaluated = (o: OriginResult | SkippedOrigin): o is OriginResult => !("skipped" in o);

const MIN_TRAIN_ROWS = 50;
const MIN_VALID_ROWS = 10;

export async function evaluateRollingOrigins(source: FeatureSource, options: RollingOriginOptions): Promise<RollingOriginEvaluation> {
  const lastSalesDate = await withReadSession(source, (client) => readLastSalesDate(client));
  if (!lastSalesDate) throw new Error("No sales lines: there is nothing to evaluate.");
  const asOf = options.asOf ?? lastSalesDate;
  if (asOf > lastSalesDate) throw new Error(`The as-of date ${asOf} is after the last sales date ${lastSalesDate}.`);
  const spacingDays = options.spacingDays ?? DEFAULT_ORIGIN_SPACING_DAYS;
  const heads = (options.heads ?? HEADS).filter((h) => h.binary);
  const plans = heads.map((head) => planRollingOrigins(asOf, head, { origins: options.origins, spacingDays, plan: options.plan }));
  const dates = originSnapshotDates(plans);
  const set = await buildTrainingSet(source, dates, {
    onProgress: (t) => options.onProgress?.({ step: "training-set", done: t.index + 1, total: t.total, detail: t.asOf }),
  });

  const total = plans.reduce((n, p) => n + p.length, 0);
  let done = 0;
  const results = heads.map((head, h): HeadOrigins => {
    const origins = plans[h]!.map((plan) => {
      const result = evaluateOrigin(set, head, plan, asOf, { ...DEFAULT_TRAINING, ...options.training }, options.onOriginScores);
      options.onProgress?.({ step: "fit", done: ++done, total, detail: `${head.name} @ ${plan.origin}` });
      return result;
    });
    const evaluated = origins.filter(isEvaluated);
    const summary = Object.fromEntries(METHODS.map((m) => [m, summarizeMetrics(evaluated.map((o) => o.metrics[m]))])) as HeadOrigins["summary"];
    return { head: head.name, horizonDays: head.horizonDays, origins, summary };
  });
  return { asOf, lastSalesDate, spacingDays, originsPerHead: options.origins, evaluatedAt: new Date().toISOString(), heads: results };
}

function evaluateOrigin(
  set: TrainingSet,
  head: HeadDefinition,
  plan: OriginPlan,
  asOf: string,
  params: Partial<GbmParams>,
  onScores: RollingOriginOptions["onOriginScores"],
): OriginResult | SkippedOrigin {
  const columns = MODEL_FEATURES.map((name) => set.names.indexOf(name));
  const rowsAt = (snapshots: readonly string[]) => headRows(set, head, snapshots, columns, asOf);
  const matrixOf = (rows: HeadRows) => createFeatureMatrix(rows.data, rows.label.length, MODEL_FEATURES);
  const train = rowsAt(plan.train);
  const valid = rowsAt([plan.valid]);
  const evaluation = rowsAt([plan.origin]);
  if (train.label.length < MIN_TRAIN_ROWS || valid.label.length < MIN_VALID_ROWS || evaluation.label.length === 0) {
    return { ...plan, skipped: `not enough history: ${train.label.length} training, ${valid.label.length} validation, ${evaluation.label.length} evaluation rows` };
  }
  const trainSet = { matrix: matrixOf(train), label: train.label };
  const fitted = trainGbm({ ...trainSet }, { ...params, objective: head.objective }, { valid: { matrix: matrixOf(valid), label: valid.label } });
  const evaluationMatrix = matrixOf(evaluation);
  const modelScores = predict(fitted.model, evaluationMatrix);
  const baselines = baselineScores(head, trainSet, evaluationMatrix);
  const metrics = judgeScores(evaluation.label, modelScores, baselines);
  onScores?.({
    head: head.name,
    origin: plan.origin,
    keys: Array.from(evaluation.rows, (r) => set.keys[r]!),
    label: evaluation.label,
    matrix: evaluationMatrix,
    scores: { model: modelScores, ...baselines },
  });
  return {
    ...plan,
    trainRows: train.label.length,
    validRows: valid.label.length,
    rows: evaluation.label.length,
    positives: metrics.model.positives,
    bestRound: fitted.bestRound,
    metrics,
  };
}
