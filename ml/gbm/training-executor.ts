import type { BinnedMatrix } from "../binning/bin-matrix";
import { buildHistograms, findBestSplits, SPLIT_RESULT_WIDTH, subtractHistograms } from "./histogram-kernels";
import type { Objective } from "./objectives";
import { prepareRootRange } from "./gradient-kernels";
import { addLeafValue } from "./leaf-kernels";
import { GRADIENT_ROWS_PER_CHUNK } from "./parallel-jobs";
import { BLOCK_INFO_WIDTH, partitionBlock, placeBlock, SPLIT_INFO_WIDTH } from "./partition-rows";

/**
 * Memory one training run works in, shared (SharedArrayBuffer) when worker
 * threads take part. A wave = partition the rows of the nodes just split,
 * build the smaller children's histograms, subtract for their siblings, find
 * each new node's best split.
 */
export interface TrainingBuffers {
  readonly nRows: number;
  /** Current margins, labels (objective scale), optional weights, gradient pairs (g, h) per row. */
  readonly margin: Float64Array;
  readonly label: Float64Array;
  readonly weight: Float64Array | null;
  readonly gh: Float32Array;
  /** Row partition: node n owns rows[nodeStart[n] .. nodeEnd[n]). */
  readonly rows: Int32Array;
  readonly nodeStart: Int32Array;
  readonly nodeEnd: Int32Array;
  /** Scratch runs of partitionBlock. */
  readonly tmpLeft: Int32Array;
  readonly tmpRight: Int32Array;
  /** Splits of the wave (SPLIT_INFO_WIDTH each) and their row blocks (BLOCK_INFO_WIDTH each). */
  readonly splitInfo: Int32Array;
  readonly blockInfo: Int32Array;
  /** Rows per partition block (threads share a node's rows block by block). */
  readonly blockRows: number;
  /** (g, h) aligned with `rows`: orderedGh[2k..2k+1] belongs to rows[k], gathered before a build. */
  readonly orderedGh: Float32Array;
  /** (Σg, Σh) per GRADIENT_ROWS_PER_CHUNK rows, from prepareRootRange. */
  readonly chunkSums: Float64Array;
  readonly hist: Float64Array;
  /** float64 values per histogram slot (2 × total bins). */
  readonly histStride: number;
  readonly maxNodes: number;
  /** [slot, node] per build task. */
  readonly buildTasks: Int32Array;
  /** [parentSlot, smallerChildSlot] per subtraction task. */
  readonly subtractTasks: Int32Array;
  /** [slot, node] per split-finding task. */
  readonly findTasks: Int32Array;
  /** (G, H) per node. */
  readonly nodeSums: Float64Array;
  /** [λ, γ, minChildWeight]. */
  readonly params: Float64Array;
  /** Features considered by the current tree (column subsample), ascending. */
  readonly features: Int32Array;
  /** Feature chunk c is features[chunkBounds[c] .. chunkBounds[c+1]). */
  readonly chunkBounds: Int32Array;
  /** One region of maxNodes × SPLIT_RESULT_WIDTH per feature chunk. */
  readonly results: Float64Array;
  /** Leaves of the finished tree and their values, for addLeafValues. */
  readonly leafNodes: Int32Array;
  readonly leafValues: Float64Array;
}

export interface TrainingExecutor {
  readonly nThreads: number;
  readonly buffers: TrainingBuffers;
  /** Declare how many entries of buffers.features the next waves use. */
  setFeatureCount(n: number): void;
  /** Run one wave; afterwards children's row ranges are set and results region 0 holds the best split per found node. */
  runWave(nBlocks: number, nBuild: number, nSubtract: number, nFind: number): void;
  /**
   * buffers.gh ← gradients at buffers.margin; with prepareRoot also the root
   * layout of a tree on all rows (rows, orderedGh, chunkSums).
   */
  computeGradients(objective: Objective, censored: Uint8Array | null, prepareRoot: boolean): void;
  /** buffers.margin += value of the leaf each row sits in, for buffers.leafNodes[0 .. nLeaves). */
  addLeafValues(nLeaves: number): void;
  close(): void;
}

export function maxFeatureChunks(nFeatures: number): number {
  return Math.ceil(nFeatures / 4) + 2;
}

export function allocateTrainingBuffers(
  binned: BinnedMatrix, label: Float64Array, weight: Float64Array | null, histSlots: number, maxNodes: number,
  shared: boolean, blockRows: number,
): TrainingBuffers {
  const alloc = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  const copy = (a: Float64Array) => { const c = new Float64Array(alloc(a.byteLength)); c.set(a); return c; };
  const histStride = 2 * binned.binOffsets[binned.nFeatures];
  const n = binned.nRows;
  return {
    nRows: n,
    margin: new Float64Array(alloc(8 * n)),
    label: shared ? copy(label) : label,
    weight: weight && shared ? copy(weight) : weight,
    gh: new Float32Array(alloc(8 * n)),
    rows: new Int32Array(alloc(4 * n)),
    nodeStart: new Int32Array(alloc(4 * maxNodes)),
    nodeEnd: new Int32Array(alloc(4 * maxNodes)),
    tmpLeft: new Int32Array(alloc(4 * n)),
    tmpRight: new Int32Array(alloc(4 * n)),
    splitInfo: new Int32Array(alloc(4 * SPLIT_INFO_WIDTH * maxNodes)),
    blockInfo: new Int32Array(alloc(4 * BLOCK_INFO_WIDTH * (Math.ceil(n / blockRows) + maxNodes))),
    blockRows,
    orderedGh: new Float32Array(alloc(8 * n)),
    chunkSums: new Float64Array(alloc(16 * Math.ceil(n / GRADIENT_ROWS_PER_CHUNK))),
    hist: new Float64Array(alloc(8 * histStride * histSlots)),
    histStride,
    maxNodes,
    buildTasks: new Int32Array(alloc(4 * 2 * maxNodes)),
    subtractTasks: new Int32Array(alloc(4 * 2 * maxNodes)),
    findTasks: new Int32Array(alloc(4 * 2 * maxNodes)),
    nodeSums: new Float64Array(alloc(8 * 2 * maxNodes)),
    params: new Float64Array(alloc(8 * 3)),
    features: new Int32Array(alloc(4 * Math.max(1, binned.nFeatures))),
    chunkBounds: new Int32Array(alloc(4 * (maxFeatureChunks(binned.nFeatures) + 1))),
    results: new Float64Array(alloc(8 * SPLIT_RESULT_WIDTH * maxNodes * maxFeatureChunks(binned.nFeatures))),
    leafNodes: new Int32Array(alloc(4 * maxNodes)),
    leafValues: new Float64Array(alloc(8 * maxNodes)),
  };
}

