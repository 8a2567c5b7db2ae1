/**
 * The hot loops of tree growth. Every function here is self-contained (no
 * imports, no closures, no nested functions) because the worker pool ships
 * their source text to worker threads (see worker-pool.ts); the main thread
 * calls the very same functions, and each feature's sums are made by one
 * thread in row order, so any thread count gives identical histograms.
 *
 * Histogram of a node (XGBoost paper, Alg. 2 / Eq. 7 inputs): for every
 * feature f and bin b, G_fb = Σ_{i∈node, bin(i,f)=b} g_i and H_fb likewise,
 * stored interleaved as hist[slot·stride + 2·(binOffsets[f] + b) + {0,1}].
 */

/**
 * Σg and Σh per bin for each build task [slot, node] over features[fBegin, fEnd);
 * the node's rows are rows[nodeStart[node] .. nodeEnd[node]).
 */
export function buildHistograms(
  codes: Uint8Array, nRows: number, binOffsets: Int32Array, binCounts: Int32Array,
  rows: Int32Array, orderedGh: Float32Array, hist: Float64Array, histStride: number,
  tasks: Int32Array, nTasks: number, nodeStart: Int32Array, nodeEnd: Int32Array,
  features: Int32Array, fBegin: number, fEnd: number,
): void {
  for (let t = 0; t < nTasks; t++) {
    const slotBase = tasks[2 * t] * histStride;
    const start = nodeStart[tasks[2 * t + 1]];
    const end = nodeEnd[tasks[2 * t + 1]];
    for (let fi = fBegin; fi < fEnd; fi++) {
      const f = features[fi];
      hist.fill(0, slotBase + 2 * binOffsets[f], slotBase + 2 * (binOffsets[f] + binCounts[f]));
    }
    // Eight features per pass over the rows: each row's (g, h) and index are
    // loaded once for eight updates, and the eight accumulation chains are
    // independent, which hides the latency of repeated hits on one bin.
    let fi = fBegin;
    for (; fi + 8 <= fEnd; fi += 8) {
      const c0 = features[fi] * nRows, c1 = features[fi + 1] * nRows, c2 = features[fi + 2] * nRows, c3 = features[fi + 3] * nRows;
      const c4 = features[fi + 4] * nRows, c5 = features[fi + 5] * nRows, c6 = features[fi + 6] * nRows, c7 = features[fi + 7] * nRows;
      const h0 = slotBase + 2 * binOffsets[features[fi]], h1 = slotBase + 2 * binOffsets[features[fi + 1]];
      const h2 = slotBase + 2 * binOffsets[features[fi + 2]], h3 = slotBase + 2 * binOffsets[features[fi + 3]];
      const h4 = slotBase + 2 * binOffsets[features[fi + 4]], h5 = slotBase + 2 * binOffsets[features[fi + 5]];
      const h6 = slotBase + 2 * binOffsets[features[fi + 6]], h7 = slotBase + 2 * binOffsets[features[fi + 7]];
      for (let k = start; k < end; k++) {
        const r = rows[k];
        const g = orderedGh[2 * k], h = orderedGh[2 * k + 1];
        let s = h0 + 2 * codes[c0 + r]; hist[s] += g; hist[s + 1] += h;
        s = h1 + 2 * codes[c1 + r]; hist[s] += g; hist[s + 1] += h;
        s = h2 + 2 * codes[c2 + r]; hist[s] += g; hist[s + 1] += h;
        s = h3 + 2 * codes[c3 + r]; hist[s] += g; hist[s + 1] += h;
        s = h4 + 2 * codes[c4 + r]; hist[s] += g; hist[s + 1] += h;
        s = h5 + 2 * codes[c5 + r]; hist[s] += g; hist[s + 1] += h;
        s = h6 + 2 * codes[c6 + r]; hist[s] += g; hist[s + 1] += h;
        s = h7 + 2 * codes[c7 + r]; hist[s] += g; hist[s + 1] += h;
      }
    }
    for (; fi + 4 <= fEnd; fi += 4) {
      const c0 = features[fi] * nRows, c1 = features[fi + 1] * nRows, c2 = features[fi + 2] * nRows, c3 = features[fi + 3] * nRows;
      const h0 = slotBase + 2 * binOffsets[features[fi]], h1 = slotBase + 2 * binOffsets[features[fi + 1]];
      const h2 = slotBase + 2 * binOffsets[features[fi + 2]], h3 = slotBase + 2 * binOffsets[features[fi + 3]];
      for (let k = start; k < end; k++) {
        const r = rows[k];
        const g = orderedGh[2 * k], h = orderedGh[2 * k + 1];
        let s = h0 + 2 * codes[c0 + r]; hist[s] += g; hist[s + 1] += h;
        s = h1 + 2 * codes[c1 + r]; hist[s] += g; hist[s + 1] += h;
        s = h2 + 2 * codes[c2 + r]; hist[s] += g; hist[s + 1] += h;
        s = h3 + 2 * codes[c3 + r]; hist[s] += g; hist[s + 1] += h;
      }
    }
    for (; fi < fEnd; fi++) {
      const c0 = features[fi] * nRows;
      const h0 = slotBase + 2 * binOffsets[features[fi]];
      for (let k = start; k < end; k++) {
        const s = h0 + 2 * codes[c0 + rows[k]];
        hist[s] += orderedGh[2 * k];
        hist[s + 1] += orderedGh[2 * k + 1];
      }
    }
  }
}

