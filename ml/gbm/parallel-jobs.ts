import type { TrainingBuffers } from "./training-executor";
import type { buildHistograms, findBestSplits, subtractHistograms } from "./histogram-kernels";
import type { logisticGradientRange, prepareRootRange, squaredErrorGradientRange } from "./gradient-kernels";
import type { addLeafValue } from "./leaf-kernels";
import type { partitionBlock, placeBlock } from "./partition-rows";

/**
 * Job loops run by the main thread and every worker alike: each thread
 * claims the next chunk from a shared counter (Atomics.add) until none is
 * left, so a thread slowed down by anything else on the machine simply takes
 * fewer chunks. Self-contained: workers receive this source text (plus the
 * module constants C and GRADIENT_ROWS_PER_CHUNK), and the kernels are
 * reached through the `k` argument, never through imports.
 */

/** Word indices in the control Int32Array. */
export const C = {
  GENERATION: 0, // bumped by the main thread to start a job
  DONE: 1, // workers finished with the current job
  COMMAND: 2, // 1 = wave, 2 = exit, 3 = gradients, 4 = leaf values
  N_BUILD: 3, N_SUBTRACT: 4, N_FIND: 5,
  READY: 6, // workers started
  FAILED: 7, // a worker threw (message in the error buffer)
  NEXT_CHUNK: 8, // work-sharing counter
  N_CHUNKS: 9,
  GRADIENT_KERNEL: 10, // 1 = logistic, 2 = squared error, 0 = none (already computed)
  N_THREADS: 11,
  N_BLOCKS: 12,
  NEXT_PARTITION: 13, NEXT_PLACE: 14, // work-sharing counters of the partition steps
  ARRIVED_PARTITION: 15, ARRIVED_PLACE: 16, // barriers after them
  PREPARE_ROOT: 17, // 1 = the gradient job also lays out the root (prepareRootRange)
  SIZE: 18,
} as const;

export const GRADIENT_ROWS_PER_CHUNK = 16_384;

export interface Kernels {
  buildHistograms: typeof buildHistograms;
  subtractHistograms: typeof subtractHistograms;
  findBestSplits: typeof findBestSplits;
  logisticGradientRange: typeof logisticGradientRange;
  squaredErrorGradientRange: typeof squaredErrorGradientRange;
  prepareRootRange: typeof prepareRootRange;
  partitionBlock: typeof partitionBlock;
  placeBlock: typeof placeBlock;
  addLeafValue: typeof addLeafValue;
}

export interface SharedTrainingState {
  codes: Uint8Array;
  nRows: number;
  binOffsets: Int32Array;
  binCounts: Int32Array;
  buffers: TrainingBuffers;
  resultWidth: number;
}

/**
 * Atomics.wait(ctrl, word, value) after a short spin: a futex sleep and
 * wake-up costs tens of microseconds, and most waits here are shorter.
 */
export function waitWhileEqual(ctrl: Int32Array, word: number, value: number, timeoutMs: number): void {
  for (let i = 0; i < 4000; i++) if (Atomics.load(ctrl, word) !== value) return;
  Atomics.wait(ctrl, word, value, timeoutMs);
}

/** Wait until every thread has arrived at barrier `word` (the last one wakes the others). */
export function barrier(ctrl: Int32Array, word: number): void {
  const n = ctrl[C.N_THREADS];
  if (Atomics.add(ctrl, word, 1) + 1 >= n) { Atomics.notify(ctrl, word); return; }
  for (;;) {
    const v = Atomics.load(ctrl, word);
    if (v >= n) return;
    waitWhileEqual(ctrl, word, v, Infinity);
  }
}

/**
 * One wave: partition the split nodes' rows block by block, place the blocks
 * (barriers between the steps: placing needs every block's count), then per
 * claimed feature chunk build + subtract + find over its features.
 */