/**
 * Feature chunks for work sharing between threads: eight features (the
 * histogram kernel's widest, cheapest pass) while more than 4 per thread
 * remain, then four, so the last chunks claimed are small and threads finish
 * close together without paying the narrower pass on many features.
 * Returns the number of chunks.
 */
export function planFeatureChunks(nFeatures: number, nThreads: number, bounds: Int32Array): number {
  let c = 0, at = 0;
  bounds[0] = 0;
  while (at < nFeatures) {
    const size = nThreads === 1 ? nFeatures : nFeatures - at > 4 * nThreads ? 8 : 4;
    at = Math.min(nFeatures, at + size);
    bounds[++c] = at;
  }
  return c;
}

/**
 * Merge per-chunk bests into region 0. Chunks are in ascending feature order
 * and a later chunk wins only when strictly better, which is the tie order of
 * one thread scanning all features: the model does not depend on the thread count.
 */
export function reduceSplitResults(b: TrainingBuffers, nChunks: number, nFind: number): void {
  const stride = b.maxNodes * SPLIT_RESULT_WIDTH;
  for (let t = 0; t < nFind; t++) {
    const o = b.findTasks[2 * t + 1] * SPLIT_RESULT_WIDTH;
    for (let c = 1; c < nChunks; c++) {
      const oo = c * stride + o;
      if (b.results[oo] > b.results[o]) {
        for (let j = 0; j < SPLIT_RESULT_WIDTH; j++) b.results[o + j] = b.results[oo + j];
      }
    }
  }
}

/** Single-thread path: the main thread runs every wave over all features in one pass. */
export function createInlineExecutor(
  binned: BinnedMatrix, label: Float64Array, weight: Float64Array | null, histSlots: number, maxNodes: number,
): TrainingExecutor {
  // One block per node: nothing to share, so no reason to cut rows up.
  const b = allocateTrainingBuffers(binned, label, weight, histSlots, maxNodes, false, Number.MAX_SAFE_INTEGER);
  let nFeatures = binned.nFeatures;
  const { binOffsets, binCounts } = binned;
  const goesLeft = new Uint8Array(256);
  return {
    nThreads: 1,
    buffers: b,
    setFeatureCount(n) { nFeatures = n; },
    runWave(nBlocks, nBuild, nSubtract, nFind) {
      for (let k = 0; k < nBlocks; k++) {
        partitionBlock(binned.codes, binned.nRows, b.rows, b.tmpLeft, b.tmpRight, b.splitInfo, b.blockInfo, k, goesLeft);
      }
      for (let k = 0; k < nBlocks; k++) {
        placeBlock(b.rows, b.tmpLeft, b.tmpRight, b.gh, b.orderedGh, b.splitInfo, b.blockInfo, k, b.nodeStart, b.nodeEnd);
      }
      buildHistograms(binned.codes, binned.nRows, binOffsets, binCounts, b.rows, b.orderedGh, b.hist, b.histStride,
        b.buildTasks, nBuild, b.nodeStart, b.nodeEnd, b.features, 0, nFeatures);
      subtractHistograms(binOffsets, binCounts, b.hist, b.histStride, b.subtractTasks, nSubtract, b.features, 0, nFeatures);
      findBestSplits(binOffsets, binCounts, b.hist, b.histStride, b.findTasks, nFind, b.nodeSums, b.params,
        b.features, 0, nFeatures, b.results, 0);
    },
    computeGradients(objective, censored, prepareRoot) {
      objective.gradients(b.margin, b.label, b.weight, censored, b.gh);
      if (prepareRoot) prepareRootSerially(b);
    },
    addLeafValues(nLeaves) {
      for (let i = 0; i < nLeaves; i++) addLeafValue(b.rows, b.nodeStart, b.nodeEnd, b.margin, b.leafNodes, b.leafValues, i);
    },
    close() {},
  };
}

/** prepareRootRange over every chunk on the calling thread (same chunks, same sums as the parallel job). */
export function prepareRootSerially(b: TrainingBuffers): void {
  for (let c = 0, start = 0; start < b.nRows; c++, start += GRADIENT_ROWS_PER_CHUNK) {
    prepareRootRange(b.gh, b.rows, b.orderedGh, b.chunkSums, start, Math.min(b.nRows, start + GRADIENT_ROWS_PER_CHUNK), c);
  }
}
