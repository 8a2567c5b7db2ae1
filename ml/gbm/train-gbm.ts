import type { FeatureMatrix } from "../core/feature-matrix";
import { Prng, sampleSortedIndices } from "../core/prng";
import { binMatrix, type BinnedMatrix } from "../binning/bin-matrix";
import { computeBinCuts, thresholdForCode, type BinCuts } from "../binning/compute-bin-cuts";
import type { GbmModel, TreeArrays } from "../model/gbm-model";
import { createInlineExecutor, type TrainingExecutor } from "./training-executor";
import { treeCapacity, TreeGrower, type GrownTree } from "./grow-tree";
import { addTreeByCodes } from "./predict-binned";
import { createObjective } from "./objectives";
import { resolveParams, type GbmParams } from "./train-params";
import { createWorkerPoolExecutor } from "./worker-pool";

export interface TrainingData {
  matrix: FeatureMatrix;
  /** 0/1 for binary:logistic; days for survival:aft (event or censoring time); target for reg:squarederror. */
  label: ArrayLike<number>;
  /** survival:aft only: 1 = right-censored (no purchase seen by the end of the window). */
  censored?: Uint8Array;
  weight?: Float64Array;
}

export interface RoundProgress {
  round: number;
  trainLoss: number;
  validLoss?: number;
  bestRound: number;
}

export interface TrainOptions {
  valid?: TrainingData;
  /** Called after every round; asking for progress also computes the training loss each round. */
  onProgress?: (p: RoundProgress) => void;
}

export interface TrainResult {
  model: GbmModel;
  /**
   * 0-based round with the lowest validation loss (the last round without a
   * validation set). Trees are cut after it only when earlyStoppingRounds > 0.
   */
  bestRound: number;
  /** Validation loss per round (empty without a validation set). */
  validLoss: number[];
  /** Training loss per round (only when onProgress is given). */
  trainLoss: number[];
  cuts: BinCuts;
}

/**
 * Second-order gradient boosting over histogram-binned features (XGBoost's
 * `hist` method): each round computes (g, h) for every row, grows one tree
 * that maximises the split gain (Eq. 7) and adds its leaf weights (Eq. 5) to
 * the margins. Deterministic for a seed, whatever the thread count.
 */
