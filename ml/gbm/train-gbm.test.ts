import { describe, expect, it } from "vitest";
import { featureMatrixFromRows, selectRows } from "../core/feature-matrix";
import { FLOAT32_MAX } from "../binning/compute-bin-cuts";
import { countLeaves, treeDepth } from "../model/gbm-model";
import { predict, predictMargin } from "../model/predict";
import { rocAuc } from "../metrics/roc-auc";
import { makeSyntheticClassification, makeSyntheticSurvival, splitRows } from "../testing/synthetic-data";
import { binaryLogistic, survivalAft } from "./objectives";
import { trainGbm } from "./train-gbm";

const exact = { learningRate: 1, lambda: 0, minChildWeight: 0, nRounds: 1 } as const;

describe("trainGbm on hand-computable data", () => {
  it("one stump for squared error: threshold, gain, leaf values, covers", () => {
    // base = mean(y) = 2 → g = [−1, −1, 1, 1]... with m − y: g = [1, 1, −1, −1], h = 1.
    const m = featureMatrixFromRows([[1], [2], [3], [4]], ["x"]);
    const { model } = trainGbm({ matrix: m, label: [1, 1, 3, 3] },
      { ...exact, objective: "reg:squarederror", maxDepth: 1, lambda: 1 });
    const t = model.trees[0];
    expect(model.baseScore).toBe(2);
    expect(t.feature).toEqual([0, -1, -1]);
    expect(t.threshold[0]).toBe(2.5);
    expect(t.gain[0]).toBeCloseTo(4 / 3, 12); // ½(2²/3 + 2²/3 − 0)
    expect(t.value[1]).toBe(Math.fround(-2 / 3)); // −G_L/(H_L+λ) = −2/3
    expect(t.value[2]).toBe(Math.fround(2 / 3));
    expect(t.cover).toEqual([4, 2, 2]);
  });

  it("fits exactly with λ = 0, η = 1 and predicts with x <= threshold going left", () => {
    const m = featureMatrixFromRows([[1], [2], [3], [4]], ["x"]);
    const { model } = trainGbm({ matrix: m, label: [1, 1, 3, 3] }, { ...exact, objective: "reg:squarederror", maxDepth: 1 });
    expect(Array.from(predictMargin(model, m))).toEqual([1, 1, 3, 3]);
    const probe = featureMatrixFromRows([[2.5], [Math.fround(2.5 + 2 ** -21)]], ["x"]);
    expect(Array.from(predictMargin(model, probe))).toEqual([1, 3]);
  });

  it("learns the default direction of missing values from the data", () => {
    const rows = [[1], [2], [3], [4], [null], [null]];
    const right = trainGbm({ matrix: featureMatrixFromRows(rows, ["x"]), label: [0, 0, 10, 10, 10, 10] },
      { ...exact, objective: "reg:squarederror", maxDepth: 1 }).model.trees[0];
    expect([right.threshold[0], right.defaultLeft[0]]).toEqual([2.5, 0]);
    const left = trainGbm({ matrix: featureMatrixFromRows(rows, ["x"]), label: [0, 0, 10, 10, 0, 0] },
      { ...exact, objective: "reg:squarederror", maxDepth: 1 }).model.trees[0];
    expect([left.threshold[0], left.defaultLeft[0]]).toEqual([2.5, 1]);
  });

  it("can split 'missing vs. any value' (threshold FLOAT32_MAX, missing right)", () => {
    const m = featureMatrixFromRows([[1], [1], [1], [null], [null]], ["x"]);
    const { model } = trainGbm({ matrix: m, label: [0, 0, 0, 5, 5] }, { ...exact, objective: "reg:squarederror", maxDepth: 1 });
    const t = model.trees[0];
    expect([t.threshold[0], t.defaultLeft[0]]).toEqual([FLOAT32_MAX, 0]);
    expect(Array.from(predictMargin(model, m))).toEqual([0, 0, 0, 5, 5]);
  });

  it("makes no split when γ exceeds every gain (root-leaf trees)", () => {
    const m = featureMatrixFromRows([[1], [2], [3], [4]], ["x"]);
    const { model } = trainGbm({ matrix: m, label: [1, 1, 3, 3] },
      { ...exact, objective: "reg:squarederror", gamma: 2.01, nRounds: 2 });
    expect(model.trees.map((t) => t.feature)).toEqual([[-1], [-1]]);
    expect(model.trees[0].value[0]).toBe(0); // G = 0 at the root
  });
});