export function runWaveJob(k: Kernels, s: SharedTrainingState, ctrl: Int32Array, goesLeft: Uint8Array): void {
  const b = s.buffers;
  const nBlocks = ctrl[C.N_BLOCKS];
  if (nBlocks > 0) {
    for (;;) {
      const q = Atomics.add(ctrl, C.NEXT_PARTITION, 1);
      if (q >= nBlocks) break;
      k.partitionBlock(s.codes, s.nRows, b.rows, b.tmpLeft, b.tmpRight, b.splitInfo, b.blockInfo, q, goesLeft);
    }
    barrier(ctrl, C.ARRIVED_PARTITION);
    for (;;) {
      const q = Atomics.add(ctrl, C.NEXT_PLACE, 1);
      if (q >= nBlocks) break;
      k.placeBlock(b.rows, b.tmpLeft, b.tmpRight, b.gh, b.orderedGh, b.splitInfo, b.blockInfo, q, b.nodeStart, b.nodeEnd);
    }
    barrier(ctrl, C.ARRIVED_PLACE);
  }
  const nChunks = ctrl[C.N_CHUNKS];
  for (;;) {
    const c = Atomics.add(ctrl, C.NEXT_CHUNK, 1);
    if (c >= nChunks) return;
    const fBegin = b.chunkBounds[c], fEnd = b.chunkBounds[c + 1];
    k.buildHistograms(s.codes, s.nRows, s.binOffsets, s.binCounts, b.rows, b.orderedGh, b.hist, b.histStride,
      b.buildTasks, ctrl[C.N_BUILD], b.nodeStart, b.nodeEnd, b.features, fBegin, fEnd);
    k.subtractHistograms(s.binOffsets, s.binCounts, b.hist, b.histStride, b.subtractTasks, ctrl[C.N_SUBTRACT],
      b.features, fBegin, fEnd);
    k.findBestSplits(s.binOffsets, s.binCounts, b.hist, b.histStride, b.findTasks, ctrl[C.N_FIND], b.nodeSums,
      b.params, b.features, fBegin, fEnd, b.results, c * b.maxNodes * s.resultWidth);
  }
}

/** Gradients (and, when asked, the root layout) for claimed row chunks. */
export function runGradientChunks(k: Kernels, s: SharedTrainingState, ctrl: Int32Array): void {
  const b = s.buffers;
  const nChunks = ctrl[C.N_CHUNKS];
  for (;;) {
    const c = Atomics.add(ctrl, C.NEXT_CHUNK, 1);
    if (c >= nChunks) return;
    const start = c * GRADIENT_ROWS_PER_CHUNK;
    const end = Math.min(s.nRows, start + GRADIENT_ROWS_PER_CHUNK);
    if (ctrl[C.GRADIENT_KERNEL] === 1) k.logisticGradientRange(b.margin, b.label, b.weight, b.gh, start, end);
    else if (ctrl[C.GRADIENT_KERNEL] === 2) k.squaredErrorGradientRange(b.margin, b.label, b.weight, b.gh, start, end);
    if (ctrl[C.PREPARE_ROOT] === 1) k.prepareRootRange(b.gh, b.rows, b.orderedGh, b.chunkSums, start, end, c);
  }
}

/** Leaf values added to the margins of claimed leaves (leaves hold disjoint rows). */
export function runLeafValueChunks(k: Kernels, s: SharedTrainingState, ctrl: Int32Array): void {
  const b = s.buffers;
  const nChunks = ctrl[C.N_CHUNKS];
  for (;;) {
    const c = Atomics.add(ctrl, C.NEXT_CHUNK, 1);
    if (c >= nChunks) return;
    k.addLeafValue(b.rows, b.nodeStart, b.nodeEnd, b.margin, b.leafNodes, b.leafValues, c);
  }
}

export interface WorkerInit {
  state: SharedTrainingState;
  control: SharedArrayBuffer;
  /** ASCII message of a worker's exception. */
  error: SharedArrayBuffer;
  nWorkers: number;
}

/**
 * Body of a worker thread: sleep on the generation word, run the job, count
 * itself done. Futex waits keep the main thread's training loop synchronous —
 * no event-loop round trip per wave.
 */
export function workerMain(init: WorkerInit, k: Kernels): void {
  const ctrl = new Int32Array(init.control);
  const goesLeft = new Uint8Array(256);
  Atomics.add(ctrl, C.READY, 1);
  Atomics.notify(ctrl, C.READY);
  let seen = 0;
  for (;;) {
    waitWhileEqual(ctrl, C.GENERATION, seen, Infinity);
    if (Atomics.load(ctrl, C.GENERATION) === seen) continue;
    seen = Atomics.load(ctrl, C.GENERATION);
    const command = ctrl[C.COMMAND];
    if (command === 2) return;
    try {
      if (command === 1) runWaveJob(k, init.state, ctrl, goesLeft);
      else if (command === 3) runGradientChunks(k, init.state, ctrl);
      else if (command === 4) runLeafValueChunks(k, init.state, ctrl);
    } catch (e) {
      const text = String(e instanceof Error ? e.stack ?? e.message : e);
      const bytes = new Uint8Array(init.error);
      const n = Math.min(text.length, bytes.length - 1);
      for (let i = 0; i < n; i++) bytes[i] = text.charCodeAt(i) & 0x7f;
      Atomics.store(ctrl, C.FAILED, 1);
      // Release threads waiting at a barrier this one will never reach.
      for (const word of [C.ARRIVED_PARTITION, C.ARRIVED_PLACE]) {
        Atomics.add(ctrl, word, ctrl[C.N_THREADS]);
        Atomics.notify(ctrl, word);
      }
    }
    if (Atomics.add(ctrl, C.DONE, 1) + 1 === init.nWorkers) Atomics.notify(ctrl, C.DONE);
  }
}
