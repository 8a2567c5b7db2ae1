import { describe, expect, it } from "vitest";
import type { BinaryMetrics } from "./evaluate-binary";
import { spreadOf, summarizeMetrics } from "./summarize-origins";

describe("spreadOf", () => {
  it("gives mean, sample standard deviation, min and max, worked by hand", () => {
    // mean 0.7; deviations −0.1, 0, 0.1 → Σ² = 0.02, / (3 − 1) = 0.01 → sd 0.1
    const s = spreadOf([0.6, 0.7, 0.8]);
    expect(s.mean).toBeCloseTo(0.7, 12);
    expect(s.sd).toBeCloseTo(0.1, 12);
    expect([s.min, s.max, s.n]).toEqual([0.6, 0.8, 3]);
  });

  it("leaves out origins without a figure, and has no spread with one origin", () => {
    expect(spreadOf([0.5, Number.NaN])).toEqual({ mean: 0.5, sd: 0, min: 0.5, max: 0.5, n: 1 });
    expect(spreadOf([]).n).toBe(0);
  });
});

describe("summarizeMetrics", () => {
  it("summarizes each reported metric over the origins", () => {
    const m = (auc: number, brier: number): BinaryMetrics =>
      ({ rows: 10, positives: 3, auc, averagePrecision: auc, precisionAt5: 1, precisionAt10: 0.5, brier, logLoss: 0 });
    const s = summarizeMetrics([m(0.8, 0.2), m(0.6, 0.1)]);
    expect(s.auc.mean).toBeCloseTo(0.7, 12);
    expect(s.auc.sd).toBeCloseTo(Math.SQRT2 * 0.1, 12);
    expect(s.brier.mean).toBeCloseTo(0.15, 12);
    expect(s.precisionAt5).toEqual({ mean: 1, sd: 0, min: 1, max: 1, n: 2 });
  });
});
