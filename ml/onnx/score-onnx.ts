import * as ort from "onnxruntime-node";
import type { FeatureMatrix } from "../core/feature-matrix";
import { ONNX_INPUT, ONNX_MARGIN, ONNX_PREDICTION } from "./export-onnx";

export interface OnnxScores {
  margin: Float32Array;
  prediction: Float32Array;
}

export interface OnnxScorer {
  readonly nFeatures: number;
  /** Scores all rows, `batchSize` rows per session.run (views, no copy of the input). */
  score(m: Pick<FeatureMatrix, "data" | "nRows" | "nFeatures">, batchSize?: number): Promise<OnnxScores>;
  release(): Promise<void>;
}

export interface OnnxScorerOptions {
  /** Threads ONNX Runtime uses inside the TreeEnsemble operator. Default 1. */
  intraOpNumThreads?: number;
}

export async function createOnnxScorer(bytes: Uint8Array, nFeatures: number, options: OnnxScorerOptions = {}): Promise<OnnxScorer> {
  const session = await ort.InferenceSession.create(bytes, {
    intraOpNumThreads: options.intraOpNumThreads ?? 1,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
  });
  return {
    nFeatures,
    async score(m, batchSize = 65_536) {
      if (m.nFeatures !== nFeatures) throw new RangeError(`model expects ${nFeatures} features, got ${m.nFeatures}`);
      const margin = new Float32Array(m.nRows);
      const prediction = new Float32Array(m.nRows);
      for (let start = 0; start < m.nRows; start += batchSize) {
        const rows = Math.min(batchSize, m.nRows - start);
        const x = new ort.Tensor("float32", m.data.subarray(start * nFeatures, (start + rows) * nFeatures), [rows, nFeatures]);
        const out = await session.run({ [ONNX_INPUT]: x });
        margin.set(out[ONNX_MARGIN].data as Float32Array, start);
        prediction.set(out[ONNX_PREDICTION].data as Float32Array, start);
        x.dispose();
      }
      return { margin, prediction };
    },
    release: () => session.release(),
  };
}
