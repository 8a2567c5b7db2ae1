import { describe, expect, it } from "vitest";
import { Prng } from "../core/prng";
import { buildHistograms, findBestSplits, subtractHistograms, SPLIT_RESULT_WIDTH } from "./histogram-kernels";
import { splitGain } from "./split-equations";

/** Random binned data: nF features with the given bins (incl. missing bin 0), ~10 % missing. */
function fixture(nRows: number, binCounts: number[], seed: number) {
  const rng = new Prng(seed);
  const nF = binCounts.length;
  const codes = new Uint8Array(nRows * nF);
  for (let f = 0; f < nF; f++) {
    for (let r = 0; r < nRows; r++) codes[f * nRows + r] = rng.nextFloat() < 0.1 ? 0 : 1 + rng.nextInt(binCounts[f] - 1);
  }
  const gh = new Float32Array(2 * nRows);
  for (let r = 0; r < nRows; r++) { gh[2 * r] = rng.nextNormal(); gh[2 * r + 1] = 0.1 + rng.nextFloat(); }
  const bc = Int32Array.from(binCounts);
  const bo = new Int32Array(nF + 1);
  for (let f = 0; f < nF; f++) bo[f + 1] = bo[f] + bc[f];
  return { codes, gh, binCounts: bc, binOffsets: bo, nF, stride: 2 * bo[nF] };
}

describe("histogram kernels", () => {
  const nRows = 500;
  // 13 features exercise the 8-, 4- and 1-feature paths of the build loop.
  const fx = fixture(nRows, [5, 3, 2, 7, 4, 4, 9, 2, 3, 6, 5, 2, 8], 1);
  const features = Int32Array.from({ length: fx.nF }, (_, i) => i);
  const rows = new Int32Array(nRows);
  const ogh = new Float32Array(2 * nRows);
  // Node = the rows with an even index, in ascending order.
  let m = 0;
  for (let r = 0; r < nRows; r += 2) { rows[m] = r; ogh[2 * m] = fx.gh[2 * r]; ogh[2 * m + 1] = fx.gh[2 * r + 1]; m++; }

  it("sums g and h per (feature, bin) exactly like a naive loop", () => {
    const hist = new Float64Array(fx.stride);
    buildHistograms(fx.codes, nRows, fx.binOffsets, fx.binCounts, rows, ogh, hist, fx.stride,
      Int32Array.of(0, 0), 1, Int32Array.of(0), Int32Array.of(m), features, 0, fx.nF);
    const naive = new Float64Array(fx.stride);
    for (let f = 0; f < fx.nF; f++) {
      for (let r = 0; r < nRows; r += 2) {
        const s = 2 * (fx.binOffsets[f] + fx.codes[f * nRows + r]);
        naive[s] += fx.gh[2 * r]; naive[s + 1] += fx.gh[2 * r + 1];
      }
    }
    for (let j = 0; j < fx.stride; j++) expect(hist[j]).toBeCloseTo(naive[j], 10);
  });

  it("builds only the requested feature block and leaves other features untouched", () => {
    const hist = new Float64Array(fx.stride).fill(7);
    buildHistograms(fx.codes, nRows, fx.binOffsets, fx.binCounts, rows, ogh, hist, fx.stride,
      Int32Array.of(0, 0), 1, Int32Array.of(0), Int32Array.of(m), features, 2, 4);
    expect(hist[0]).toBe(7);
    expect(hist[2 * fx.binOffsets[4]]).toBe(7);
    expect(hist[2 * fx.binOffsets[2]]).not.toBe(7);
  });

  it("subtraction: parent − child = sibling (histogram subtraction trick)", () => {
    const all = Int32Array.from({ length: nRows }, (_, i) => i);
    const hist = new Float64Array(3 * fx.stride);
    const range = (n: number) => [Int32Array.of(0), Int32Array.of(n)] as const;
    buildHistograms(fx.codes, nRows, fx.binOffsets, fx.binCounts, all, fx.gh, hist, fx.stride,
      Int32Array.of(0, 0), 1, ...range(nRows), features, 0, fx.nF);
    buildHistograms(fx.codes, nRows, fx.binOffsets, fx.binCounts, rows, ogh, hist, fx.stride,
      Int32Array.of(1, 0), 1, ...range(m), features, 0, fx.nF);
    const odd = Int32Array.from({ length: nRows / 2 }, (_, i) => 2 * i + 1);
    const oddGh = new Float32Array(nRows);
    odd.forEach((r, k) => { oddGh[2 * k] = fx.gh[2 * r]; oddGh[2 * k + 1] = fx.gh[2 * r + 1]; });
    buildHistograms(fx.codes, nRows, fx.binOffsets, fx.binCounts, odd, oddGh, hist, fx.stride,
      Int32Array.of(2, 0), 1, ...range(odd.length), features, 0, fx.nF);
    subtractHistograms(fx.binOffsets, fx.binCounts, hist, fx.stride, Int32Array.of(0, 1), 1, features, 0, fx.nF);
    for (let j = 0; j < fx.stride; j++) expect(hist[j]).toBeCloseTo(hist[2 * fx.stride + j], 9);
  });

  it("finds the split a brute-force enumeration with splitGain finds, missing on either side", () => {
    for (const [lambda, gamma, mcw] of [[1, 0, 1], [0.5, 0.2, 5], [3, 0, 0]]) {
      const hist = new Float64Array(fx.stride);
      buildHistograms(fx.codes, nRows, fx.binOffsets, fx.binCounts, rows, ogh, hist, fx.stride,
        Int32Array.of(0, 0), 1, Int32Array.of(0), Int32Array.of(m), features, 0, fx.nF);
      let G = 0, H = 0;
      for (let k = 0; k < m; k++) { G += ogh[2 * k]; H += ogh[2 * k + 1]; }
      const results = new Float64Array(SPLIT_RESULT_WIDTH);
      findBestSplits(fx.binOffsets, fx.binCounts, hist, fx.stride, Int32Array.of(0, 0), 1, Float64Array.of(G, H),
        Float64Array.of(lambda, gamma, mcw), features, 0, fx.nF, results, 0);
      // Brute force straight from the rows.
      let best = -Infinity, bestF = -1, bestCode = 0, bestDL = 0;
      for (let f = 0; f < fx.nF; f++) {
        for (let k = 1; k < fx.binCounts[f]; k++) {
          for (const dl of [0, 1]) {
            let GL = 0, HL = 0;
            for (let j = 0; j < m; j++) {
              const c = fx.codes[f * nRows + rows[j]];
              if (c === 0 ? dl === 1 : c <= k) { GL += ogh[2 * j]; HL += ogh[2 * j + 1]; }
            }
            const HR = H - HL;
            if (HL < mcw || HR < mcw || HL <= 0 || HR <= 0) continue;
            const gain = splitGain(GL, HL, G - GL, HR, lambda, gamma);
            if (gain > best + 1e-9) { best = gain; bestF = f; bestCode = k; bestDL = dl; }
          }
        }
      }
      expect(results[0]).toBeCloseTo(best, 8);
      expect([results[1], results[2]]).toEqual([bestF, bestCode]);
      expect(results[3]).toBe(bestDL);
    }
  });
});
