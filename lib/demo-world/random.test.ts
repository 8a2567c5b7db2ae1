import { describe, expect, it } from "vitest";
import { deriveSeed, Random } from "./random";

function sample(n: number, draw: () => number): number[] {
  return Array.from({ length: n }, draw);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe("Random", () => {
  it("repeats itself for a seed and differs across seeds", () => {
    const a = sample(5, () => new Random(42).next());
    expect(new Set(a).size).toBe(1);
    const r1 = new Random(1);
    const r2 = new Random(2);
    expect(sample(5, () => r1.next())).not.toEqual(sample(5, () => r2.next()));
  });

  it("derives distinct, stable seeds per stream", () => {
    expect(deriveSeed(7, 1, 2)).toBe(deriveSeed(7, 1, 2));
    const seeds = new Set([deriveSeed(7, 1, 2), deriveSeed(7, 2, 1), deriveSeed(7, 1, 2, 0), deriveSeed(8, 1, 2)]);
    expect(seeds.size).toBe(4);
  });

  it("draws gamma gaps with mean kθ, regular for a high shape and bursty for a low one", () => {
    const random = new Random(3);
    const regular = sample(20_000, () => random.gamma(8, 10));
    const bursty = sample(20_000, () => random.gamma(0.7, 100));
    expect(mean(regular)).toBeCloseTo(80, -0.5);
    expect(mean(bursty)).toBeCloseTo(70, -0.5);
    const cv = (xs: number[]) => {
      const m = mean(xs);
      return Math.sqrt(mean(xs.map((x) => (x - m) ** 2))) / m;
    };
    expect(cv(regular)).toBeCloseTo(1 / Math.sqrt(8), 1); // CV of a gamma is 1/√k
    expect(cv(bursty)).toBeCloseTo(1 / Math.sqrt(0.7), 1);
  });

  it("draws log-normals around their median and weighted indices by weight", () => {
    const random = new Random(4);
    expect(median(sample(20_001, () => random.logNormal(50, 0.6)))).toBeCloseTo(50, -0.5);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[random.weightedIndex([1, 2, 7])]++;
    expect(counts[2] / 30_000).toBeCloseTo(0.7, 1);
    expect(counts[0] / 30_000).toBeCloseTo(0.1, 1);
  });
});
