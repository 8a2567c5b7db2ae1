import { describe, expect, it } from "vitest";
import { erfc, normalCdf, normalHazard, normalPdf, normalSurvival } from "./normal-distribution";

// Reference values from the tables (Abramowitz & Stegun 7.1, 26.2) / mpmath to 15 digits.
describe("normal distribution", () => {
  it("erfc matches tabulated values across all three approximation ranges", () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(0.25)).toBeCloseTo(0.723673609831763, 14);
    expect(erfc(1)).toBeCloseTo(0.157299207050285, 14);
    expect(erfc(-1)).toBeCloseTo(1.842700792949715, 14);
    expect(erfc(3) / 2.209049699858544e-5).toBeCloseTo(1, 12);
    expect(erfc(6) / 2.151973671249892e-17).toBeCloseTo(1, 12);
  });

  it("pdf and cdf", () => {
    expect(normalPdf(0)).toBeCloseTo(0.398942280401433, 14);
    expect(normalPdf(1)).toBeCloseTo(0.241970724519143, 14);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.158655253931457, 14);
    expect(normalSurvival(8) / 6.220960574271785e-16).toBeCloseTo(1, 10);
  });

  it("hazard = pdf/survival, stable in the far tail (≈ z + 1/z)", () => {
    expect(normalHazard(0)).toBeCloseTo(0.797884560802865, 14);
    expect(normalHazard(1)).toBeCloseTo(0.241970724519143 / 0.158655253931457, 12);
    expect(normalHazard(-3)).toBeCloseTo(normalPdf(-3) / normalSurvival(-3), 14);
    const z = 40; // survival underflows to 0 here; the hazard must not
    expect(normalHazard(z)).toBeCloseTo(z + 1 / z - 2 / z ** 3, 6);
  });
});
