import { describe, expect, it } from "vitest";
import { Prng } from "../core/prng";
import { createFeatureMatrix, featureMatrixFromRows } from "../core/feature-matrix";
import {
  FLOAT32_MAX, binCode, computeBinCuts, cutsFromSortedValues, featureCuts, float32CutBetween, thresholdForCode,
} from "./compute-bin-cuts";
import { binMatrix } from "./bin-matrix";

describe("cut placement", () => {
  it("gives each distinct value its own bin when they fit, cutting at midpoints", () => {
    expect(Array.from(cutsFromSortedValues(Float32Array.from([1, 1, 2, 3]), 10))).toEqual([1.5, 2.5]);
  });

  it("lets a heavy value take one bin and spreads the rest (hand-worked)", () => {
    // n = 10, 3 bins: {0×6} closes first (6·3 ≥ 10), then {1,2} (2·2 ≥ 4), the rest {3,4}.
    const sorted = Float32Array.from([0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);
    expect(Array.from(cutsFromSortedValues(sorted, 3))).toEqual([0.5, 2.5]);
  });

  it("never uses more than maxValueBins bins and spreads counts evenly", () => {
    const v = new Float32Array(10_000).map((_, i) => i);
    const cuts = cutsFromSortedValues(v, 100);
    expect(cuts.length).toBe(99);
    expect(cuts[0]).toBe(99.5);
    expect(cuts[49]).toBe(4999.5);
  });

  it("falls back to the lower value when no float32 lies strictly between two neighbours", () => {
    const a = 1;
    const b = 1 + 2 ** -23; // next float32 after 1
    expect(float32CutBetween(a, b)).toBe(a);
    expect(float32CutBetween(1, 2)).toBe(1.5);
    expect(float32CutBetween(0.1, 0.2)).toBe(Math.fround(Math.fround(0.1) + (0.2 - 0.1) / 2));
  });

  it("produces float32-representable cuts", () => {
    const rng = new Prng(3);
    const data = new Float32Array(5000).map(() => rng.nextNormal() * 1e3);
    const cuts = computeBinCuts(createFeatureMatrix(data, 5000, ["x"]), { maxBins: 64 });
    for (const c of featureCuts(cuts, 0)) expect(Math.fround(c)).toBe(c);
    expect(featureCuts(cuts, 0).length).toBe(62);
  });
});

describe("bin codes and thresholds", () => {
  const cuts = computeBinCuts(featureMatrixFromRows([[1], [2], [3], [null]], ["x"]));
  const c = featureCuts(cuts, 0); // [1.5, 2.5]

  it("puts NaN in bin 0 and values in 1 + #cuts below", () => {
    expect(Array.from(c)).toEqual([1.5, 2.5]);
    const code = (x: number) => binCode(cuts.cutValues, 0, 2, x);
    expect([code(NaN), code(-100), code(1), code(2), code(3), code(1e30)]).toEqual([0, 1, 1, 2, 3, 3]);
  });

  it("sends a value exactly equal to a cut to the lower bin, i.e. x <= threshold goes left", () => {
    expect(binCode(cuts.cutValues, 0, 2, 1.5)).toBe(1);
    expect(thresholdForCode(cuts, 0, 1)).toBe(1.5);
    expect(1.5 <= thresholdForCode(cuts, 0, 1)).toBe(true);
    expect(binCode(cuts.cutValues, 0, 2, Math.fround(1.5 + 2 ** -22))).toBe(2);
  });

  it("uses FLOAT32_MAX for the split 'all values left, missing right'", () => {
    expect(thresholdForCode(cuts, 0, 3)).toBe(FLOAT32_MAX);
    expect(() => thresholdForCode(cuts, 0, 4)).toThrow(RangeError);
  });

  it("code <= k ⇔ x <= threshold(k) for every float32 value and every split", () => {
    const rng = new Prng(11);
    const n = 3000;
    const data = new Float32Array(n).map(() => Math.round(rng.nextNormal() * 20) / 4);
    const m = createFeatureMatrix(data, n, ["x"]);
    const cc = computeBinCuts(m, { maxBins: 16, sampleSize: 500 });
    const b = binMatrix(m, cc);
    const probes = Array.from(data).concat(Array.from(featureCuts(cc, 0)));
    const nCuts = featureCuts(cc, 0).length;
    for (let k = 1; k <= nCuts + 1; k++) {
      const t = thresholdForCode(cc, 0, k);
      for (const x of probes) expect(binCode(cc.cutValues, 0, nCuts, x) <= k).toBe(x <= t);
    }
    for (let r = 0; r < n; r++) expect(b.codes[r]).toBe(binCode(cc.cutValues, 0, nCuts, data[r]));
  });
});

describe("binMatrix", () => {
  it("stores codes feature-major with the histogram layout", () => {
    const m = featureMatrixFromRows([[1, 10], [2, null], [3, 30]], ["a", "b"]);
    const cuts = computeBinCuts(m);
    const b = binMatrix(m, cuts);
    expect(Array.from(b.codes)).toEqual([1, 2, 3, 1, 0, 2]);
    expect(Array.from(b.binCounts)).toEqual([4, 3]);
    expect(Array.from(b.binOffsets)).toEqual([0, 4, 7]);
  });

  it("can allocate the codes in shared memory for worker threads", () => {
    const m = featureMatrixFromRows([[1], [2]], ["a"]);
    const b = binMatrix(m, computeBinCuts(m), { shared: true });
    expect(b.codes.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});
