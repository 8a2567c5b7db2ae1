import { describe, expect, it } from "vitest";
import { escapeCsvCell, hasControlCharacters, looksLikeFormula } from "./cell-safety";

describe("cell safety", () => {
  it("recognises formula starts", () => {
    for (const v of ["=cmd|' /C calc'!A0", "+1", "-1+2", "@SUM(1)", "\tx"]) expect(looksLikeFormula(v)).toBe(true);
    for (const v of ["Madrid", "2024_1", "1,5"]) expect(looksLikeFormula(v)).toBe(false);
  });
  it("escapes formulas with an apostrophe and quotes what needs quoting", () => {
    expect(escapeCsvCell("Madrid")).toBe("Madrid");
    expect(escapeCsvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(escapeCsvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(escapeCsvCell('Campaña "otoño", 2024')).toBe('"Campaña ""otoño"", 2024"');
    expect(escapeCsvCell("=1,2")).toBe(`"'=1,2"`);
  });
  it("spots binary bytes but not tabs", () => {
    expect(hasControlCharacters("a\u0000b")).toBe(true);
    expect(hasControlCharacters("a\tb")).toBe(false);
  });
});
