import type { BinnedMatrix } from "../binning/bin-matrix";
import type { TrainingExecutor } from "./training-executor";
import { SPLIT_RESULT_WIDTH } from "./histogram-kernels";
import { BLOCK_INFO_WIDTH, SPLIT_INFO_WIDTH } from "./partition-rows";
import { leafWeight } from "./split-equations";

export interface GrowParams {
  /** 0 = unlimited (then maxLeaves must be set). */
  maxDepth: number;
  /** 0 = unlimited. When set, growth is best-first (one split per wave, highest gain first). */
  maxLeaves: number;
  lambda: number;
  gamma: number;
  minChildWeight: number;
  minSplitGain: number;
  learningRate: number;
}

/** A tree in training form: splits on bin codes, leaves with float32 weights. */
export interface GrownTree {
  nNodes: number;
  feature: Int32Array;
  /** Split "codes 1..code go left". */
  code: Int32Array;
  defaultLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  cover: Float64Array;
  gain: Float64Array;
}

/** Upper bounds on nodes per tree and on histograms alive at once. */
export function treeCapacity(p: Pick<GrowParams, "maxDepth" | "maxLeaves">): { maxNodes: number; histSlots: number } {
  const depthLeaves = p.maxDepth > 0 ? 2 ** p.maxDepth : Infinity;
  const leaves = Math.min(depthLeaves, p.maxLeaves > 0 ? p.maxLeaves : Infinity);
  if (!Number.isFinite(leaves)) throw new RangeError("set maxDepth or maxLeaves");
  // Only nodes that may still split keep a histogram; in level-wise growth the
  // widest such level is depth maxDepth − 1.
  const slots = Math.min(p.maxDepth > 0 ? 2 ** Math.max(p.maxDepth - 1, 0) : Infinity, leaves) + 1;
  return { maxNodes: 2 * leaves - 1, histSlots: slots };
}

/**
 * Grows one tree on a row partition with histogram subtraction: for every
 * split only the child with the smaller Hessian sum (a proxy for its row
 * count that is known before partitioning, as in XGBoost) gets a fresh
 * histogram; its sibling's is parent − child, computed in the parent's
 * memory. Without maxLeaves the tree grows level-wise (one wave per depth,
 * like XGBoost's depthwise); with it, best-first (like lossguide / LightGBM).
 */
export class TreeGrower {
  private readonly freeSlots: number[] = [];
  // Per-node training state (row ranges live in the shared buffers).
  private readonly depth: Int32Array;
  private readonly slot: Int32Array;
  private readonly sumG: Float64Array;
  private readonly sumH: Float64Array;
  private readonly open: Uint8Array;
  readonly tree: GrownTree;

  constructor(
    binned: BinnedMatrix,
    private readonly executor: TrainingExecutor,
    private readonly params: GrowParams,
    private readonly histSlots: number,
  ) {
    if (binned.nRows !== executor.buffers.nRows) throw new RangeError("executor and matrix disagree on rows");
    const m = executor.buffers.maxNodes;
    this.depth = new Int32Array(m);
    this.slot = new Int32Array(m);
    this.sumG = new Float64Array(m);
    this.sumH = new Float64Array(m);
    this.open = new Uint8Array(m);
    this.tree = {
      nNodes: 0, feature: new Int32Array(m), code: new Int32Array(m), defaultLeft: new Uint8Array(m),
      left: new Int32Array(m), right: new Int32Array(m), value: new Float64Array(m),
      cover: new Float64Array(m), gain: new Float64Array(m),
    };
    const b = executor.buffers;
    b.params[0] = params.lambda;
    b.params[1] = params.gamma;
    b.params[2] = params.minChildWeight;
  }

