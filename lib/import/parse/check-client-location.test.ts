import { describe, expect, it } from "vitest";
import { checkClientLocation } from "./check-client-location";

const columns = { postalCode: "Código postal", province: "Provincia" };
const check = (postal: string, province: string) => checkClientLocation(postal, province, columns);
const codes = (result: ReturnType<typeof check>) => (result.ok ? result.value.flags.map((f) => f.code) : [result.code]);

describe("checkClientLocation", () => {
  it("accepts a postal code that agrees with its province, whatever the spelling", () => {
    expect(check("01001", "Álava")).toEqual({ ok: true, value: { postalCode: "01001", provinceCode: "01", flags: [] } });
    expect(check("38001", "Sta.Cruz Tenerife")).toMatchObject({ ok: true, value: { provinceCode: "38", flags: [] } });
    expect(check("48001", "Vizcaya")).toMatchObject({ ok: true, value: { provinceCode: "48", flags: [] } });
  });
  it("pads a 4-digit code Excel stripped, and says so", () => {
    const result = check("1001", "Álava");
    expect(result).toMatchObject({ ok: true, value: { postalCode: "01001" } });
    expect(codes(result)).toEqual(["postal_code_padded"]);
  });
  it("flags, without rejecting, a code from another province", () => {
    const result = check("11540", "Sevilla");
    expect(result).toMatchObject({ ok: true, value: { postalCode: "11540", provinceCode: "41" } });
    expect(codes(result)).toEqual(["postal_province_conflict"]);
    if (result.ok) expect(result.value.flags[0].message).toContain("Cádiz");
  });
  it("flags a prefix that is no province", () => {
    expect(codes(check("73001", "Tarragona"))).toEqual(["postal_code_unknown_prefix"]);
  });
  it("keeps foreign clients (Andorra, postal code 0) with flags", () => {
    const result = check("0", "Andorra");
    expect(result).toMatchObject({ ok: true, value: { postalCode: null, provinceCode: null } });
    expect(codes(result)).toEqual(["postal_code_missing", "unknown_province"]);
  });
  it("takes the province from the postal code when the name is empty", () => {
    const result = check("28001", "");
    expect(result).toMatchObject({ ok: true, value: { provinceCode: "28" } });
    expect(codes(result)).toEqual(["unknown_province"]);
  });
  it("rejects what cannot be a postal code", () => {
    expect(codes(check("280", "Madrid"))).toEqual(["invalid_postal_code"]);
    expect(codes(check("28001-A", "Madrid"))).toEqual(["invalid_postal_code"]);
    expect(codes(check("=1+1", "Madrid"))).toEqual(["formula_like"]);
    expect(codes(check("", ""))).toEqual(["required"]);
  });
});