describe("trainGbm on synthetic data", () => {
  const { matrix, label } = makeSyntheticClassification({ nRows: 12_000, nFeatures: 16, seed: 3 });
  const split = splitRows(matrix.nRows, 0.25, 5);
  const train = { matrix: selectRows(matrix, split.train), label: Float64Array.from(split.train, (i) => label[i]) };
  const valid = { matrix: selectRows(matrix, split.valid), label: Float64Array.from(split.valid, (i) => label[i]) };
  const params = { nRounds: 40, maxDepth: 4, learningRate: 0.2, maxBins: 64, seed: 9 };
  const result = trainGbm(train, params, { valid });

  it("learns the signal (holdout AUC) and starts from the log-odds of the mean", () => {
    const auc = rocAuc(predict(result.model, valid.matrix), valid.label);
    expect(auc).toBeGreaterThan(0.8);
    expect(result.model.baseScore).toBe(Math.fround(binaryLogistic.baseScore(train.label, null, null)));
    expect(result.validLoss[39]).toBeLessThan(result.validLoss[0]);
    for (const t of result.model.trees) expect(treeDepth(t)).toBeLessThanOrEqual(4);
  });

  it("routes rows by float thresholds exactly as training routed them by bins", () => {
    // The validation loss was computed on bin codes during training; the
    // float32-threshold predictor must reproduce it, including for values
    // sitting exactly on a threshold.
    const margins = predictMargin(result.model, valid.matrix);
    expect(binaryLogistic.loss(margins, valid.label, null, null)).toBeCloseTo(result.validLoss[39], 12);
    const onThresholds = selectRows(valid.matrix, Array.from({ length: 200 }, (_, i) => i));
    const data = onThresholds.data;
    result.model.trees.slice(0, 20).forEach((t, ti) => {
      t.feature.forEach((f, n) => { if (f >= 0) data[((ti * 7 + n) % 200) * 16 + f] = t.threshold[n]; });
    });
    const refit = trainGbm({ matrix: onThresholds, label: valid.label.slice(0, 200) }, { ...params, nRounds: 1 });
    expect(refit.model.trees.length).toBe(1); // smoke: such data trains too
    const viaValid = trainGbm(train, { ...params, nRounds: 5 }, { valid: { matrix: onThresholds, label: valid.label.slice(0, 200) } });
    expect(binaryLogistic.loss(predictMargin(viaValid.model, onThresholds), valid.label.slice(0, 200), null, null))
      .toBeCloseTo(viaValid.validLoss[4], 12);
  });

  it("is deterministic and gives the same model with 1, 2 or 3 threads", () => {
    const a = trainGbm(train, { ...params, nRounds: 8, subsample: 0.7, colsampleByTree: 0.6 });
    const b = trainGbm(train, { ...params, nRounds: 8, subsample: 0.7, colsampleByTree: 0.6 });
    const c = trainGbm(train, { ...params, nRounds: 8, subsample: 0.7, colsampleByTree: 0.6, threads: 2 });
    expect(JSON.stringify(b.model)).toBe(JSON.stringify(a.model));
    expect(JSON.stringify(c.model.trees)).toBe(JSON.stringify(a.model.trees));
    expect(c.model.baseScore).toBe(a.model.baseScore);
    const e = trainGbm(train, { ...params, nRounds: 8, subsample: 0.7, colsampleByTree: 0.6, threads: 3 });
    expect(JSON.stringify(e.model.trees)).toBe(JSON.stringify(a.model.trees));
    const sq1 = trainGbm(train, { ...params, objective: "reg:squarederror", nRounds: 4 });
    const sq2 = trainGbm(train, { ...params, objective: "reg:squarederror", nRounds: 4, threads: 2 });
    expect(JSON.stringify(sq2.model.trees)).toBe(JSON.stringify(sq1.model.trees));
    const d = trainGbm(train, { ...params, nRounds: 8, subsample: 0.7, colsampleByTree: 0.6, seed: 10 });
    expect(JSON.stringify(d.model)).not.toBe(JSON.stringify(a.model));
  });

  it("column subsampling limits each tree to its drawn features", () => {
    const { model } = trainGbm(train, { ...params, nRounds: 10, colsampleByTree: 0.25 });
    for (const t of model.trees) expect(new Set(t.feature.filter((f) => f >= 0)).size).toBeLessThanOrEqual(4);
  });

  it("row subsampling: covers sum the sampled rows' Hessians", () => {
    const { model } = trainGbm({ ...train, matrix: train.matrix }, { ...params, objective: "binary:logistic", nRounds: 1, subsample: 0.5, baseScore: 0 });
    // h = p(1 − p) = 0.25 for every row at margin 0.
    expect(model.trees[0].cover[0]).toBeCloseTo(0.25 * Math.round(0.5 * train.matrix.nRows), 6);
  });

  it("respects maxLeaves (best-first) and minChildWeight", () => {
    const { model } = trainGbm(train, { ...params, nRounds: 5, maxDepth: 0, maxLeaves: 7, minChildWeight: 30 });
    for (const t of model.trees) {
      expect(countLeaves(t)).toBeLessThanOrEqual(7);
      t.feature.forEach((f, n) => { if (f < 0) expect(t.cover[n]).toBeGreaterThanOrEqual(30); });
    }
    expect(model.trees.some((t) => treeDepth(t) > 3)).toBe(true); // deeper than a balanced 7-leaf tree
  });

  it("early stopping keeps the best round", () => {
    const r = trainGbm(train, { ...params, nRounds: 400, learningRate: 0.8, earlyStoppingRounds: 5 }, { valid });
    expect(r.validLoss.length).toBeLessThan(400);
    expect(r.model.trees.length).toBe(r.bestRound + 1);
    expect(Math.min(...r.validLoss)).toBe(r.validLoss[r.bestRound]);
    expect(r.validLoss.length).toBe(r.bestRound + 6);
  });

  it("reports progress every round with train and valid loss", () => {
    const seen: number[] = [];
    const r = trainGbm(train, { ...params, nRounds: 3 }, { valid, onProgress: (p) => seen.push(p.round, p.trainLoss, p.validLoss!) });
    expect(seen.length).toBe(9);
    expect(seen[1]).toBeGreaterThan(seen[4]);
    expect(r.trainLoss.length).toBe(3);
  });
});

