import { Worker } from "node:worker_threads";
import type { FeatureMatrix } from "../core/feature-matrix";
import type { GbmModel } from "../model/gbm-model";
import { packEnsemble, type PackedEnsemble } from "../model/pack-ensemble";
import { ensembleExpectedValue, treeShap, type ShapResult } from "./tree-shap";
import { buildShapTables, ROW_BLOCK, shapFromTables, shapTableSize } from "./tree-shap-tables";

export interface ParallelShapOptions {
  /** Threads in all, the calling one included. Default 2. */
  threads?: number;
  /** Below this many rows per thread a worker costs more than it saves (it starts in ~50 ms). */
  minRowsPerThread?: number;
  /** Same meaning as in treeShap; above it the tables are not built and one thread runs Algorithm 2. */
  maxTableEntries?: number;
}

/**
 * Source of a worker: shapFromTables as compiled here (Function.prototype.toString), as the trainer's
 * pool does, so it runs under tsx, vitest or plain Node without a separate build.
 */
function workerSource(): string {
  return [
    "var __name = (f) => f;",
    `const ROW_BLOCK = ${ROW_BLOCK};`,
    shapFromTables.toString(),
    `const { parentPort, workerData: d } = require("node:worker_threads");
     const out = new Float64Array(d.out, d.rowStart * d.nFeatures * 8, (d.rowEnd - d.rowStart) * d.nFeatures);
     const m = { data: new Float32Array(d.data), nRows: d.nRows, nFeatures: d.nFeatures };
     shapFromTables(d.tables, m, d.rowStart, d.rowEnd, out);
     parentPort.postMessage("done");`,
  ].join("\n");
}

function shared<T extends Float32Array | Float64Array>(a: T, make: (b: SharedArrayBuffer) => T): T {
  const copy = make(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}

/**
 * Exact TreeSHAP (the pattern-table algorithm of treeShap) with rows split into contiguous ranges,
 * one per thread: the calling thread explains the first range while workers explain the others,
 * all from the same tables, writing disjoint parts of one shared output. The values equal treeShap's
 * (same code, same rows, same order of additions within a row).
 */
export async function treeShapParallel(model: GbmModel | PackedEnsemble, m: FeatureMatrix, options: ParallelShapOptions = {}): Promise<ShapResult> {
  const e = "format" in model ? packEnsemble(model) : model;
  const threads = Math.max(1, Math.min(options.threads ?? 2, Math.floor(m.nRows / (options.minRowsPerThread ?? 2_000))));
  if (threads <= 1 || shapTableSize(e) > (options.maxTableEntries ?? 8_000_000)) return treeShap(e, m, options);
  if (m.nFeatures !== e.nFeatures) throw new RangeError(`model expects ${e.nFeatures} features, matrix has ${m.nFeatures}`);
  const tables = buildShapTables(e);
  const nF = m.nFeatures;
  const out = new Float64Array(new SharedArrayBuffer(m.nRows * nF * 8));
  const data = shared(m.data, (b) => new Float32Array(b));
  // What shapFromTables reads, as plain typed arrays (cloned once per worker).
  const { ensemble, ...rest } = tables;
  const workerTables = {
    ...rest,
    ensemble: { nTrees: e.nTrees, feature: e.feature, threshold: e.threshold, left: e.left, right: e.right, defaultLeft: e.defaultLeft },
  };
  const bounds = Array.from({ length: threads + 1 }, (_, t) => Math.round((t * m.nRows) / threads));
  const source = workerSource();
  const finished = bounds.slice(1, -1).map(
    (rowStart, i) =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(source, {
          eval: true,
          workerData: { tables: workerTables, data: data.buffer, out: out.buffer, nRows: m.nRows, nFeatures: nF, rowStart, rowEnd: bounds[i + 2]! },
        });
        worker.once("message", () => resolve());
        worker.once("error", reject);
        worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`a TreeSHAP worker exited with code ${code}`))));
      }),
  );
  // The calling thread's own range, while the workers run.
  shapFromTables(tables, { ...m, data }, 0, bounds[1]!, out.subarray(0, bounds[1]! * nF));
  await Promise.all(finished);
  return { values: out, expectedValue: ensembleExpectedValue(ensemble), nFeatures: nF };
}
