import { describe, expect, it } from "vitest";
import { featureMatrixFromRows, selectRows } from "../core/feature-matrix";
import { rocAuc } from "../metrics/roc-auc";
import { makeSyntheticClassification, splitRows } from "../testing/synthetic-data";
import { logisticRegressionMargin, predictLogisticRegression, trainLogisticRegression } from "./logistic-regression";
import { recencyCadenceScore } from "./recency-cadence-score";
import { solveCholesky } from "./solve-cholesky";

describe("solveCholesky", () => {
  it("solves a 3×3 SPD system by hand", () => {
    // A = [[4,2,0],[2,5,1],[0,1,3]], x = [1,−1,2] ⇒ b = [2,−1,5]
    const x = solveCholesky(Float64Array.of(4, 2, 0, 2, 5, 1, 0, 1, 3), Float64Array.of(2, -1, 5), 3)!;
    expect(Array.from(x).map((v) => +v.toFixed(12))).toEqual([1, -1, 2]);
    expect(solveCholesky(Float64Array.of(1, 2, 2, 1), Float64Array.of(1, 1), 2)).toBeNull();
  });
});

describe("logistic regression", () => {
  it("recovers the closed-form MLE for one binary feature (λ = 0)", () => {
    // x = 0: 1 of 4 positive → logit −ln 3; x = 1: 3 of 4 → ln 3. Standardised z = ±1 ⇒ β = ln 3, intercept 0.
    const rows = [[0], [0], [0], [0], [1], [1], [1], [1]];
    const m = featureMatrixFromRows(rows, ["x"]);
    const model = trainLogisticRegression(m, [1, 0, 0, 0, 1, 1, 1, 0], { l2: 0 });
    expect(model.means).toEqual([0.5]);
    expect(model.scales).toEqual([0.5]);
    expect(model.coefficients[0]).toBeCloseTo(Math.log(3), 9);
    expect(model.intercept).toBeCloseTo(0, 9);
    expect(Array.from(predictLogisticRegression(model, featureMatrixFromRows([[0], [1]], ["x"]))).map((p) => +p.toFixed(9)))
      .toEqual([0.25, 0.75]);
  });

  it("satisfies the optimality condition Σ(p − y)z + λβ = 0 with L2 and missing indicators", () => {
    const { matrix, label } = makeSyntheticClassification({ nRows: 3000, nFeatures: 10, missingRate: 0.1, seed: 2 });
    const model = trainLogisticRegression(matrix, label, { l2: 5 });
    expect(model.indicatorFeatures.length).toBe(10);
    const p = predictLogisticRegression(model, matrix);
    // Check the gradient w.r.t. feature 3's coefficient and the intercept by recomputing z.
    let g3 = 0, g0 = 0;
    for (let r = 0; r < 3000; r++) {
      const x = matrix.data[r * 10 + 3];
      const z = x === x ? (x - model.means[3]) / model.scales[3] : 0;
      g3 += (p[r] - label[r]) * z;
      g0 += p[r] - label[r];
    }
    // Newton stops on a 1e-8 step, so the gradient is ~0 relative to n = 3000 rows.
    expect(Math.abs(g3 + 5 * model.coefficients[3]) / 3000).toBeLessThan(1e-8);
    expect(Math.abs(g0) / 3000).toBeLessThan(1e-8);
    expect(Math.abs(model.coefficients[3])).toBeGreaterThan(0.05); // not trivially zero
  });

  it("uses the missing indicator when missingness itself predicts the label", () => {
    const rows: (number | null)[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 200; i++) { rows.push([i % 2 ? null : i / 200]); y.push(i % 2 ? 1 : 0); }
    const model = trainLogisticRegression(featureMatrixFromRows(rows, ["x"]), y, { l2: 0.1 });
    expect(model.indicatorFeatures).toEqual([0]);
    expect(model.coefficients[1]).toBeGreaterThan(3);
    const m = logisticRegressionMargin(model, featureMatrixFromRows([[null], [0.5]], ["x"]));
    expect(m[0]).toBeGreaterThan(m[1]);
  });

  it("is a reasonable baseline on the synthetic task (holdout AUC)", () => {
    const { matrix, label } = makeSyntheticClassification({ nRows: 6000, nFeatures: 12, seed: 5 });
    const s = splitRows(6000, 0.3, 1);
    const model = trainLogisticRegression(selectRows(matrix, s.train), Float64Array.from(s.train, (i) => label[i]));
    const auc = rocAuc(predictLogisticRegression(model, selectRows(matrix, s.valid)), Float64Array.from(s.valid, (i) => label[i]));
    expect(auc).toBeGreaterThan(0.65);
    expect(auc).toBeLessThan(0.85);
  });
});

describe("recency/cadence rule", () => {
  const opts = { daysSinceLastColumn: 0, medianGapColumn: 1, horizonDays: 90, sigma: 1 };

  it("hand values from the log-normal gap model", () => {
    const m = featureMatrixFromRows([[0, 90], [90, 90], [null, 30], [10, null]], ["since", "gap"]);
    const s = recencyCadenceScore(m, { ...opts, noHistoryScore: 0.01 });
    // t = 0: P = F(H) = Φ(ln(90/90)) = ½
    expect(s[0]).toBeCloseTo(0.5, 12);
    // t = g = 90: [S(0) − S(ln 2)]/S(0) = (0.5 − 0.244109)/0.5, Φ(0.693147) = 0.755891
    expect(s[1]).toBeCloseTo(0.511782, 5);
    expect(s[2]).toBe(0.01); // no history
    // missing gap → median of the known gaps (90, 90, 30) = 90; t = 10:
    // [S(ln(1/9)) − S(ln(100/90))]/S(ln(1/9)) = (0.986002 − 0.458045)/0.986002
    expect(s[3]).toBeCloseTo(0.535453, 5);
  });

  it("rises towards the due date and falls for long-overdue clinics", () => {
    const rows = [5, 30, 60, 90, 400, 5000].map((t) => [t, 60]);
    const s = recencyCadenceScore(featureMatrixFromRows(rows, ["since", "gap"]), { ...opts, horizonDays: 30, sigma: 0.5 });
    expect(s[1]).toBeGreaterThan(s[0]);
    expect(s[2]).toBeGreaterThan(s[1]);
    expect(s[4]).toBeLessThan(s[3]);
    expect(s[5]).toBeGreaterThan(0); // far tail: tiny but finite, not NaN
    expect(s[5]).toBeLessThan(s[4]);
  });

  it("rejects columns out of range", () => {
    expect(() => recencyCadenceScore(featureMatrixFromRows([[1, 2]], ["a", "b"]), { ...opts, medianGapColumn: 2 })).toThrow(RangeError);
  });
});