describe("survival:aft on censored synthetic data", () => {
  const { matrix, days, censored, mu } = makeSyntheticSurvival({ nRows: 8000, nFeatures: 12, seed: 4 });
  const meanAndCorrelation = (pred: Float64Array) => {
    let mx = 0, my = 0;
    for (let i = 0; i < mu.length; i++) { mx += pred[i]; my += mu[i]; }
    mx /= mu.length; my /= mu.length;
    let sxy = 0, sxx = 0, syy = 0;
    for (let i = 0; i < mu.length; i++) { sxy += (pred[i] - mx) * (mu[i] - my); sxx += (pred[i] - mx) ** 2; syy += (mu[i] - my) ** 2; }
    return { bias: mx - my, correlation: sxy / Math.sqrt(sxx * syy) };
  };

  it("recovers log-times without the downward bias of dropping censored rows", () => {
    expect(censored.reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
    const params = { nRounds: 60, maxDepth: 3, learningRate: 0.2 };
    const { model, validLoss } = trainGbm({ matrix, label: days, censored },
      { ...params, objective: "survival:aft", aftSigma: 0.5 }, { valid: { matrix, label: days, censored } });
    expect(validLoss[59]).toBeLessThan(validLoss[0]);
    const margin = predictMargin(model, matrix);
    const aft = meanAndCorrelation(margin);
    expect(aft.correlation).toBeGreaterThan(0.95);
    expect(Math.abs(aft.bias)).toBeLessThan(0.05);
    const sigma = survivalAft(0.5);
    expect(sigma.loss(margin, sigma.prepareLabels(days, censored), null, censored)).toBeCloseTo(validLoss[59], 10);

    // The alternative: squared error on log1p(days) of the rows that did buy.
    const observed = Array.from(censored).flatMap((c, i) => (c ? [] : [i]));
    const naive = trainGbm({ matrix: selectRows(matrix, observed), label: Float64Array.from(observed, (i) => Math.log1p(days[i])) },
      { ...params, objective: "reg:squarederror" });
    expect(meanAndCorrelation(predictMargin(naive.model, matrix)).bias).toBeLessThan(-0.08);
  });

  it("predicts median days = expm1(margin)", () => {
    const { model } = trainGbm({ matrix, label: days, censored }, { objective: "survival:aft", nRounds: 3, maxDepth: 2 });
    const margin = predictMargin(model, matrix);
    const p = predict(model, matrix);
    expect(p[0]).toBeCloseTo(Math.expm1(margin[0]), 10);
  });
});