/**
 * Histogram subtraction trick: the larger child's histogram is the parent's
 * minus the smaller child's (G_parent = G_left + G_right per bin), computed in
 * place in the parent's slot. Tasks are [parentSlot, smallerChildSlot].
 */
export function subtractHistograms(
  binOffsets: Int32Array, binCounts: Int32Array, hist: Float64Array, histStride: number,
  tasks: Int32Array, nTasks: number, features: Int32Array, fBegin: number, fEnd: number,
): void {
  for (let t = 0; t < nTasks; t++) {
    const target = tasks[2 * t] * histStride;
    const small = tasks[2 * t + 1] * histStride;
    for (let fi = fBegin; fi < fEnd; fi++) {
      const f = features[fi];
      const from = 2 * binOffsets[f];
      const to = from + 2 * binCounts[f];
      for (let j = from; j < to; j++) hist[target + j] -= hist[small + j];
    }
  }
}

/** Number of float64 values per split result. */
export const SPLIT_RESULT_WIDTH = 6;

/**
 * Best split per task [slot, node] over features[fBegin, fEnd), scanning the
 * bins left to right and trying the missing bin (code 0) on both sides — the
 * sparsity-aware split finding of XGBoost (Alg. 3). The candidate "codes ≤ k
 * go left" is scored with the split gain (Eq. 7):
 *   gain = ½ [G_L²/(H_L+λ) + G_R²/(H_R+λ) − (G_L+G_R)²/(H_L+H_R+λ)] − γ
 * subject to H_L ≥ minChildWeight and H_R ≥ minChildWeight.
 * nodeSums holds (G, H) per node; params = [λ, γ, minChildWeight].
 * Writes [gain, feature, code, defaultLeft, G_L, H_L] to results[resultOffset + node·6];
 * gain = −Infinity when no admissible split exists. Ties keep the first
 * candidate in (feature, code, missing-right-then-left) order.
 */
export function findBestSplits(
  binOffsets: Int32Array, binCounts: Int32Array, hist: Float64Array, histStride: number,
  tasks: Int32Array, nTasks: number, nodeSums: Float64Array, params: Float64Array,
  features: Int32Array, fBegin: number, fEnd: number, results: Float64Array, resultOffset: number,
): void {
  const lambda = params[0], gamma = params[1], minChildWeight = params[2];
  for (let t = 0; t < nTasks; t++) {
    const slotBase = tasks[2 * t] * histStride;
    const node = tasks[2 * t + 1];
    const G = nodeSums[2 * node], H = nodeSums[2 * node + 1];
    const parentScore = (G * G) / (H + lambda);
    let bestGain = -Infinity, bestFeature = -1, bestCode = 0, bestDefaultLeft = 0, bestGL = 0, bestHL = 0;
    for (let fi = fBegin; fi < fEnd; fi++) {
      const f = features[fi];
      const base = slotBase + 2 * binOffsets[f];
      const nCodes = binCounts[f];
      const gMissing = hist[base], hMissing = hist[base + 1];
      const hasMissing = hMissing > 0;
      let gl = 0, hl = 0;
      for (let k = 1; k < nCodes; k++) {
        gl += hist[base + 2 * k];
        hl += hist[base + 2 * k + 1];
        const last = k === nCodes - 1;
        if (!last || hasMissing) {
          // Missing (and bins > k) to the right.
          const gr = G - gl, hr = H - hl;
          if (hl >= minChildWeight && hr >= minChildWeight && hl > 0 && hr > 0) {
            const gain = 0.5 * ((gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentScore) - gamma;
            if (gain > bestGain) {
              bestGain = gain; bestFeature = f; bestCode = k; bestGL = gl; bestHL = hl;
              // No missing value reached this node: NaN at prediction time
              // follows the side that saw more Hessian mass.
              bestDefaultLeft = hasMissing ? 0 : hl >= hr ? 1 : 0;
            }
          }
        }
        if (hasMissing && !last) {
          const gL = gl + gMissing, hL = hl + hMissing;
          const gr = G - gL, hr = H - hL;
          if (hL >= minChildWeight && hr >= minChildWeight && hr > 0) {
            const gain = 0.5 * ((gL * gL) / (hL + lambda) + (gr * gr) / (hr + lambda) - parentScore) - gamma;
            if (gain > bestGain) {
              bestGain = gain; bestFeature = f; bestCode = k; bestDefaultLeft = 1; bestGL = gL; bestHL = hL;
            }
          }
        }
      }
    }
    const o = resultOffset + node * 6;
    results[o] = bestGain; results[o + 1] = bestFeature; results[o + 2] = bestCode;
    results[o + 3] = bestDefaultLeft; results[o + 4] = bestGL; results[o + 5] = bestHL;
  }
}
