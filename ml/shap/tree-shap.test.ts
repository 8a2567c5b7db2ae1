import { describe, expect, it } from "vitest";
import { createFeatureMatrix, featureMatrixFromRows } from "../core/feature-matrix";
import { Prng } from "../core/prng";
import type { GbmModel, TreeArrays } from "../model/gbm-model";
import { findLeaf, packEnsemble, type PackedEnsemble } from "../model/pack-ensemble";
import { predictMargin } from "../model/predict";
import { trainGbm } from "../gbm/train-gbm";
import { makeSyntheticClassification } from "../testing/synthetic-data";
import { topContributions, topContributionsAllRows } from "./top-contributions";
import { treeShap } from "./tree-shap";
import { buildShapTables, shapTableSize } from "./tree-shap-tables";

function modelOf(trees: TreeArrays[], nFeatures: number, baseScore = 0): GbmModel {
  return {
    format: "sds-gbm@1", objective: "reg:squarederror", baseScore,
    featureNames: Array.from({ length: nFeatures }, (_, i) => `f${i}`), trees,
  };
}

// x0 <= 0 ? 2 : (x1 <= 0 ? 4 : 10), covers 10 → (4, 6 → (3, 3)).
const handTree: TreeArrays = {
  feature: [0, -1, 1, -1, -1], threshold: [0, 0, 0, 0, 0], left: [1, -1, 3, -1, -1], right: [2, -1, 4, -1, -1],
  defaultLeft: [0, 0, 0, 0, 0], value: [0, 2, 0, 4, 10], cover: [10, 4, 6, 3, 3], gain: [0, 0, 0, 0, 0],
};

/** Path-dependent E[f(x) | x_S]: follow x on features in S, average children by cover elsewhere. */
function conditionalExpectation(e: PackedEnsemble, node: number, x: Float32Array, inS: boolean[]): number {
  const f = e.feature[node];
  if (f < 0) return e.value[node];
  if (inS[f]) {
    const xv = x[f];
    const left = xv <= e.threshold[node] || (xv !== xv && e.defaultLeft[node] === 1);
    return conditionalExpectation(e, left ? e.left[node] : e.right[node], x, inS);
  }
  const l = e.left[node], r = e.right[node];
  return (e.cover[l] * conditionalExpectation(e, l, x, inS) + e.cover[r] * conditionalExpectation(e, r, x, inS)) / e.cover[node];
}

/** Shapley values by enumerating all 2^M subsets. */
function bruteForceShap(model: GbmModel, x: Float32Array): number[] {
  const e = packEnsemble(model);
  const M = model.featureNames.length;
  const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
  const v = (mask: number) => {
    const inS = Array.from({ length: M }, (_, j) => ((mask >> j) & 1) === 1);
    let s = e.baseScore;
    for (let t = 0; t < e.nTrees; t++) s += conditionalExpectation(e, e.roots[t], x, inS);
    return s;
  };
  const phi = new Array<number>(M).fill(0);
  for (let i = 0; i < M; i++) {
    for (let mask = 0; mask < 1 << M; mask++) {
      if ((mask >> i) & 1) continue;
      let size = 0;
      for (let j = 0; j < M; j++) size += (mask >> j) & 1;
      phi[i] += (fact(size) * fact(M - size - 1) / fact(M)) * (v(mask | (1 << i)) - v(mask));
    }
  }
  return phi;
}

describe("TreeSHAP on a hand-built tree", () => {
  const model = modelOf([handTree], 2);

  it.each(["recursive", "tables"] as const)("matches values worked out by hand (%s)", (algorithm) => {
    // E[f] = 0.4·2 + 0.6·(0.5·4 + 0.5·10) = 5.
    // x = (1, 1): f(∅)=5, f({0})=7, f({1})=0.4·2+0.6·10=6.8, f({0,1})=10
    //   φ0 = ½[(7−5) + (10−6.8)] = 2.6, φ1 = ½[(6.8−5) + (10−7)] = 2.4
    // x = (−1, 5): f({0})=2, f({1})=6.8, f({0,1})=2 → φ0 = ½[−3 − 4.8] = −3.9, φ1 = ½[1.8 + 0] = 0.9
    const shap = treeShap(model, featureMatrixFromRows([[1, 1], [-1, 5]], ["f0", "f1"]), { algorithm });
    expect(shap.expectedValue).toBeCloseTo(5, 12);
    expect(shap.values[0]).toBeCloseTo(2.6, 12);
    expect(shap.values[1]).toBeCloseTo(2.4, 12);
    expect(shap.values[2]).toBeCloseTo(-3.9, 12);
    expect(shap.values[3]).toBeCloseTo(0.9, 12);
  });

  it("gives an unused feature exactly zero and follows the default side for NaN", () => {
    const shap = treeShap(modelOf([handTree], 3), featureMatrixFromRows([[null, 1, 7]], ["a", "b", "c"]));
    // NaN at x0 goes right (defaultLeft 0) like x0 = 1.
    expect(shap.values[0]).toBeCloseTo(2.6, 12);
    expect(shap.values[2]).toBe(0);
  });
});

