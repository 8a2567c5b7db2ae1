import { afterAll, describe, expect, it } from "vitest";
import { createFeatureMatrix, featureMatrixFromRows, selectRows } from "../core/feature-matrix";
import { Prng } from "../core/prng";
import { FLOAT32_MAX } from "../binning/compute-bin-cuts";
import type { GbmModel } from "../model/gbm-model";
import { predict, predictMargin } from "../model/predict";
import { trainGbm } from "../gbm/train-gbm";
import { makeSyntheticClassification, makeSyntheticSurvival } from "../testing/synthetic-data";
import { exportOnnx } from "./export-onnx";
import { onnxType } from "./onnx-schema";
import { createOnnxScorer, type OnnxScorer } from "./score-onnx";

const scorers: OnnxScorer[] = [];
async function scorerFor(model: GbmModel, threads = 1) {
  const s = await createOnnxScorer(exportOnnx(model), model.featureNames.length, { intraOpNumThreads: threads });
  scorers.push(s);
  return s;
}
afterAll(async () => { for (const s of scorers) await s.release(); });

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

/** Rows whose values sit exactly on the model's thresholds (and NaN, ±∞), to test routing at the edge. */
function rowsOnThresholds(model: GbmModel, nRows: number, seed: number) {
  const rng = new Prng(seed);
  const f = model.featureNames.length;
  const data = new Float32Array(nRows * f);
  const pool: number[][] = Array.from({ length: f }, () => []);
  for (const t of model.trees) t.feature.forEach((ft, n) => { if (ft >= 0) pool[ft].push(t.threshold[n]); });
  for (let r = 0; r < nRows; r++) {
    for (let j = 0; j < f; j++) {
      const u = rng.nextFloat();
      data[r * f + j] = u < 0.15 || pool[j].length === 0 ? NaN : u < 0.18 ? -Infinity : u < 0.21 ? Infinity : pool[j][rng.nextInt(pool[j].length)];
    }
  }
  return createFeatureMatrix(data, nRows, model.featureNames);
}

describe("ONNX export (TreeEnsemble, ai.onnx.ml 5)", () => {
  const { matrix, label } = makeSyntheticClassification({ nRows: 6000, nFeatures: 20, missingRate: 0.1, seed: 8 });
  const { model } = trainGbm({ matrix, label }, { nRounds: 60, maxDepth: 5, learningRate: 0.3, maxBins: 32 });

  it("writes the header STACK.md §7 asks for", () => {
    const decoded = onnxType("ModelProto").toObject(onnxType("ModelProto").decode(exportOnnx(model)), { longs: Number }) as {
      ir_version: number; opset_import: { domain: string; version: number }[];
      graph: { node: { op_type: string; domain?: string }[] };
    };
    expect(decoded.ir_version).toBe(10);
    expect(decoded.opset_import).toEqual([{ domain: "", version: 21 }, { domain: "ai.onnx.ml", version: 5 }]);
    // NaN sent left by some nodes: those read a copy of their feature with NaN → −∞ (no per-node NaN test).
    expect(decoded.graph.node.map((n) => n.op_type)).toEqual(["Gather", "IsNaN", "Where", "Concat", "TreeEnsemble", "Add", "Sigmoid"]);
    const ensemble = (decoded.graph.node as { op_type: string; attribute: { name: string }[] }[]).find((n) => n.op_type === "TreeEnsemble")!;
    expect(ensemble.attribute.map((a) => a.name)).not.toContain("nodes_missing_value_tracks_true");
  });

  it("adds no input columns when no node sends NaN left", () => {
    const rightOnly: GbmModel = { ...model, trees: model.trees.map((t) => ({ ...t, defaultLeft: t.defaultLeft.map(() => 0) })) };
    const decoded = onnxType("ModelProto").toObject(onnxType("ModelProto").decode(exportOnnx(rightOnly))) as { graph: { node: { op_type: string }[] } };
    expect(decoded.graph.node.map((n) => n.op_type)).toEqual(["TreeEnsemble", "Add", "Sigmoid"]);
  });

  it("raw margins match the TypeScript predictor within 1e-5 (NaNs, values on thresholds)", async () => {
    const scorer = await scorerFor(model);
    const edge = rowsOnThresholds(model, 3000, 1);
    for (const m of [matrix, edge]) {
      const onnx = await scorer.score(m, 1000);
      expect(maxAbsDiff(onnx.margin, predictMargin(model, m))).toBeLessThan(1e-5);
      expect(maxAbsDiff(onnx.prediction, predict(model, m))).toBeLessThan(1e-6);
    }
  });

  it("gives the same scores with 2 intra-op threads and any batch size", async () => {
    const one = await (await scorerFor(model, 1)).score(matrix, 6000);
    const two = await (await scorerFor(model, 2)).score(matrix, 777);
    // float32 sums in another order: equal up to rounding, not bit for bit.
    expect(maxAbsDiff(one.margin, two.margin)).toBeLessThan(1e-5);
  });

  it("exports survival:aft with prediction = expm1(margin) days", async () => {
    const s = makeSyntheticSurvival({ nRows: 2000, nFeatures: 10, seed: 2 });
    const aft = trainGbm({ matrix: s.matrix, label: s.days, censored: s.censored },
      { objective: "survival:aft", nRounds: 20, maxDepth: 3 }).model;
    const onnx = await (await scorerFor(aft)).score(s.matrix);
    expect(maxAbsDiff(onnx.margin, predictMargin(aft, s.matrix))).toBeLessThan(1e-5);
    const days = predict(aft, s.matrix);
    for (let i = 0; i < 2000; i++) expect(Math.abs(onnx.prediction[i] - days[i]) / days[i]).toBeLessThan(1e-5);
  });
});

