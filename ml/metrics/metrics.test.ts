import { describe, expect, it } from "vitest";
import { averagePrecision } from "./average-precision";
import { calibrationCurve, expectedCalibrationError } from "./calibration-curve";
import { liftAtTop, precisionAtTop } from "./precision-at-top";
import { brierScore, logLoss } from "./probability-scores";
import { rocAuc } from "./roc-auc";

describe("rocAuc", () => {
  it("hand case: 3 of 4 positive–negative pairs ordered correctly", () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });

  it("counts a tied pair as ½", () => {
    // pairs (pos, neg): (0.5 vs 0.5) tie → ½, (0.5 vs 0.1) → 1, (0.9 vs 0.5) → 1, (0.9 vs 0.1) → 1 ⇒ 3.5/4
    expect(rocAuc([0.5, 0.5, 0.9, 0.1], [1, 0, 1, 0])).toBe(0.875);
    expect(rocAuc([0.3, 0.3, 0.3], [1, 0, 1])).toBe(0.5);
  });

  it("is 1 / 0 for perfect / reversed ranking and NaN with one class", () => {
    expect(rocAuc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([4, 3, 2, 1], [0, 0, 1, 1])).toBe(0);
    expect(rocAuc([1, 2], [1, 1])).toBeNaN();
  });
});

describe("averagePrecision (scikit-learn definition)", () => {
  it("scikit-learn's documented example: 0.8333…", () => {
    // thresholds 0.8 (P=1, R=½), 0.4 (P=⅔, R=½), 0.35 (P=⅔, R=1) ⇒ ½·1 + ½·⅔
    expect(averagePrecision([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(5 / 6, 15);
  });

  it("treats tied scores as one threshold", () => {
    // the 0.5 group holds 2 positives and 1 negative: R 0 → 1 at P = ⅔
    expect(averagePrecision([0.5, 0.5, 0.5, 0.1], [1, 0, 1, 0])).toBeCloseTo(2 / 3, 15);
  });
});

describe("precisionAtTop / liftAtTop", () => {
  const scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0.04, 0.03, 0.02, 0.01, 0, 0, 0, 0, 0, 0];
  const labels = [1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0];

  it("top 5 % and 10 % of 20 rows = top 1 and top 2", () => {
    expect(precisionAtTop(scores, labels, 0.05)).toBe(1);
    expect(precisionAtTop(scores, labels, 0.1)).toBe(0.5);
    expect(precisionAtTop(scores, labels, 0.2)).toBe(0.75);
    expect(liftAtTop(scores, labels, 0.1)).toBeCloseTo(0.5 / 0.2, 15);
  });

  it("shares the boundary's tied group pro rata", () => {
    // top 2 of [0.9, 0.5, 0.5, 0.5]: 0.9 (pos) + 1 place from a group with 1 of 3 positive ⇒ (1 + ⅓) / 2
    expect(precisionAtTop([0.9, 0.5, 0.5, 0.5], [1, 1, 0, 0], 0.5)).toBeCloseTo(2 / 3, 15);
  });
});

describe("Brier score and log loss", () => {
  it("hand values", () => {
    expect(brierScore([0.9, 0.2], [1, 0])).toBeCloseTo((0.01 + 0.04) / 2, 15);
    expect(logLoss([0.9, 0.2], [1, 0])).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, 15);
    expect(logLoss([0], [1])).toBeCloseTo(-Math.log(1e-15), 12); // clipped, not infinite
    expect(logLoss([1], [0])).toBeCloseTo(-Math.log(1 - (1 - 1e-15)), 12);
  });
});

describe("calibrationCurve", () => {
  const p = [0.1, 0.2, 0.7, 0.8, 0.9];
  const y = [0, 1, 1, 1, 0];

  it("uniform bins: mean predicted, observed rate and count per non-empty bin", () => {
    const bins = calibrationCurve(p, y, { nBins: 2 });
    expect(bins.map((b) => b.count)).toEqual([2, 3]);
    expect(bins[0].meanPredicted).toBeCloseTo(0.15, 15);
    expect(bins[0].observedRate).toBe(0.5);
    expect(bins[1].meanPredicted).toBeCloseTo(0.8, 15);
    expect(bins[1].observedRate).toBeCloseTo(2 / 3, 15);
    expect(calibrationCurve([0.5, 1], [0, 1], { nBins: 2 }).map((b) => b.count)).toEqual([2]); // 0.5 and 1 in the upper bin
    // ECE = (2/5)|0.15 − 0.5| + (3/5)|0.8 − ⅔|
    expect(expectedCalibrationError(bins)).toBeCloseTo(0.4 * 0.35 + 0.6 * (0.8 - 2 / 3), 12);
  });

  it("quantile bins use interpolated percentiles of the predictions", () => {
    const bins = calibrationCurve([0.1, 0.2, 0.3, 0.4], [0, 0, 1, 1], { nBins: 2, strategy: "quantile" });
    expect(bins.map((b) => [b.lower, b.upper, b.count, b.observedRate])).toEqual([[0.1, 0.25, 2, 0], [0.25, 0.4, 2, 1]]);
  });
});
