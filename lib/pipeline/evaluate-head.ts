// A binary head's predictions judged on one evaluation snapshot beside its two baselines, fitted on
// the same training rows: a logistic regression over the model's features, and the recency/cadence
// rule (no fitting). Shared by the pipeline's temporal holdout (train-head.ts) and the rolling
// origins (evaluate-rolling-origins.ts), so both report exactly the same figures.
import { predictLogisticRegression, recencyCadenceScore, trainLogisticRegression, type FeatureMatrix } from "@/ml";
import { binaryMetrics, type BinaryMetrics } from "./evaluate-binary";
import type { HeadDefinition } from "./heads";

export interface BaselineScores {
  logisticRegression: Float64Array;
  recencyCadence: Float64Array;
}

export interface JudgedHead {
  model: BinaryMetrics;
  logisticRegression: BinaryMetrics;
  recencyCadence: BinaryMetrics;
}

/** The recency/cadence rule on the evaluation rows, as a score of the head's event (due for buy_90d, not due for churn). */
export function ruleScores(head: Pick<HeadDefinition, "name" | "horizonDays">, evaluation: FeatureMatrix): Float64Array {
  const names = evaluation.featureNames;
  const due = recencyCadenceScore(evaluation, {
    daysSinceLastColumn: names.indexOf("recency_days"),
    medianGapColumn: names.indexOf("gap_median_days"),
    horizonDays: head.horizonDays,
  });
  // The rule scores "due within the horizon"; churn is its complement.
  return head.name === "BUY_90D" ? due : due.map((p) => 1 - p);
}

/** Scores of both baselines on the evaluation rows, the regression fitted on the training rows. */
export function baselineScores(
  head: Pick<HeadDefinition, "name" | "horizonDays">,
  train: { matrix: FeatureMatrix; label: ArrayLike<number> },
  evaluation: FeatureMatrix,
): BaselineScores {
  const lr = trainLogisticRegression(train.matrix, train.label, { l2: 1 });
  return { logisticRegression: predictLogisticRegression(lr, evaluation), recencyCadence: ruleScores(head, evaluation) };
}

/** Metrics of the model's and the baselines' scores against the evaluation labels. */
export function judgeScores(label: ArrayLike<number>, modelScores: ArrayLike<number>, baselines: BaselineScores): JudgedHead {
  return {
    model: binaryMetrics(modelScores, label, true),
    logisticRegression: binaryMetrics(baselines.logisticRegression, label, true),
    recencyCadence: binaryMetrics(baselines.recencyCadence, label, false),
  };
}

export function judgeBinaryHead(
  head: Pick<HeadDefinition, "name" | "horizonDays">,
  train: { matrix: FeatureMatrix; label: ArrayLike<number> },
  evaluation: { matrix: FeatureMatrix; label: ArrayLike<number> },
  modelScores: ArrayLike<number>,
): JudgedHead {
  return judgeScores(evaluation.label, modelScores, baselineScores(head, train, evaluation.matrix));
}
