import { describe, expect, it } from "vitest";
import { defaultMaxDate, parseDate } from "./parse-date";

const MAX = "2026-12-31";
const us = (v: string) => parseDate(v, "Fecha", "original", MAX);
const iso = (v: string) => parseDate(v, "Fecha", "canonical", MAX);

describe("parseDate M/D/YYYY (original format)", () => {
  it("reads US-ordered dates into ISO", () => {
    expect(us("1/3/2024")).toEqual({ ok: true, value: "2024-01-03" });
    expect(us("12/29/2025")).toEqual({ ok: true, value: "2025-12-29" });
    expect(us("2/29/2024")).toEqual({ ok: true, value: "2024-02-29" });
    expect(us("1/4/2021 0:00")).toEqual({ ok: true, value: "2021-01-04" });
  });
  it("explains an impossible date with the expected shape", () => {
    const result = us("13/45/2024");
    expect(result).toMatchObject({ ok: false, code: "invalid_date" });
    if (!result.ok) expect(result.message).toBe('Fecha "13/45/2024" no es una fecha válida (se espera M/D/AAAA)');
  });
  it("checks the calendar and hints at swapped day and month", () => {
    expect(us("2/29/2023")).toMatchObject({ ok: false, code: "invalid_date" });
    expect(us("4/31/2024")).toMatchObject({ ok: false, code: "invalid_date" });
    const swapped = us("25/1/2024");
    expect(swapped.ok).toBe(false);
    if (!swapped.ok) expect(swapped.message).toContain("D/M/AAAA");
  });
  it("rejects other shapes, Excel serials, formulas and implausible years", () => {
    expect(us("2024-01-03")).toMatchObject({ ok: false, code: "invalid_date" });
    const serial = us("45292");
    expect(serial).toMatchObject({ ok: false, code: "invalid_date" });
    if (!serial.ok) expect(serial.message).toContain("número de serie");
    expect(us("=TODAY()")).toMatchObject({ ok: false, code: "formula_like" });
    expect(us("1/3/1999")).toMatchObject({ ok: false, code: "date_out_of_range" });
    expect(us("1/3/2027")).toMatchObject({ ok: false, code: "date_out_of_range" });
    expect(us("")).toMatchObject({ ok: false, code: "required" });
  });
});

describe("parseDate ISO (canonical format)", () => {
  it("reads ISO dates, with or without a midnight time", () => {
    expect(iso("2021-11-24")).toEqual({ ok: true, value: "2021-11-24" });
    expect(iso("2021-11-24 00:00:00")).toEqual({ ok: true, value: "2021-11-24" });
    expect(iso("2021-02-30")).toMatchObject({ ok: false, code: "invalid_date" });
    expect(iso("11/24/2021")).toMatchObject({ ok: false, code: "invalid_date" });
  });
});

describe("defaultMaxDate", () => {
  it("is one year after today", () => {
    expect(defaultMaxDate(new Date(Date.UTC(2026, 2, 15)))).toBe("2027-03-15");
  });
});
