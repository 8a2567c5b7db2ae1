import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { ONNX_INPUT, ONNX_PREDICTION } from "./export-onnx";
import type { OnnxScorerOptions } from "./score-onnx";

/**
 * onnxruntime on a worker thread: one or more models (sessions) scored on the same rows, batch after
 * batch. onnxruntime-node's `session.run` is synchronous on the thread that calls it (the promise only
 * defers it), so in the calling thread it blocks everything else; here the caller keeps its event
 * loop — it can encode and send one batch's results while the worker scores the next.
 */
export interface OnnxWorker {
  readonly nFeatures: number;
  /**
   * Scores `nRows` row-major rows (copied; the caller may reuse `data` at once) with every model;
   * resolves with one prediction array per model, in the order the models were given. Calls may
   * overlap: they are run in the order made.
   */
  run(data: Float32Array, nRows: number): Promise<Float32Array[]>;
  /** Milliseconds the worker spent inside session.run so far. */
  readonly busyMs: number;
  release(): Promise<void>;
}

interface Reply {
  id: number;
  predictions?: Float32Array[];
  ms?: number;
  error?: string;
}

function workerSource(): string {
  return `
const { parentPort, workerData: d } = require("node:worker_threads");
const ort = require(d.ortPath);
(async () => {
  const sessions = [];
  for (const bytes of d.models) {
    sessions.push(await ort.InferenceSession.create(bytes, {
      intraOpNumThreads: d.threads, interOpNumThreads: 1, executionMode: "sequential", graphOptimizationLevel: "all",
      extra: { session: { intra_op: { allow_spinning: d.spinning ? "1" : "0" } } },
    }));
  }
  parentPort.on("message", async (m) => {
    if (m.release) {
      for (const s of sessions) await s.release();
      parentPort.close();
      return;
    }
    try {
      const t = performance.now();
      const x = new ort.Tensor("float32", m.data, [m.nRows, d.nFeatures]);
      const predictions = [];
      for (const s of sessions) {
        const out = await s.run({ [d.input]: x });
        const p = out[d.output].data;
        // A fresh array per output, so it can be transferred.
        predictions.push(p.byteOffset === 0 && p.byteLength === p.buffer.byteLength ? p : p.slice());
      }
      parentPort.postMessage({ id: m.id, predictions, ms: performance.now() - t }, predictions.map((p) => p.buffer));
    } catch (error) {
      parentPort.postMessage({ id: m.id, error: String(error && error.stack || error) });
    }
  });
  parentPort.postMessage({ id: 0 });
})().catch((error) => parentPort.postMessage({ id: 0, error: String(error && error.stack || error) }));
`;
}

/** Starts the worker and loads the models into it (resolves once they are ready to run). */
export async function startOnnxWorker(models: readonly Uint8Array[], nFeatures: number, options: OnnxScorerOptions = {}): Promise<OnnxWorker> {
  const ortPath = createRequire(import.meta.url).resolve("onnxruntime-node");
  const worker = new Worker(workerSource(), {
    eval: true,
    workerData: {
      ortPath,
      models: models.map((m) => m.slice()),
      nFeatures,
      threads: options.intraOpNumThreads ?? 1,
      spinning: options.allowSpinning ?? false,
      input: ONNX_INPUT,
      output: ONNX_PREDICTION,
    },
  });
  const pending = new Map<number, { resolve: (p: Float32Array[]) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let busyMs = 0;
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  const ready = new Promise<void>((resolve, reject) => {
    pending.set(0, { resolve: () => resolve(), reject });
  });
  worker.on("message", (reply: Reply) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.error) waiter.reject(new Error(`onnxruntime worker: ${reply.error}`));
    else {
      busyMs += reply.ms ?? 0;
      waiter.resolve(reply.predictions ?? []);
    }
  });
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`the onnxruntime worker exited (code ${code})`)));
  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return {
    nFeatures,
    get busyMs() {
      return busyMs;
    },
    run(data, nRows) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      const copy = data.slice(0, nRows * nFeatures);
      return new Promise<Float32Array[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, data: copy, nRows }, [copy.buffer]);
      });
    },
    async release() {
      if (failure) return;
      failure = new Error("the onnxruntime worker was released");
      const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      worker.postMessage({ release: true });
      await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 2_000).unref())]);
      await worker.terminate();
    },
  };
}