  /**
   * Grow a tree from buffers.gh. `sampleRows` (ascending) restricts the tree
   * to a row subsample; null = all rows, whose root layout computeGradients
   * prepared (prepareRoot). The tree's features must already be in
   * executor.buffers.features (setFeatureCount done).
   */
  grow(sampleRows: Int32Array | null, nSample: number): GrownTree {
    const b = this.executor.buffers;
    this.freeSlots.length = 0;
    for (let s = this.histSlots - 1; s >= 0; s--) this.freeSlots.push(s);

    let G = 0, H = 0;
    if (sampleRows) {
      // Root of a subsample: its rows with their gradient pairs gathered into partition order.
      const { rows, orderedGh: ogh, gh } = b;
      for (let k = 0; k < nSample; k++) {
        const r = sampleRows[k];
        rows[k] = r;
        const g = gh[2 * r], h = gh[2 * r + 1];
        ogh[2 * k] = g; ogh[2 * k + 1] = h;
        G += g; H += h;
      }
    } else {
      for (let c = 0; c < b.chunkSums.length; c += 2) { G += b.chunkSums[c]; H += b.chunkSums[c + 1]; }
    }
    this.tree.nNodes = 0;
    const root = this.newNode(0, G, H);
    b.nodeStart[root] = 0;
    b.nodeEnd[root] = nSample;
    let nBlocks = 0, nBuild = 0, nSubtract = 0, nFind = 0;
    if (this.canSplit(root)) {
      const s = this.takeSlot();
      this.slot[root] = s;
      b.buildTasks[0] = s; b.buildTasks[1] = root;
      b.findTasks[0] = s; b.findTasks[1] = root;
      nBuild = 1; nFind = 1;
    }
    let nLeaves = 1;
    const toSplit: number[] = [];
    for (;;) {
      if (nBlocks > 0 || nFind > 0) {
        this.executor.runWave(nBlocks, nBuild, nSubtract, nFind);
        this.collectSplits(nFind);
      }
      this.releaseUnusedSlots();
      toSplit.length = 0;
      this.pickSplits(nLeaves, toSplit);
      if (toSplit.length === 0) break;
      nBlocks = 0; nBuild = 0; nSubtract = 0; nFind = 0;
      for (let i = 0; i < toSplit.length; i++) {
        const node = toSplit[i];
        const parentSlot = this.slot[node];
        this.slot[node] = -1;
        const [l, r] = this.applySplit(node);
        nLeaves++;
        const lCan = this.canSplit(l), rCan = this.canSplit(r);
        const leftSmaller = this.sumH[l] <= this.sumH[r];
        const small = leftSmaller ? l : r, large = leftSmaller ? r : l;
        const largeCan = leftSmaller ? rCan : lCan, smallCan = leftSmaller ? lCan : rCan;
        let gatherChild = -1;
        if (!lCan && !rCan) {
          this.freeSlots.push(parentSlot);
        } else {
          let smallSlot = parentSlot;
          if (largeCan) {
            smallSlot = this.takeSlot();
            b.subtractTasks[2 * nSubtract] = parentSlot; b.subtractTasks[2 * nSubtract + 1] = smallSlot; nSubtract++;
            this.slot[large] = parentSlot;
            b.findTasks[2 * nFind] = parentSlot; b.findTasks[2 * nFind + 1] = large; nFind++;
          }
          gatherChild = small;
          b.buildTasks[2 * nBuild] = smallSlot; b.buildTasks[2 * nBuild + 1] = small; nBuild++;
          // A small child that cannot split is built only for the subtraction;
          // releaseUnusedSlots frees it after the wave.
          this.slot[small] = smallSlot;
          if (smallCan) { b.findTasks[2 * nFind] = smallSlot; b.findTasks[2 * nFind + 1] = small; nFind++; }
        }
        nBlocks = this.planPartition(i, node, l, r, gatherChild, nBlocks);
      }
    }
    this.finishLeaves();
    return this.tree;
  }

  /** Adds each leaf's value to buffers.margin of the rows it holds (all rows, when grown without subsampling). */
  addLeafValues(): void {
    const t = this.tree, b = this.executor.buffers;
    let nLeaves = 0;
    for (let n = 0; n < t.nNodes; n++) {
      if (t.feature[n] >= 0) continue;
      b.leafNodes[nLeaves] = n;
      b.leafValues[nLeaves++] = t.value[n];
    }
    this.executor.addLeafValues(nLeaves);
  }

  /** Describe split i of the wave and cut its rows into blocks; returns the new block count. */
  private planPartition(i: number, node: number, l: number, r: number, gatherChild: number, nBlocks: number): number {
    const b = this.executor.buffers, t = this.tree;
    const si = i * SPLIT_INFO_WIDTH;
    b.splitInfo[si] = node;
    b.splitInfo[si + 1] = t.feature[node];
    b.splitInfo[si + 2] = t.code[node];
    b.splitInfo[si + 3] = t.defaultLeft[node];
    b.splitInfo[si + 4] = l;
    b.splitInfo[si + 5] = r;
    b.splitInfo[si + 6] = gatherChild;
    b.splitInfo[si + 7] = nBlocks;
    const end = b.nodeEnd[node];
    let start = b.nodeStart[node];
    do {
      const bi = nBlocks * BLOCK_INFO_WIDTH;
      b.blockInfo[bi] = i;
      b.blockInfo[bi + 1] = start;
      b.blockInfo[bi + 2] = Math.min(end, start + b.blockRows);
      nBlocks++;
      start += b.blockRows;
    } while (start < end);
    b.splitInfo[si + 8] = nBlocks;
    return nBlocks;
  }

