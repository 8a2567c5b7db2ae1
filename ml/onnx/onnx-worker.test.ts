import { describe, expect, it } from "vitest";
import { trainGbm } from "../gbm/train-gbm";
import { makeSyntheticClassification } from "../testing/synthetic-data";
import { exportOnnx } from "./export-onnx";
import { startOnnxWorker } from "./onnx-worker";
import { createOnnxScorer } from "./score-onnx";

describe("onnxruntime on a worker thread", () => {
  const { matrix, label } = makeSyntheticClassification({ nRows: 3000, nFeatures: 12, missingRate: 0.1, seed: 3 });
  const a = trainGbm({ matrix, label }, { nRounds: 30, maxDepth: 4, learningRate: 0.3, maxBins: 32, seed: 1 }).model;
  const b = trainGbm({ matrix, label }, { nRounds: 20, maxDepth: 3, learningRate: 0.2, maxBins: 32, seed: 2 }).model;

  it("returns, per model and batch, exactly what onnxruntime on this thread predicts, with overlapping calls in order", async () => {
    const worker = await startOnnxWorker([exportOnnx(a), exportOnnx(b)], 12);
    try {
      const batch = 700;
      const runs = [];
      for (let start = 0; start < matrix.nRows; start += batch) {
        const rows = Math.min(batch, matrix.nRows - start);
        runs.push(worker.run(matrix.data.subarray(start * 12, (start + rows) * 12), rows));
      }
      const results = await Promise.all(runs);
      for (const [index, model] of [a, b].entries()) {
        const here = await createOnnxScorer(exportOnnx(model), 12);
        try {
          const expected = (await here.score(matrix)).prediction;
          const got = new Float32Array(matrix.nRows);
          results.forEach((r, i) => got.set(r[index]!, i * batch));
          expect([...got]).toEqual([...expected]);
        } finally {
          await here.release();
        }
      }
      expect(worker.busyMs).toBeGreaterThan(0);
    } finally {
      await worker.release();
    }
  });

  it("reports a failed run to its caller", async () => {
    const worker = await startOnnxWorker([exportOnnx(a)], 12);
    try {
      await expect(worker.run(new Float32Array(5 * 11), 5)).rejects.toThrow(/onnxruntime worker/);
    } finally {
      await worker.release();
    }
  });
});
