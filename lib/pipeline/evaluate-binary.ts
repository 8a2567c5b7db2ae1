// Holdout metrics of a binary head beside its two baselines — the numbers on the model card.
import {
  averagePrecision, brierScore, calibrationCurve, expectedCalibrationError, logLoss, precisionAtTop, rocAuc, type CalibrationBin,
} from "@/ml";

export interface BinaryMetrics {
  rows: number;
  positives: number;
  auc: number;
  averagePrecision: number;
  precisionAt5: number;
  precisionAt10: number;
  brier: number;
  logLoss: number;
  /** Only for probabilities (the rule baseline is a score, not calibrated). */
  calibration?: CalibrationBin[];
  expectedCalibrationError?: number;
}

export function binaryMetrics(scores: ArrayLike<number>, labels: ArrayLike<number>, probabilities: boolean): BinaryMetrics {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i]! > 0.5 ? 1 : 0;
  const clipped = Float64Array.from(scores as ArrayLike<number>, (s) => Math.min(1 - 1e-9, Math.max(1e-9, s)));
  const calibration = probabilities ? calibrationCurve(clipped, labels, { nBins: 10 }) : undefined;
  return {
    rows: labels.length,
    positives,
    auc: rocAuc(scores, labels),
    averagePrecision: averagePrecision(scores, labels),
    precisionAt5: precisionAtTop(scores, labels, 0.05),
    precisionAt10: precisionAtTop(scores, labels, 0.1),
    brier: brierScore(clipped, labels),
    logLoss: logLoss(clipped, labels),
    calibration,
    expectedCalibrationError: calibration ? expectedCalibrationError(calibration) : undefined,
  };
}
