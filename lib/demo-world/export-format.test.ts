import { describe, expect, it } from "vitest";
import { europeanMoney } from "./export-format";

describe("europeanMoney", () => {
  it.each([
    [142763, '"1.427,63"'],
    [-14193, '"-141,93"'],
    [0, '"0,00"'],
    [550467, '"5.504,67"'],
    [123456789, '"1.234.567,89"'],
    [5, '"0,05"'],
  ])("%d hundredths → %s", (cents, text) => {
    expect(europeanMoney(cents)).toBe(text);
  });
});
