import { describe, expect, it } from "vitest";
import { classifySalesLine, isDemand } from "./classify-sales-line";

describe("classifySalesLine", () => {
  it.each([
    [4, 28467, "purchase"],
    [-1, -14193, "return"],
    [-11, 0, "return"], // returning a free replacement
    [2, -500, "return"], // money back to the client
    [-2, 500, "return"],
    [12, 0, "zero_value_replacement"],
    [0, 60571, "price_correction"],
    [0, -2000, "price_correction"], // no product moved: a credit on price, not a return
    [0, 0, "empty"],
  ] as const)("units %d, value %d → %s", (units, valueCents, kind) => {
    expect(classifySalesLine({ units, valueCents })).toBe(kind);
  });
  it("counts only purchases as demand", () => {
    expect(isDemand("purchase")).toBe(true);
    expect(["return", "zero_value_replacement", "price_correction", "empty"].some((k) => isDemand(k as never))).toBe(false);
  });
});
