import { describe, expect, it } from "vitest";
import { parseId } from "./parse-id";

describe("parseId", () => {
  it("accepts digits and drops leading zeros so ids join across exports", () => {
    expect(parseId("1000078762", "Id. Cliente")).toEqual({ ok: true, value: "1000078762" });
    expect(parseId("0123", "Id. Cliente")).toEqual({ ok: true, value: "123" });
  });
  it.each([
    ["", "required"],
    ["0", "invalid_id"],
    ["12a", "invalid_id"],
    ["1234567890123", "invalid_id"],
    ["1,00008E+09", "id_scientific_notation"],
    ["1.00008e9", "id_scientific_notation"],
    ["=cmd|' /C calc'!A0", "formula_like"],
    ["-123", "formula_like"],
    ["@123", "formula_like"],
  ])("%s → %s", (value, code) => {
    expect(parseId(value, "Id. Cliente")).toMatchObject({ ok: false, code });
  });
});
