// Public API of the ML core: typed arrays in, numbers and models out.
export { createFeatureMatrix, featureMatrixFromRows, getValue, selectRows, type FeatureMatrix } from "./core/feature-matrix";
export { Prng, sampleSortedIndices } from "./core/prng";
export { normalCdf, normalHazard, normalPdf, normalSurvival } from "./core/normal-distribution";

export {
  FLOAT32_MAX, binCode, computeBinCuts, featureCuts, thresholdForCode, type BinCutOptions, type BinCuts,
} from "./binning/compute-bin-cuts";
export { binMatrix, type BinnedMatrix } from "./binning/bin-matrix";

export { trainGbm, type RoundProgress, type TrainingData, type TrainOptions, type TrainResult } from "./gbm/train-gbm";
export { DEFAULT_PARAMS, type GbmParams } from "./gbm/train-params";
export { createObjective, type Objective, type ObjectiveName } from "./gbm/objectives";
export { leafWeight, splitGain, structureScore } from "./gbm/split-equations";

export { countLeaves, treeDepth, type GbmModel, type TreeArrays } from "./model/gbm-model";
export { packEnsemble, type PackedEnsemble } from "./model/pack-ensemble";
export { predict, predictMargin, predictRowMargin } from "./model/predict";

export { exportOnnx, ONNX_INPUT, ONNX_MARGIN, ONNX_PREDICTION } from "./onnx/export-onnx";
export { createOnnxScorer, type OnnxScorer, type OnnxScorerOptions, type OnnxScores } from "./onnx/score-onnx";
export { startOnnxWorker, type OnnxWorker } from "./onnx/onnx-worker";

export { treeShap, ensembleExpectedValue, type ShapResult, type TreeShapOptions } from "./shap/tree-shap";
export { buildShapTables, shapTableSize, type ShapTables } from "./shap/tree-shap-tables";
export { topContributions, topContributionsAllRows, type Contribution } from "./shap/top-contributions";
export { treeShapParallel, type ParallelShapOptions } from "./shap/parallel-tree-shap";

export { rocAuc } from "./metrics/roc-auc";
export { averagePrecision } from "./metrics/average-precision";
export { liftAtTop, precisionAtTop } from "./metrics/precision-at-top";
export { brierScore, logLoss } from "./metrics/probability-scores";
export { calibrationCurve, expectedCalibrationError, type CalibrationBin, type CalibrationOptions } from "./metrics/calibration-curve";

export {
  logisticRegressionMargin, predictLogisticRegression, trainLogisticRegression,
  type LogisticRegressionModel, type LogisticRegressionOptions,
} from "./baselines/logistic-regression";
export { recencyCadenceScore, type RecencyCadenceOptions } from "./baselines/recency-cadence-score";

export { makeSyntheticClassification, makeSyntheticSurvival, splitRows } from "./testing/synthetic-data";