export function trainGbm(train: TrainingData, params: Partial<GbmParams> = {}, options: TrainOptions = {}): TrainResult {
  const p = resolveParams(params);
  const objective = createObjective(p.objective, { aftSigma: p.aftSigma });
  const m = train.matrix;
  const n = m.nRows;
  if (n < 2) throw new RangeError("need at least two training rows");
  checkLengths(train);
  if (options.valid) {
    checkLengths(options.valid);
    if (options.valid.matrix.nFeatures !== m.nFeatures) throw new RangeError("validation set has a different number of features");
  }
  const rng = new Prng(p.seed);
  const y = objective.prepareLabels(train.label, train.censored ?? null);
  const weight = train.weight ?? null;
  const censored = train.censored ?? null;
  const baseScore = Math.fround(p.baseScore ?? objective.baseScore(y, weight, censored));

  const cuts = computeBinCuts(m, { maxBins: p.maxBins, sampleSize: p.binSampleSize, seed: rng.nextUint32() });
  const binned = binMatrix(m, cuts, { shared: p.threads > 1 });
  const { maxNodes, histSlots } = treeCapacity(p);
  const executor: TrainingExecutor = p.threads > 1
    ? createWorkerPoolExecutor(binned, y, weight, histSlots, maxNodes, p.threads)
    : createInlineExecutor(binned, y, weight, histSlots, maxNodes);

  try {
    const grower = new TreeGrower(binned, executor, p, histSlots);
    const { margin } = executor.buffers;
    margin.fill(baseScore);
    const valid = options.valid ? prepareValidation(options.valid, cuts, objective, baseScore) : null;

    const nRowSample = Math.max(2, Math.round(p.subsample * n));
    const nFeatureSample = Math.max(1, Math.round(p.colsampleByTree * m.nFeatures));
    const rowSample = nRowSample < n ? new Int32Array(nRowSample) : null;
    const allFeatures = Int32Array.from({ length: m.nFeatures }, (_, i) => i);

    const trees: TreeArrays[] = [];
    const validLoss: number[] = [];
    const trainLoss: number[] = [];
    let bestRound = 0, bestLoss = Infinity;
    for (let round = 0; round < p.nRounds; round++) {
      const treeRng = rng.fork();
      executor.computeGradients(objective, censored, rowSample === null);
      const features = nFeatureSample < m.nFeatures
        ? sampleSortedIndices(m.nFeatures, nFeatureSample, treeRng)
        : allFeatures;
      executor.buffers.features.set(features);
      executor.setFeatureCount(features.length);
      if (rowSample) sampleSortedIndices(n, nRowSample, treeRng, rowSample);

      const tree = grower.grow(rowSample, rowSample ? nRowSample : n);
      if (rowSample) addTreeByCodes(tree, binned.codes, n, margin);
      else grower.addLeafValues();
      trees.push(toTreeArrays(tree, cuts));

      if (options.onProgress) trainLoss.push(objective.loss(margin, y, weight, censored));
      if (valid) {
        addTreeByCodes(tree, valid.binned.codes, valid.binned.nRows, valid.margin);
        const loss = objective.loss(valid.margin, valid.y, valid.weight, valid.censored);
        validLoss.push(loss);
        if (loss < bestLoss) { bestLoss = loss; bestRound = round; }
      } else {
        bestRound = round;
      }
      options.onProgress?.({ round, trainLoss: trainLoss[round], validLoss: validLoss[round], bestRound });
      if (valid && p.earlyStoppingRounds > 0 && round - bestRound >= p.earlyStoppingRounds) break;
    }
    if (valid && p.earlyStoppingRounds > 0) trees.length = bestRound + 1;

    const model: GbmModel = {
      format: "sds-gbm@1",
      objective: p.objective,
      baseScore,
      featureNames: [...m.featureNames],
      trees,
      ...(p.objective === "survival:aft" ? { aftSigma: p.aftSigma } : {}),
      params: recordParams(p),
    };
    return { model, bestRound, validLoss, trainLoss, cuts };
  } finally {
    executor.close();
  }
}

function checkLengths(d: TrainingData): void {
  const n = d.matrix.nRows;
  if (d.label.length !== n) throw new RangeError(`label has ${d.label.length} rows, matrix ${n}`);
  if (d.censored && d.censored.length !== n) throw new RangeError("censored length differs from the matrix");
  if (d.weight && d.weight.length !== n) throw new RangeError("weight length differs from the matrix");
}

function prepareValidation(v: TrainingData, cuts: BinCuts, objective: ReturnType<typeof createObjective>, baseScore: number) {
  return {
    binned: binMatrix(v.matrix, cuts) as BinnedMatrix,
    margin: new Float64Array(v.matrix.nRows).fill(baseScore),
    y: objective.prepareLabels(v.label, v.censored ?? null),
    weight: v.weight ?? null,
    censored: v.censored ?? null,
  };
}

/** Training form (bin codes) → model form (float32 thresholds, x <= t goes left). */
function toTreeArrays(t: GrownTree, cuts: BinCuts): TreeArrays {
  const out: TreeArrays = { feature: [], threshold: [], left: [], right: [], defaultLeft: [], value: [], cover: [], gain: [] };
  for (let i = 0; i < t.nNodes; i++) {
    const f = t.feature[i];
    out.feature.push(f);
    out.threshold.push(f >= 0 ? thresholdForCode(cuts, f, t.code[i]) : 0);
    out.left.push(t.left[i]);
    out.right.push(t.right[i]);
    out.defaultLeft.push(t.defaultLeft[i]);
    out.value.push(f >= 0 ? 0 : t.value[i]);
    out.cover.push(t.cover[i]);
    out.gain.push(t.gain[i]);
  }
  return out;
}

function recordParams(p: GbmParams): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const [k, v] of Object.entries(p)) if (typeof v === "number" || typeof v === "string") out[k] = v;
  return out;
}