describe("TreeSHAP equals brute-force Shapley values", () => {
  // Random trees with repeated features on a path (exercises UNWIND), NaN
  // routing both ways, and covers that add up.
  function randomTree(rng: Prng, nFeatures: number, depth: number): TreeArrays {
    const t: TreeArrays = { feature: [], threshold: [], left: [], right: [], defaultLeft: [], value: [], cover: [], gain: [] };
    const build = (d: number, cover: number): number => {
      const id = t.feature.length;
      t.feature.push(-1); t.threshold.push(0); t.left.push(-1); t.right.push(-1);
      t.defaultLeft.push(rng.nextInt(2)); t.value.push(0); t.cover.push(cover); t.gain.push(0);
      if (d === depth || (d > 1 && rng.nextFloat() < 0.2)) { t.value[id] = Math.fround(rng.nextNormal()); return id; }
      t.feature[id] = rng.nextInt(nFeatures);
      t.threshold[id] = Math.fround(rng.nextNormal() * 0.5);
      const share = 0.2 + 0.6 * rng.nextFloat();
      t.left[id] = build(d + 1, cover * share);
      t.right[id] = build(d + 1, cover * (1 - share));
      return id;
    };
    build(0, 100);
    return t;
  }

  it("on small random ensembles (4–5 features, depth ≤ 4)", () => {
    const rng = new Prng(21);
    for (let trial = 0; trial < 12; trial++) {
      const M = 4 + (trial % 2);
      const model = modelOf(Array.from({ length: 3 }, () => randomTree(rng, M, 2 + (trial % 3))), M, 0.25);
      const rows = 6;
      const data = new Float32Array(rows * M).map(() => (rng.nextFloat() < 0.2 ? NaN : rng.nextNormal() * 0.7));
      const m = createFeatureMatrix(data, rows, model.featureNames);
      const shap = treeShap(model, m, { algorithm: "recursive" });
      const fast = treeShap(model, m, { algorithm: "tables" });
      const margins = predictMargin(model, m);
      for (let r = 0; r < rows; r++) {
        const expected = bruteForceShap(model, data.subarray(r * M, (r + 1) * M));
        let sum = shap.expectedValue;
        for (let j = 0; j < M; j++) {
          expect(shap.values[r * M + j]).toBeCloseTo(expected[j], 10);
          expect(fast.values[r * M + j]).toBeCloseTo(expected[j], 10);
          sum += shap.values[r * M + j];
        }
        expect(sum).toBeCloseTo(margins[r], 10);
      }
    }
  });
});

describe("TreeSHAP on trained models", () => {
  it("local accuracy: Σφ + E[f] = raw margin within 1e-6", () => {
    const { matrix, label } = makeSyntheticClassification({ nRows: 4000, nFeatures: 12, seed: 6 });
    const { model } = trainGbm({ matrix, label }, { nRounds: 50, maxDepth: 6, learningRate: 0.3, subsample: 0.8 });
    const shap = treeShap(model, matrix, { rowStart: 0, rowEnd: 500, algorithm: "tables" });
    const recursive = treeShap(model, matrix, { rowStart: 0, rowEnd: 500, algorithm: "recursive" });
    const margins = predictMargin(model, matrix);
    for (let r = 0; r < 500; r++) {
      let s = shap.expectedValue;
      for (let j = 0; j < 12; j++) {
        s += shap.values[r * 12 + j];
        expect(Math.abs(shap.values[r * 12 + j] - recursive.values[r * 12 + j])).toBeLessThan(1e-9);
      }
      expect(Math.abs(s - margins[r])).toBeLessThan(1e-6);
    }
    // The features that drive the ground truth get more attribution than noise.
    const meanAbs = (j: number) => { let s = 0; for (let r = 0; r < 500; r++) s += Math.abs(shap.values[r * 12 + j]); return s / 500; };
    expect(meanAbs(0)).toBeGreaterThan(5 * meanAbs(11));
  });
});

describe("pattern tables", () => {
  it("store 2^k·k values per leaf (hand count) and can be reused across calls", () => {
    // handTree: leaf 1 has path {x0} (k=1: 2 values), leaves 3 and 4 have {x0, x1} (k=2: 8 values each).
    const e = packEnsemble(modelOf([handTree], 2));
    expect(shapTableSize(e)).toBe(2 + 8 + 8);
    const tables = buildShapTables(e);
    const m = featureMatrixFromRows([[1, 1]], ["f0", "f1"]);
    expect(Array.from(treeShap(e, m, { tables }).values).map((v) => +v.toFixed(12))).toEqual([2.6, 2.4]);
  });

  it("fall back to the recursive algorithm when over the memory budget", () => {
    const e = packEnsemble(modelOf([handTree], 2));
    const m = featureMatrixFromRows([[-1, 5]], ["f0", "f1"]);
    const small = treeShap(e, m, { maxTableEntries: 4 });
    expect(Array.from(small.values).map((v) => +v.toFixed(12))).toEqual([-3.9, 0.9]);
  });
});

describe("topContributions", () => {
  it("returns the k largest |φ| with names, largest first, skipping zeros", () => {
    const shap = { values: Float64Array.of(0.1, -0.5, 0, 0.3, 0.5), nFeatures: 5, expectedValue: 0 };
    expect(topContributions(shap, 0, 3, ["a", "b", "c", "d", "e"])).toEqual([
      { feature: 1, name: "b", value: -0.5 }, { feature: 4, name: "e", value: 0.5 }, { feature: 3, name: "d", value: 0.3 },
    ]);
    expect(topContributions(shap, 0, 10, ["a", "b", "c", "d", "e"]).length).toBe(4);
  });

  it("works row by row over a whole result", () => {
    const shap = { values: Float64Array.of(1, -2, 0, 0.5), nFeatures: 2, expectedValue: 0 };
    expect(topContributionsAllRows(shap, 1, ["a", "b"])).toEqual([[{ feature: 1, name: "b", value: -2 }], [{ feature: 1, name: "b", value: 0.5 }]]);
  });
});

describe("findLeaf", () => {
  it("routes x == threshold left and NaN by default direction", () => {
    const e = packEnsemble(modelOf([handTree], 2));
    expect(e.value[findLeaf(e, 0, Float32Array.of(0, 0), 0)]).toBe(2);
    expect(e.value[findLeaf(e, 0, Float32Array.of(NaN, 0), 0)]).toBe(4);
  });
});
