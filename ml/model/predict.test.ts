import { describe, expect, it } from "vitest";
import { featureMatrixFromRows } from "../core/feature-matrix";
import { makeSyntheticClassification } from "../testing/synthetic-data";
import { trainGbm } from "../gbm/train-gbm";
import type { GbmModel } from "./gbm-model";
import { countLeaves, treeDepth } from "./gbm-model";
import { packEnsemble } from "./pack-ensemble";
import { predict, predictMargin, predictRowMargin } from "./predict";

const t32 = Math.fround(0.1); // 0.10000000149011612
const model: GbmModel = {
  format: "sds-gbm@1", objective: "binary:logistic", baseScore: 0.25, featureNames: ["x"],
  trees: [{ feature: [0, -1, -1], threshold: [t32, 0, 0], left: [1, -1, -1], right: [2, -1, -1],
    defaultLeft: [1, 0, 0], value: [0, -1, 1], cover: [2, 1, 1], gain: [1, 0, 0] }],
};

describe("predictors", () => {
  it("round float64 inputs to float32 before comparing, as ONNX does", () => {
    const justAbove = 0.10000000149011613; // > t32 as a double, rounds to t32 as float32
    expect(justAbove > t32).toBe(true);
    expect(Math.fround(justAbove)).toBe(t32);
    const e = packEnsemble(model);
    expect(predictRowMargin(e, [justAbove])).toBe(0.25 - 1);
    expect(predictRowMargin(e, [0.1000001])).toBe(0.25 + 1);
    expect(predictRowMargin(e, [NaN])).toBe(0.25 - 1); // default left
  });

  it("transforms margins with the objective's link", () => {
    const p = predict(model, featureMatrixFromRows([[0], [1]], ["x"]));
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(0.75)), 15);
    expect(p[1]).toBeCloseTo(1 / (1 + Math.exp(-1.25)), 15);
  });

  it("counts leaves and depth", () => {
    expect(countLeaves(model.trees[0])).toBe(2);
    expect(treeDepth(model.trees[0])).toBe(1);
  });

  it("a model survives a JSON round trip unchanged in its predictions", () => {
    const { matrix, label } = makeSyntheticClassification({ nRows: 3000, nFeatures: 10, seed: 12 });
    const trained = trainGbm({ matrix, label }, { nRounds: 20, maxDepth: 4 }).model;
    const copy = JSON.parse(JSON.stringify(trained)) as GbmModel;
    expect(Array.from(predictMargin(copy, matrix))).toEqual(Array.from(predictMargin(trained, matrix)));
  });
});
