import { Worker } from "node:worker_threads";
import type { BinnedMatrix } from "../binning/bin-matrix";
import { logisticGradientRange, prepareRootRange, squaredErrorGradientRange } from "./gradient-kernels";
import {
  allocateTrainingBuffers, planFeatureChunks, prepareRootSerially, reduceSplitResults, type TrainingExecutor,
} from "./training-executor";
import { buildHistograms, findBestSplits, SPLIT_RESULT_WIDTH, subtractHistograms } from "./histogram-kernels";
import {
  barrier, C, GRADIENT_ROWS_PER_CHUNK, runGradientChunks, runLeafValueChunks, runWaveJob, waitWhileEqual, workerMain,
  type Kernels, type SharedTrainingState, type WorkerInit,
} from "./parallel-jobs";
import { addLeafValue } from "./leaf-kernels";
import { partitionBlock, placeBlock } from "./partition-rows";

const ERROR_BYTES = 1024;
const KERNELS: Kernels = {
  buildHistograms, subtractHistograms, findBestSplits, logisticGradientRange, squaredErrorGradientRange,
  prepareRootRange, partitionBlock, placeBlock, addLeafValue,
};
/** Rows per partition block: small enough to share a node between threads, large enough to amortise claiming. */
const BLOCK_ROWS = 8192;

/**
 * Source text of a worker: the kernels and job loops as compiled here
 * (Function.prototype.toString), so TypeScript runs in workers under tsx,
 * vitest or plain Node without a separate build. Needs unminified code:
 * a bundler that renames functions breaks it (use threads: 1 there).
 */
function workerSource(): string {
  return [
    "var __name = (f) => f;", // some transpilers wrap named functions with this helper
    `const C = ${JSON.stringify(C)};`,
    `const GRADIENT_ROWS_PER_CHUNK = ${GRADIENT_ROWS_PER_CHUNK};`,
    ...Object.values(KERNELS).map((f) => f.toString()),
    waitWhileEqual.toString(),
    barrier.toString(),
    runWaveJob.toString(),
    runGradientChunks.toString(),
    runLeafValueChunks.toString(),
    workerMain.toString(),
    `workerMain(require("node:worker_threads").workerData, { ${Object.keys(KERNELS).join(", ")} });`,
  ].join("\n");
}

