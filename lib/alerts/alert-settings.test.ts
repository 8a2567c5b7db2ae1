import { describe, expect, it } from "vitest";
import { DEFAULT_ALERT_SETTINGS, mergeDeep, resolveAlertSettings } from "./alert-settings";

describe("alert settings", () => {
  it("the defaults validate", () => {
    expect(resolveAlertSettings({})).toEqual({ ok: true, settings: DEFAULT_ALERT_SETTINGS });
  });

  it("overrides merge key by key and keep every other default", () => {
    const r = resolveAlertSettings({ dailyCapacity: 20, churnRisk: { pauses: { postCampaignGraceDays: 30 } } });
    expect(r.ok && r.settings.dailyCapacity).toBe(20);
    expect(r.ok && r.settings.churnRisk.pauses).toEqual({ ...DEFAULT_ALERT_SETTINGS.churnRisk.pauses, postCampaignGraceDays: 30 });
    expect(r.ok && r.settings.churnRisk.minOverdueRatio).toBe(1.5);
  });

  it("rejects values out of range and inconsistent thresholds, by field", () => {
    const r = resolveAlertSettings({ controlShare: 1.5, segments: { loyalStayShare: 0.7 }, churnRisk: { pauses: { christmasFrom: "12/20" } } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.keys(r.fieldErrors).sort()).toEqual(["churnRisk.pauses.christmasFrom", "controlShare", "segments.loyalStayShare"]);
      expect(r.fieldErrors["segments.loyalStayShare"]).toEqual(["Debe ser menor o igual que loyalMinShare"]);
    }
  });

  it("mergeDeep replaces arrays and scalars, merges objects", () => {
    expect(mergeDeep({ a: { b: 1, c: 2 }, d: [1] }, { a: { c: 3 }, d: [2, 3] })).toEqual({ a: { b: 1, c: 3 }, d: [2, 3] });
  });
});
