import { describe, expect, it } from "vitest";
import { dayFromIso, isoFromDay, isWorkingDay, partsOfDay, usDateFromDay, WorkingCalendar } from "./calendar";

describe("calendar", () => {
  it("agrees with Date on every day of the world's years", () => {
    for (let day = dayFromIso("2020-01-01"); day <= dayFromIso("2027-12-31"); day++) {
      const date = new Date(day * 86_400_000);
      expect(partsOfDay(day)).toEqual({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() });
    }
  });

  it("writes the export's M/D/YYYY dates", () => {
    expect(usDateFromDay(dayFromIso("2024-01-04"))).toBe("1/4/2024");
    expect(isoFromDay(dayFromIso("2025-12-29"))).toBe("2025-12-29");
    expect(() => dayFromIso("2024-02-30")).toThrow();
  });

  it("knows weekends and national holidays", () => {
    expect(isWorkingDay(dayFromIso("2021-01-04"))).toBe(true); // Monday
    expect(isWorkingDay(dayFromIso("2021-01-06"))).toBe(false); // Epiphany
    expect(isWorkingDay(dayFromIso("2024-08-15"))).toBe(false);
    expect(isWorkingDay(dayFromIso("2024-11-23"))).toBe(false); // Saturday
  });

  it("steps over working days", () => {
    const calendar = new WorkingCalendar(dayFromIso("2024-01-01"), dayFromIso("2024-12-31"));
    expect(isoFromDay(calendar.addWorkingDays(dayFromIso("2024-08-14"), 1))).toBe("2024-08-16"); // skips the 15th
    expect(isoFromDay(calendar.addWorkingDays(dayFromIso("2024-03-08"), 1))).toBe("2024-03-11"); // Friday → Monday
    expect(isoFromDay(calendar.addWorkingDays(dayFromIso("2024-03-09"), 1))).toBe("2024-03-11"); // from a Saturday
    expect(isoFromDay(calendar.addWorkingDays(dayFromIso("2024-03-04"), 10))).toBe("2024-03-18");
  });
});
