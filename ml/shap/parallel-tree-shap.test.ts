import { describe, expect, it } from "vitest";
import { trainGbm } from "../gbm/train-gbm";
import { makeSyntheticClassification } from "../testing/synthetic-data";
import { treeShapParallel } from "./parallel-tree-shap";
import { treeShap } from "./tree-shap";

describe("treeShapParallel", () => {
  it("gives exactly treeShap's values, rows split between the calling thread and workers", async () => {
    const { matrix, label } = makeSyntheticClassification({ nRows: 5_001, nFeatures: 9, seed: 11, missingRate: 0.1 });
    const { model } = trainGbm({ matrix, label }, { nRounds: 20, maxDepth: 5, learningRate: 0.3, seed: 3 });
    const serial = treeShap(model, matrix);
    for (const threads of [2, 3]) {
      const parallel = await treeShapParallel(model, matrix, { threads, minRowsPerThread: 100 });
      expect(parallel.expectedValue).toBe(serial.expectedValue);
      expect(Buffer.from(parallel.values.buffer).equals(Buffer.from(serial.values.buffer))).toBe(true);
    }
  });

  it("runs on the calling thread alone when there are too few rows to share", async () => {
    const { matrix, label } = makeSyntheticClassification({ nRows: 300, nFeatures: 8, seed: 2 });
    const { model } = trainGbm({ matrix, label }, { nRounds: 5, maxDepth: 3, seed: 1 });
    expect(Array.from((await treeShapParallel(model, matrix, { threads: 2 })).values)).toEqual(Array.from(treeShap(model, matrix).values));
  });
});
