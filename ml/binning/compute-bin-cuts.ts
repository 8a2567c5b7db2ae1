import { Prng, sampleSortedIndices } from "../core/prng";
import type { FeatureMatrix } from "../core/feature-matrix";
import { radixSortFloat32 } from "./radix-sort-float32";

/**
 * Per-feature cut points for histogram binning.
 *
 * Convention (pinned by tests and shared with the predictor and the ONNX
 * export): code 0 is the missing bin (NaN); a value x gets code
 * 1 + #{cuts c : c < x}. Hence "codes 1..k go left" ⇔ x <= cuts[k-1], which is
 * ONNX BRANCH_LEQ. Cuts are float32 values, so the comparison is exact for
 * float32 inputs in TypeScript (doubles holding float32 values) and in ONNX.
 */
export interface BinCuts {
  readonly nFeatures: number;
  /** cuts of feature f are cutValues[cutOffsets[f] .. cutOffsets[f+1]), ascending, float32. */
  readonly cutValues: Float32Array;
  readonly cutOffsets: Int32Array;
}

export interface BinCutOptions {
  /** Bins per feature including the missing bin (≤ 256 so codes fit a byte). Default 256. */
  maxBins?: number;
  /** Rows sampled to place the cuts (LightGBM uses 200k too). Default 200_000. */
  sampleSize?: number;
  seed?: number;
}

/** Largest finite float32: threshold for the split "every non-missing value left, missing right". */
export const FLOAT32_MAX = 3.4028234663852886e38;

export function computeBinCuts(m: FeatureMatrix, options: BinCutOptions = {}): BinCuts {
  const maxBins = options.maxBins ?? 256;
  if (maxBins < 3 || maxBins > 256) throw new RangeError("maxBins must be in [3, 256]");
  const maxValueBins = maxBins - 1;
  const sampleSize = Math.min(options.sampleSize ?? 200_000, m.nRows);
  const rows = sampleSize === m.nRows
    ? null
    : sampleSortedIndices(m.nRows, sampleSize, new Prng(options.seed ?? 0));

  // One sequential pass over the row-major matrix fills every column buffer;
  // reading a column at a stride of nFeatures floats touched a new cache line per value.
  const nF = m.nFeatures;
  const columns = new Float32Array(nF * sampleSize);
  const filled = new Int32Array(nF);
  for (let i = 0; i < sampleSize; i++) {
    const base = (rows ? rows[i] : i) * nF;
    for (let f = 0; f < nF; f++) {
      const v = m.data[base + f];
      if (v === v) columns[f * sampleSize + filled[f]++] = v;
    }
  }
  const perFeature: Float32Array[] = [];
  for (let f = 0; f < nF; f++) {
    const sorted = radixSortFloat32(columns.subarray(f * sampleSize, f * sampleSize + filled[f]));
    perFeature.push(cutsFromSortedValues(sorted, maxValueBins));
  }
  return packCuts(perFeature);
}

export function packCuts(perFeature: readonly Float32Array[]): BinCuts {
  const cutOffsets = new Int32Array(perFeature.length + 1);
  for (let f = 0; f < perFeature.length; f++) cutOffsets[f + 1] = cutOffsets[f] + perFeature[f].length;
  const cutValues = new Float32Array(cutOffsets[perFeature.length]);
  perFeature.forEach((c, f) => cutValues.set(c, cutOffsets[f]));
  return { nFeatures: perFeature.length, cutValues, cutOffsets };
}

/**
 * Equal-frequency cuts over sorted non-missing values. A bin is closed once it
 * holds its fair share of what is left (remaining count / remaining bins), so
 * a heavy value (e.g. 40 % zeros) takes one bin and the rest still spread over
 * the remaining bins. With fewer distinct values than bins every distinct
 * value gets its own bin.
 */
export function cutsFromSortedValues(sorted: Float32Array, maxValueBins: number): Float32Array {
  const n = sorted.length;
  let nDistinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) nDistinct++;
  const cuts: number[] = [];
  if (nDistinct <= maxValueBins) {
    for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) cuts.push(float32CutBetween(sorted[i - 1], sorted[i]));
    return Float32Array.from(cuts);
  }
  let binsLeft = maxValueBins;
  let remaining = n;
  let inBin = 0;
  let distinctLeft = nDistinct;
  for (let i = 0; i < n && binsLeft > 1; ) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++; // [i, j) holds one distinct value
    inBin += j - i;
    remaining -= j - i;
    distinctLeft--;
    if (j >= n) break;
    if (inBin * binsLeft >= inBin + remaining || distinctLeft < binsLeft) {
      cuts.push(float32CutBetween(sorted[i], sorted[j]));
      binsLeft--;
      inBin = 0;
    }
    i = j;
  }
  return Float32Array.from(cuts);
}

/**
 * A float32 c with a <= c < b (a < b both float32): the midpoint when it is
 * representable strictly below b, otherwise a itself. Midpoints generalise
 * better to unseen values than cutting at a sample value.
 */
export function float32CutBetween(a: number, b: number): number {
  const mid = Math.fround(a + (b - a) / 2);
  return mid >= a && mid < b ? mid : a;
}

export function featureCuts(cuts: BinCuts, f: number): Float32Array {
  return cuts.cutValues.subarray(cuts.cutOffsets[f], cuts.cutOffsets[f + 1]);
}

/** Bin code of one value: 0 for NaN, else 1 + number of cuts strictly below x. */
export function binCode(cutValues: Float32Array, start: number, end: number, x: number): number {
  if (x !== x) return 0;
  let lo = start, hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cutValues[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo - start + 1;
}

/** Threshold t such that "code <= lastLeftCode" ⇔ "x <= t" for non-missing x. */
export function thresholdForCode(cuts: BinCuts, f: number, lastLeftCode: number): number {
  const n = cuts.cutOffsets[f + 1] - cuts.cutOffsets[f];
  if (lastLeftCode < 1 || lastLeftCode > n + 1) throw new RangeError(`code ${lastLeftCode} out of range`);
  return lastLeftCode === n + 1 ? FLOAT32_MAX : cuts.cutValues[cuts.cutOffsets[f] + lastLeftCode - 1];
}
