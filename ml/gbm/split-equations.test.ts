import { describe, expect, it } from "vitest";
import { leafWeight, splitGain, structureScore } from "./split-equations";

describe("XGBoost equations", () => {
  it("leaf weight −η·G/(H+λ)", () => {
    expect(leafWeight(2, 2, 0, 1)).toBe(-1);
    expect(leafWeight(-3, 5, 1, 0.1)).toBeCloseTo(0.05, 15);
  });

  it("split gain by hand: G_L=2,H_L=2,G_R=−2,H_R=2", () => {
    expect(splitGain(2, 2, -2, 2, 0, 0)).toBe(2); // ½(4/2 + 4/2 − 0)
    expect(splitGain(2, 2, -2, 2, 1, 0)).toBeCloseTo(4 / 3, 15); // ½(4/3 + 4/3)
    expect(splitGain(2, 2, -2, 2, 1, 0.5)).toBeCloseTo(4 / 3 - 0.5, 15);
    expect(splitGain(1, 1, 1, 1, 0, 0)).toBe(0); // same mean gradient on both sides: nothing gained
  });

  it("gain = score(parent as one leaf) − score(two leaves) − γ (Eq. 6 ⇒ Eq. 7)", () => {
    const [GL, HL, GR, HR, lambda, gamma] = [3.2, 4.1, -1.7, 2.2, 0.7, 0.3];
    const oneLeaf = structureScore([GL + GR], [HL + HR], lambda, gamma);
    const twoLeaves = structureScore([GL, GR], [HL, HR], lambda, gamma);
    expect(splitGain(GL, HL, GR, HR, lambda, gamma)).toBeCloseTo(oneLeaf - twoLeaves, 12);
  });
});
