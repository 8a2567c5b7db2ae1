import { describe, expect, it } from "vitest";
import { parseMoneyCents, parseNonNegativeMoneyCents, parseUnits } from "./parse-number";

const money = (v: string, f: "original" | "canonical" = "original") => parseMoneyCents(v, "Valores_H", f);
const units = (v: string, f: "original" | "canonical" = "original") => parseUnits(v, "Unidades", f);

describe("parseMoneyCents, original (European) format", () => {
  it.each([
    ["1.427,63", 142763],
    ["-141,93", -14193],
    ["0,00", 0],
    ["-0,00", 0],
    ["5.504,67", 550467],
    ["1.234.567,8", 123456780],
    ["284,67", 28467],
    ["12", 1200],
    ["1.234", 123400], // thousands group, no decimals
  ])("%s → %d hundredths", (input, expected) => {
    expect(money(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["1,234.56", "invalid_number"], // US format in a European file
    ["1.23", "invalid_number"], // a dot decimal: ambiguous in this format
    ["12,345", "invalid_number"], // three decimals: likely a US thousands separator
    ["12 €", "invalid_number"],
    ["#¡VALOR!", "invalid_number"],
    ["=1+2", "formula_like"],
    ["+5", "formula_like"],
    ["@SUM(A1)", "formula_like"],
    ["-cmd", "formula_like"],
    ["", "required"],
    ["1.000.000.000.000,00", "number_out_of_range"],
  ])("%s is rejected as %s", (input, code) => {
    const result = money(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message).toContain("Valores_H");
    }
  });
});

describe("parseMoneyCents, canonical (dot) format", () => {
  it("reads dot decimals and rounds the float noise of the tool that wrote them", () => {
    expect(money("1427.63", "canonical")).toEqual({ ok: true, value: 142763 });
    expect(money("5338.0", "canonical")).toEqual({ ok: true, value: 533800 });
    expect(money("9247.300000000001", "canonical")).toEqual({ ok: true, value: 924730 });
    expect(money("1086.4399999999998", "canonical")).toEqual({ ok: true, value: 108644 });
  });
  it("rejects European writing and genuine extra decimals", () => {
    expect(money("1.427,63", "canonical").ok).toBe(false);
    expect(money("2474.5398", "canonical").ok).toBe(false);
  });
});

describe("parseUnits", () => {
  it("reads whole numbers, negative ones and zero decimals", () => {
    expect(units("84")).toEqual({ ok: true, value: 84 });
    expect(units("-11")).toEqual({ ok: true, value: -11 });
    expect(units("12,00")).toEqual({ ok: true, value: 12 });
    expect(units("1.200")).toEqual({ ok: true, value: 1200 });
    expect(units("3.0", "canonical")).toEqual({ ok: true, value: 3 });
  });
  it("rejects fractions and absurd magnitudes", () => {
    expect(units("2,5")).toMatchObject({ ok: false, code: "not_integer" });
    expect(units("2.5", "canonical")).toMatchObject({ ok: false, code: "not_integer" });
    expect(units("5000000")).toMatchObject({ ok: false, code: "number_out_of_range" });
  });
});

describe("parseNonNegativeMoneyCents", () => {
  it("rejects a negative potential", () => {
    expect(parseNonNegativeMoneyCents("-5,00", "Potencial_H", "original")).toMatchObject({ ok: false, code: "negative_value" });
    expect(parseNonNegativeMoneyCents("2.223,12", "Potencial_H", "original")).toEqual({ ok: true, value: 222312 });
  });
});
