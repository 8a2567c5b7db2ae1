import { describe, expect, it } from "vitest";
import { Prng, sampleSortedIndices } from "./prng";

describe("Prng", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const a = new Prng(42), b = new Prng(42), c = new Prng(43);
    const sa = [a.nextUint32(), a.nextUint32(), a.nextUint32()];
    const sb = [b.nextUint32(), b.nextUint32(), b.nextUint32()];
    const sc = [c.nextUint32(), c.nextUint32(), c.nextUint32()];
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it("gives uniform floats in [0,1) with the right mean and variance", () => {
    const r = new Prng(7);
    let s = 0, s2 = 0, min = 1, max = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = r.nextFloat();
      s += u; s2 += u * u;
      if (u < min) min = u;
      if (u > max) max = u;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(1 / 12, 2);
  });

  it("gives standard normals", () => {
    const r = new Prng(9);
    let s = 0, s2 = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) { const z = r.nextNormal(); s += z; s2 += z * z; }
    expect(s / n).toBeCloseTo(0, 1);
    expect(s2 / n).toBeCloseTo(1, 1);
  });
});

describe("sampleSortedIndices", () => {
  it("returns k distinct sorted indices in range", () => {
    const idx = sampleSortedIndices(1000, 300, new Prng(1));
    expect(idx.length).toBe(300);
    for (let i = 1; i < idx.length; i++) expect(idx[i]).toBeGreaterThan(idx[i - 1]);
    expect(idx[0]).toBeGreaterThanOrEqual(0);
    expect(idx[299]).toBeLessThan(1000);
  });

  it("returns everything when k = n and rejects k > n", () => {
    expect(Array.from(sampleSortedIndices(5, 5, new Prng(1)))).toEqual([0, 1, 2, 3, 4]);
    expect(() => sampleSortedIndices(3, 4, new Prng(1))).toThrow(RangeError);
  });
});
