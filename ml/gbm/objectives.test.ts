import { describe, expect, it } from "vitest";
import { binaryLogistic, createObjective, squaredError, survivalAft } from "./objectives";

function gradAt(obj: ReturnType<typeof createObjective>, m: number, label: number, censored = 0) {
  const y = obj.prepareLabels([label], Uint8Array.of(censored));
  const gh = new Float32Array(2);
  obj.gradients(Float64Array.of(m), y, null, Uint8Array.of(censored), gh);
  return { g: gh[0], h: gh[1], y };
}

describe("binary:logistic", () => {
  it("g = p − y, h = p(1 − p) (hand values)", () => {
    expect(gradAt(binaryLogistic, 0, 1)).toMatchObject({ g: -0.5, h: 0.25 });
    const { g, h } = gradAt(binaryLogistic, Math.log(3), 0); // p = 0.75
    expect(g).toBeCloseTo(0.75, 6);
    expect(h).toBeCloseTo(0.1875, 6);
  });

  it("log loss is stable for large margins and matches −log p", () => {
    const y = Float64Array.of(1, 0, 1);
    expect(binaryLogistic.loss(Float64Array.of(0, 0, 0), y, null, null)).toBeCloseTo(Math.log(2), 12);
    expect(binaryLogistic.loss(Float64Array.of(800), Float64Array.of(0), null, null)).toBeCloseTo(800, 9);
    expect(binaryLogistic.loss(Float64Array.of(-800), Float64Array.of(0), null, null)).toBe(0);
  });

  it("base score is the log-odds of the weighted mean label", () => {
    const y = Float64Array.of(1, 0, 0, 0);
    expect(binaryLogistic.baseScore(y, null, null)).toBeCloseTo(Math.log(1 / 3), 12);
    expect(binaryLogistic.baseScore(y, Float64Array.of(3, 1, 1, 1), null)).toBeCloseTo(0, 12);
  });

  it("rejects non-binary labels", () => {
    expect(() => binaryLogistic.prepareLabels([0, 2], null)).toThrow(RangeError);
  });
});

describe("reg:squarederror", () => {
  it("g = m − y, h = 1, weighted", () => {
    const gh = new Float32Array(4);
    squaredError.gradients(Float64Array.of(2, 0), Float64Array.of(5, 1), Float64Array.of(1, 2), null, gh);
    expect(Array.from(gh)).toEqual([-3, 1, -2, 2]);
    expect(squaredError.baseScore(Float64Array.of(1, 4), Float64Array.of(2, 1), null)).toBe(2);
  });
});

describe("survival:aft (normal, log1p days)", () => {
  const aft = survivalAft(1);
  const e1 = Math.E - 1; // log1p(e − 1) = 1

  it("observed rows: g = −z/σ, h = 1/σ² (z = 1 at m = 0)", () => {
    const { g, h } = gradAt(aft, 0, e1, 0);
    expect(g).toBeCloseTo(-1, 6);
    expect(h).toBeCloseTo(1, 6);
    const s2 = gradAt(survivalAft(2), 0, e1, 0);
    expect(s2.g).toBeCloseTo(-0.25, 6);
    expect(s2.h).toBeCloseTo(0.25, 6);
  });

  it("censored rows: g = −λ(z), h = λ(λ − z) (λ(1) = 1.525135)", () => {
    const { g, h } = gradAt(aft, 0, e1, 1);
    expect(g).toBeCloseTo(-1.5251352, 5);
    expect(h).toBeCloseTo(1.5251352 * 0.5251352, 5);
  });

  it("gradients are the derivatives of the loss (finite differences, both row kinds)", () => {
    for (const censored of [0, 1]) {
      for (const m of [-2, 0.3, 1, 4]) {
        const c = Uint8Array.of(censored);
        const y = aft.prepareLabels([20], c);
        const f = (mm: number) => aft.loss(Float64Array.of(mm), y, null, c);
        const eps = 1e-4;
        const { g, h } = gradAt(aft, m, 20, censored);
        expect(g).toBeCloseTo((f(m + eps) - f(m - eps)) / (2 * eps), 4);
        expect(h).toBeCloseTo((f(m + eps) - 2 * f(m) + f(m - eps)) / (eps * eps), 3);
      }
    }
  });

  it("base score = mean log1p(days) of observed rows; transform gives days back", () => {
    const c = Uint8Array.of(0, 0, 1);
    const y = aft.prepareLabels([e1, Math.exp(3) - 1, 1000], c);
    expect(aft.baseScore(y, null, c)).toBeCloseTo(2, 12);
    expect(aft.transform(2)).toBeCloseTo(Math.exp(2) - 1, 12);
  });
});
