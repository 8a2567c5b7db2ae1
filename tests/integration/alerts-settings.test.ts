// Alert settings and the channel rule table in PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ALERT_SETTINGS } from "../../lib/alerts/alert-settings";
import { buildAlertDraft } from "../../lib/alerts/build-alert-drafts";
import { DEFAULT_CHANNEL_RULES } from "../../lib/alerts/channel-rules";
import { loadChannelRules, seedChannelRules } from "../../lib/alerts/channel-rule-store";
import { AlertSettingsError, ALERT_SETTINGS_KEY, loadAlertSettings, saveAlertSettings } from "../../lib/alerts/load-alert-settings";
import { technicalPair } from "../../lib/alerts/testing/scored-pair-fixture";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe("alert settings", () => {
  it("an installation that never saved anything gets the defaults", async () => {
    expect(await loadAlertSettings(t.db)).toEqual(DEFAULT_ALERT_SETTINGS);
  });

  it("stores only what changed, merges later changes, and validates before storing", async () => {
    expect(await saveAlertSettings(t.db, { dailyCapacity: 20, churnRisk: { pauses: { postCampaignGraceDays: 30 } } })).toMatchObject({ ok: true });
    expect(await saveAlertSettings(t.db, { controlShare: 0.1 })).toMatchObject({ ok: true, settings: { dailyCapacity: 20, controlShare: 0.1 } });
    const stored = await t.db.setting.findUniqueOrThrow({ where: { key: ALERT_SETTINGS_KEY } });
    expect(stored.value).toEqual({ dailyCapacity: 20, controlShare: 0.1, churnRisk: { pauses: { postCampaignGraceDays: 30 } } });

    const rejected = await saveAlertSettings(t.db, { controlShare: 2, dailyCapacity: 0 });
    expect(rejected.ok).toBe(false);
    if (!rejected.ok) expect(Object.keys(rejected.fieldErrors).sort()).toEqual(["controlShare", "dailyCapacity"]);
    const loaded = await loadAlertSettings(t.db);
    expect(loaded).toMatchObject({ dailyCapacity: 20, controlShare: 0.1 });
    expect(loaded.churnRisk.pauses).toEqual({ ...DEFAULT_ALERT_SETTINGS.churnRisk.pauses, postCampaignGraceDays: 30 });
  });

  it("two admins saving different keys at once keep both", async () => {
    await Promise.all([saveAlertSettings(t.db, { contactHorizonDays: 10 }), saveAlertSettings(t.db, { attributionGraceDays: 45 })]);
    expect(await loadAlertSettings(t.db)).toMatchObject({ contactHorizonDays: 10, attributionGraceDays: 45, dailyCapacity: 20 });
  });

  it("a stored value that no longer validates stops the run loudly", async () => {
    await t.db.setting.update({ where: { key: ALERT_SETTINGS_KEY }, data: { value: { dailyCapacity: "muchas" } } });
    await expect(loadAlertSettings(t.db)).rejects.toBeInstanceOf(AlertSettingsError);
    await t.db.setting.delete({ where: { key: ALERT_SETTINGS_KEY } });
  });
});

describe("channel rule table", () => {
  it("uses the built-in defaults until seeded; seeding is idempotent and keeps the order", async () => {
    expect(await loadChannelRules(t.db)).toEqual(DEFAULT_CHANNEL_RULES);
    expect(await seedChannelRules(t.db)).toEqual({ created: DEFAULT_CHANNEL_RULES.length });
    expect(await seedChannelRules(t.db)).toEqual({ created: 0 });
    const rules = await loadChannelRules(t.db);
    expect(rules.map(({ id: _id, ...r }) => r)).toEqual(DEFAULT_CHANNEL_RULES.map(({ id: _id, ...r }) => r));
    expect(rules.every((r) => typeof r.id === "number")).toBe(true);
  });

  it("an edited table drives the drafts: the first matching rule by position wins", async () => {
    await t.db.channelRule.create({
      data: { position: 1, motive: "CHURN_RISK", channel: "FIELD_VISIT", responseDays: 2, description: "Toda alerta de abandono: visita en 2 días." },
    });
    const rules = await loadChannelRules(t.db);
    const draft = buildAlertDraft(technicalPair(), { settings: DEFAULT_ALERT_SETTINGS, channelRules: rules })!;
    expect(draft).toMatchObject({ priorityBand: "MEDIUM", channel: "FIELD_VISIT", responseDeadline: "2025-10-17" });
    expect(draft.trace.channel).toMatchObject({ position: 1, responseDays: 2 });
    // After seeding, an edited table is never overwritten.
    expect(await seedChannelRules(t.db)).toEqual({ created: 0 });
  });
});