function toShared<T extends Uint8Array | Int32Array>(a: T, make: (buf: SharedArrayBuffer) => T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const copy = make(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}

/**
 * nThreads − 1 workers plus the main thread sharing each job chunk by chunk.
 * Histograms are feature-parallel: a chunk's features are summed by one
 * thread, so no histogram memory has to be reduced — only each node's best
 * split, chunk by chunk.
 */
export function createWorkerPoolExecutor(
  binned: BinnedMatrix, label: Float64Array, weight: Float64Array | null, histSlots: number, maxNodes: number, nThreads: number,
): TrainingExecutor {
  const buffers = allocateTrainingBuffers(binned, label, weight, histSlots, maxNodes, true, BLOCK_ROWS);
  const control = new SharedArrayBuffer(4 * C.SIZE);
  const ctrl = new Int32Array(control);
  ctrl[C.N_THREADS] = nThreads;
  const goesLeft = new Uint8Array(256);
  const errorBuffer = new SharedArrayBuffer(ERROR_BYTES);
  const state: SharedTrainingState = {
    codes: toShared(binned.codes, (buf) => new Uint8Array(buf)),
    nRows: binned.nRows,
    binOffsets: toShared(binned.binOffsets, (buf) => new Int32Array(buf)),
    binCounts: toShared(binned.binCounts, (buf) => new Int32Array(buf)),
    buffers,
    resultWidth: SPLIT_RESULT_WIDTH,
  };
  const nWorkers = nThreads - 1;
  const source = workerSource();
  const workers: Worker[] = [];
  for (let t = 0; t < nWorkers; t++) {
    const init: WorkerInit = { state, control, error: errorBuffer, nWorkers };
    workers.push(new Worker(source, { eval: true, workerData: init }));
  }
  // Workers boot while the main thread waits here; a load error would
  // otherwise leave the first job waiting forever.
  const deadline = Date.now() + 30_000;
  while (Atomics.load(ctrl, C.READY) < nWorkers) {
    const ready = Atomics.load(ctrl, C.READY);
    if (Date.now() > deadline) {
      for (const w of workers) void w.terminate();
      throw new Error(`training workers did not start (${ready}/${nWorkers} ready)`);
    }
    Atomics.wait(ctrl, C.READY, ready, 100);
  }

  let nFeatures = binned.nFeatures;
  let nChunks = planFeatureChunks(nFeatures, nThreads, buffers.chunkBounds);
  let closed = false;

  /** Start a job on the workers, take part in it, wait for the others. */
  const run = (command: number, jobChunks: number, ownShare: () => void) => {
    ctrl[C.COMMAND] = command;
    ctrl[C.N_CHUNKS] = jobChunks;
    for (const word of [C.NEXT_CHUNK, C.NEXT_PARTITION, C.NEXT_PLACE, C.ARRIVED_PARTITION, C.ARRIVED_PLACE]) ctrl[word] = 0;
    Atomics.store(ctrl, C.DONE, 0);
    Atomics.add(ctrl, C.GENERATION, 1);
    Atomics.notify(ctrl, C.GENERATION);
    ownShare();
    // A worker that dies outside its try/catch (out of memory) never counts
    // itself done; give up after minutes of silence rather than hang.
    let waitingSince = Date.now();
    for (;;) {
      const done = Atomics.load(ctrl, C.DONE);
      if (done >= nWorkers) break;
      waitWhileEqual(ctrl, C.DONE, done, 1000);
      if (Atomics.load(ctrl, C.DONE) !== done) waitingSince = Date.now();
      else if (Date.now() - waitingSince > 300_000) throw new Error("training workers stopped responding");
    }
    if (Atomics.load(ctrl, C.FAILED)) {
      const bytes = new Uint8Array(errorBuffer);
      const len = bytes.indexOf(0);
      throw new Error(`a training worker failed: ${new TextDecoder().decode(bytes.slice(0, len < 0 ? ERROR_BYTES : len))}`);
    }
  };

  return {
    nThreads,
    buffers,
    setFeatureCount(n) {
      nFeatures = n;
      nChunks = planFeatureChunks(nFeatures, nThreads, buffers.chunkBounds);
    },
    runWave(nBlocks, nBuild, nSubtract, nFind) {
      ctrl[C.N_BLOCKS] = nBlocks;
      ctrl[C.N_BUILD] = nBuild; ctrl[C.N_SUBTRACT] = nSubtract; ctrl[C.N_FIND] = nFind;
      run(1, nChunks, () => runWaveJob(KERNELS, state, ctrl, goesLeft));
      reduceSplitResults(buffers, nChunks, nFind);
    },
    computeGradients(objective, censored, prepareRoot) {
      let kernel = 0;
      if (objective.parallelKernel) kernel = objective.parallelKernel === "logistic" ? 1 : 2;
      else objective.gradients(buffers.margin, buffers.label, buffers.weight, censored, buffers.gh);
      if (kernel === 0 && !prepareRoot) return;
      ctrl[C.GRADIENT_KERNEL] = kernel;
      ctrl[C.PREPARE_ROOT] = prepareRoot ? 1 : 0;
      run(3, Math.ceil(buffers.nRows / GRADIENT_ROWS_PER_CHUNK), () => runGradientChunks(KERNELS, state, ctrl));
    },
    addLeafValues(nLeaves) {
      run(4, nLeaves, () => runLeafValueChunks(KERNELS, state, ctrl));
    },
    close() {
      if (closed) return;
      closed = true;
      ctrl[C.COMMAND] = 2;
      Atomics.add(ctrl, C.GENERATION, 1);
      Atomics.notify(ctrl, C.GENERATION);
      for (const w of workers) w.unref();
    },
  };
}
