import { describe, expect, it } from "vitest";
import { DEFAULT_ALERT_SETTINGS } from "./alert-settings";
import { activePause, pauseDaysInSilence } from "./normal-pauses";

const P = DEFAULT_ALERT_SETTINGS.churnRisk.pauses; // August, 12-20 → 01-07, 45 days after a campaign

describe("known normal pauses", () => {
  it("August, inclusive", () => {
    expect(activePause("2025-07-31", null, P)).toBeNull();
    expect(activePause("2025-08-01", null, P)).toBe("AUGUST");
    expect(activePause("2025-08-31", null, P)).toBe("AUGUST");
    expect(activePause("2025-09-01", null, P)).toBeNull();
  });

  it("Christmas, 20 December to 7 January across the new year", () => {
    expect(activePause("2025-12-19", null, P)).toBeNull();
    expect(activePause("2025-12-20", null, P)).toBe("CHRISTMAS");
    expect(activePause("2026-01-07", null, P)).toBe("CHRISTMAS");
    expect(activePause("2026-01-08", null, P)).toBeNull();
  });

  it("the 45 days after a campaign window ends", () => {
    expect(activePause("2025-10-15", 45, P)).toBe("POST_CAMPAIGN");
    expect(activePause("2025-10-15", 46, P)).toBeNull();
  });

  it("counts the pause days inside a silence, each day once", () => {
    // Bought 30 July, today 5 September: all 31 days of August are pause.
    expect(pauseDaysInSilence("2025-07-30", "2025-09-05", null, P)).toEqual({ AUGUST: 31 });
    // Bought 1 December, today 31 January: 12 days of December (20–31) + 7 of January.
    expect(pauseDaysInSilence("2025-12-01", "2026-01-31", null, P)).toEqual({ CHRISTMAS: 19 });
    // Campaign ended 2025-07-07 (100 days before 15 October): grace 8 July – 21 August; the August
    // part is already counted as August, so 24 post-campaign days (8–31 July) + 31 of August.
    expect(pauseDaysInSilence("2025-06-10", "2025-10-15", 100, P)).toEqual({ AUGUST: 31, POST_CAMPAIGN: 24 });
    expect(pauseDaysInSilence("2025-10-01", "2025-10-15", null, P)).toEqual({});
  });
});
