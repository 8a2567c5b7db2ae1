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
  /** One session.run over `nRows` row-major rows (a view is fine); the outputs are fresh arrays. */
  scoreRows(data: Float32Array, nRows: number): Promise<OnnxScores>;
  release(): Promise<void>;
}

export interface OnnxScorerOptions {
  /** Threads ONNX Runtime uses inside the TreeEnsemble operator (the calling thread is one). Default 1. */
  intraOpNumThreads?: number;
  /**
   * Let idle intra-op threads spin-wait for the next piece of work. Off by default: spinning only
   * pays on an otherwise idle machine; here it burns the core PostgreSQL (or the trainer) needs
   * between and during runs.
   */
  allowSpinning?: boolean;
}

export async function createOnnxScorer(bytes: Uint8Array, nFeatures: number, options: OnnxScorerOptions = {}): Promise<OnnxScorer> {
  const session = await ort.InferenceSession.create(bytes, {
    intraOpNumThreads: options.intraOpNumThreads ?? 1,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
    extra: { session: { intra_op: { allow_spinning: options.allowSpinning ? "1" : "0" } } },
  });
  const scoreRows = async (data: Float32Array, nRows: number): Promise<OnnxScores> => {
    const x = new ort.Tensor("float32", data.subarray(0, nRows * nFeatures), [nRows, nFeatures]);
    try {
      const out = await session.run({ [ONNX_INPUT]: x });
      return { margin: out[ONNX_MARGIN].data as Float32Array, prediction: out[ONNX_PREDICTION].data as Float32Array };
    } finally {
      x.dispose();
    }
  };
  return {
    nFeatures,
    async score(m, batchSize = 65_536) {
      if (m.nFeatures !== nFeatures) throw new RangeError(`model expects ${nFeatures} features, got ${m.nFeatures}`);
      const margin = new Float32Array(m.nRows);
      const prediction = new Float32Array(m.nRows);
      for (let start = 0; start < m.nRows; start += batchSize) {
        const rows = Math.min(batchSize, m.nRows - start);
        const out = await scoreRows(m.data.subarray(start * nFeatures, (start + rows) * nFeatures), rows);
        margin.set(out.margin, start);
        prediction.set(out.prediction, start);
      }
      return { margin, prediction };
    },
    scoreRows,
    release: () => session.release(),
  };
}