  private newNode(depth: number, G: number, H: number): number {
    const n = this.tree.nNodes++;
    this.depth[n] = depth;
    this.sumG[n] = G; this.sumH[n] = H; this.slot[n] = -1; this.open[n] = 0;
    const t = this.tree;
    t.feature[n] = -1; t.code[n] = 0; t.defaultLeft[n] = 0; t.left[n] = -1; t.right[n] = -1;
    t.value[n] = 0; t.cover[n] = H; t.gain[n] = 0;
    const sums = this.executor.buffers.nodeSums;
    sums[2 * n] = G; sums[2 * n + 1] = H;
    return n;
  }

  private takeSlot(): number {
    const s = this.freeSlots.pop();
    if (s === undefined) throw new Error("histogram slot pool exhausted (treeCapacity bound violated)");
    return s;
  }

  /** Depth and Hessian mass decide before partitioning; a 1-row node simply finds no admissible split. */
  private canSplit(n: number): boolean {
    const p = this.params;
    return (p.maxDepth === 0 || this.depth[n] < p.maxDepth) && this.sumH[n] >= 2 * p.minChildWeight && this.sumH[n] > 0;
  }

  private collectSplits(nFind: number): void {
    const b = this.executor.buffers;
    for (let t = 0; t < nFind; t++) {
      const n = b.findTasks[2 * t + 1];
      const gain = b.results[n * SPLIT_RESULT_WIDTH];
      this.open[n] = gain > this.params.minSplitGain && b.results[n * SPLIT_RESULT_WIDTH + 1] >= 0 ? 1 : 0;
    }
  }

  private releaseUnusedSlots(): void {
    for (let n = 0; n < this.tree.nNodes; n++) {
      if (this.slot[n] >= 0 && !this.open[n]) { this.freeSlots.push(this.slot[n]); this.slot[n] = -1; }
    }
  }

  private pickSplits(nLeaves: number, out: number[]): void {
    const maxLeaves = this.params.maxLeaves;
    const results = this.executor.buffers.results;
    if (maxLeaves > 0) {
      if (nLeaves >= maxLeaves) return;
      let best = -1;
      for (let n = 0; n < this.tree.nNodes; n++) {
        if (this.open[n] && (best < 0 || results[n * SPLIT_RESULT_WIDTH] > results[best * SPLIT_RESULT_WIDTH])) best = n;
      }
      if (best >= 0) out.push(best);
      return;
    }
    for (let n = 0; n < this.tree.nNodes; n++) if (this.open[n]) out.push(n);
  }

  /** Turns a leaf into a split with the wave's best result; the children's rows are placed by the next wave. */
  private applySplit(node: number): [number, number] {
    const b = this.executor.buffers;
    const o = node * SPLIT_RESULT_WIDTH;
    const gain = b.results[o], f = b.results[o + 1], code = b.results[o + 2];
    const defaultLeft = b.results[o + 3], GL = b.results[o + 4], HL = b.results[o + 5];
    const d = this.depth[node] + 1;
    const l = this.newNode(d, GL, HL);
    const r = this.newNode(d, this.sumG[node] - GL, this.sumH[node] - HL);
    const t = this.tree;
    t.feature[node] = f; t.code[node] = code; t.defaultLeft[node] = defaultLeft;
    t.left[node] = l; t.right[node] = r; t.gain[node] = gain;
    this.open[node] = 0;
    return [l, r];
  }

  /** Leaf weights (Eq. 5 with shrinkage), rounded to float32 so ONNX holds the same value. */
  private finishLeaves(): void {
    const t = this.tree, p = this.params;
    for (let n = 0; n < t.nNodes; n++) {
      // + 0 turns −0 (G = 0) into 0 so serialised models carry no signed zeros.
      if (t.feature[n] < 0) t.value[n] = Math.fround(leafWeight(this.sumG[n], this.sumH[n], p.lambda, p.learningRate)) + 0;
    }
  }
}