describe("ONNX export of a hand-built model", () => {
  // Tree 0: x0 <= 1.5 (NaN → right) ? (x1 <= FLOAT32_MAX (NaN → right) ? 1 : 2) : 3.
  // Tree 1: a single leaf (needs the dummy split). Tree 2: x1 <= −0.25, NaN → left.
  const model: GbmModel = {
    format: "sds-gbm@1", objective: "reg:squarederror", baseScore: 0.5, featureNames: ["a", "b"],
    trees: [
      { feature: [0, 1, -1, -1, -1], threshold: [1.5, FLOAT32_MAX, 0, 0, 0], left: [1, 2, -1, -1, -1], right: [4, 3, -1, -1, -1],
        defaultLeft: [0, 0, 0, 0, 0], value: [0, 0, 1, 2, 3], cover: [4, 3, 2, 1, 1], gain: [1, 1, 0, 0, 0] },
      { feature: [-1], threshold: [0], left: [-1], right: [-1], defaultLeft: [0], value: [10], cover: [4], gain: [0] },
      { feature: [1, -1, -1], threshold: [-0.25, 0, 0], left: [1, -1, -1], right: [2, -1, -1], defaultLeft: [1, 0, 0],
        value: [0, 100, 200], cover: [4, 2, 2], gain: [1, 0, 0] },
    ],
  };
  const rows = featureMatrixFromRows(
    [[1.5, 0], [1.5, null], [null, 0], [1.6, -0.25], [0, -0.3], [2, null], [null, null]], ["a", "b"]);
  // Hand-computed: base 0.5 + tree0 + 10 + tree2.
  const expected = [0.5 + 1 + 10 + 200, 0.5 + 2 + 10 + 100, 0.5 + 3 + 10 + 200, 0.5 + 3 + 10 + 100,
    0.5 + 1 + 10 + 100, 0.5 + 3 + 10 + 100, 0.5 + 3 + 10 + 100];

  it("TypeScript predictor gives the hand-computed margins", () => {
    expect(Array.from(predictMargin(model, rows))).toEqual(expected);
  });

  it("onnxruntime gives the same margins (default directions, root leaf, FLOAT32_MAX)", async () => {
    const onnx = await (await scorerFor(model)).score(rows);
    expect(Array.from(onnx.margin)).toEqual(expected);
    expect(Array.from(onnx.prediction)).toEqual(expected);
  });

  it("routes NaN left through the −∞ column, and ±∞ like any value", async () => {
    const extremes = featureMatrixFromRows([[-Infinity, -Infinity], [Infinity, Infinity], [Infinity, null]], ["a", "b"]);
    const ts = Array.from(predictMargin(model, extremes));
    expect(ts).toEqual([0.5 + 1 + 10 + 100, 0.5 + 3 + 10 + 200, 0.5 + 3 + 10 + 100]);
    expect(Array.from((await (await scorerFor(model)).score(extremes)).margin)).toEqual(ts);
  });

  it("scores a subset selected from a larger matrix", async () => {
    const onnx = await (await scorerFor(model)).score(selectRows(rows, [6, 0]));
    expect(Array.from(onnx.margin)).toEqual([expected[6], expected[0]]);
  });
});
