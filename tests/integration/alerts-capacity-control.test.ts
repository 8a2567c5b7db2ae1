// Capacity (top-N per delegate per day) and the control group, on a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attendAlert } from "../../lib/alerts/alert-actions";
import { DEFAULT_ALERT_SETTINGS } from "../../lib/alerts/alert-settings";
import { applyAlertDrafts } from "../../lib/alerts/apply-alert-drafts";
import { isHeldOut } from "../../lib/alerts/control-group";
import { listShownAlerts } from "../../lib/alerts/shown-alerts";
import { createClients, NO_CONTROL, replenishmentDraft, seedAlertWorld, type AlertWorld } from "../../lib/alerts/testing/alert-world-fixture";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let world: AlertWorld;

beforeAll(async () => {
  t = await createTestDatabase();
  world = await seedAlertWorld(t.db);
});
afterAll(() => t.drop());

describe("daily capacity per delegate", () => {
  it("only the top-N by priority are shown; attending one does not pull in the next until the next day", async () => {
    const delegateId = await world.delegateOf("08");
    await t.db.delegate.update({ where: { id: delegateId }, data: { dailyCapacity: 2 } });
    const clients = await createClients(t.db, "08", 4);
    // Mean orders 100..400 → priorities 90, 180, 270, 360.
    const drafts = (asOf: string) => clients.map((c, i) => replenishmentDraft(c, asOf, { meanOrderValue: 100 * (i + 1) }));
    const first = await applyAlertDrafts(t.db, "2025-10-15", drafts("2025-10-15"), { settings: NO_CONTROL });
    expect(first.created).toBe(4);

    const shown = await listShownAlerts(t.db, { delegateId });
    expect(shown.map((a) => [a.clientId, a.rank, a.priorityScore])).toEqual([
      [clients[3], 1, 360],
      [clients[2], 2, 270],
    ]);
    await attendAlert(t.db, shown[0].id, shown[0].version, (await t.db.user.findFirstOrThrow()).id, {
      channelUsed: "TELESALES",
      reached: true,
      result: "WON",
    });
    expect((await listShownAlerts(t.db, { delegateId })).map((a) => a.clientId)).toEqual([clients[2]]);
    // Re-running the same day does not refill the list.
    expect((await applyAlertDrafts(t.db, "2025-10-15", drafts("2025-10-15"), { settings: NO_CONTROL })).shown).toBe(0);
    expect((await listShownAlerts(t.db, { delegateId })).map((a) => a.clientId)).toEqual([clients[2]]);

    await applyAlertDrafts(t.db, "2025-10-16", drafts("2025-10-16").slice(0, 3), { settings: NO_CONTROL });
    expect((await listShownAlerts(t.db, { delegateId })).map((a) => [a.clientId, a.rank])).toEqual([
      [clients[2], 1],
      [clients[1], 2],
    ]);
    // "Ever shown" is remembered for the conversion statistics; the lowest one never was.
    const neverShown = await t.db.alert.findFirstOrThrow({ where: { clientId: clients[0] } });
    expect(neverShown.trace).not.toHaveProperty("display");
    const shownTwice = await t.db.alert.findFirstOrThrow({ where: { clientId: clients[2] } });
    expect(shownTwice.trace).toMatchObject({ display: { firstShownOn: "2025-10-15", lastShownOn: "2025-10-16", lastRank: 1 } });
  });

  it("without a delegate override the setting applies, and held-out alerts are never shown", async () => {
    const delegateId = await world.delegateOf("41");
    const clients = await createClients(t.db, "41", 5);
    const settings = { ...NO_CONTROL, dailyCapacity: 3 };
    await applyAlertDrafts(t.db, "2025-10-15", clients.map((c, i) => replenishmentDraft(c, "2025-10-15", { meanOrderValue: 100 * (i + 1) })), { settings });
    // The best one goes to the control group (arranged by hand): it must not take a place.
    const best = await t.db.alert.findFirstOrThrow({ where: { clientId: clients[4] } });
    await t.db.alert.update({ where: { id: best.id }, data: { heldOut: true, trace: { engine: "alerts/v1" } } });
    await applyAlertDrafts(t.db, "2025-10-16", [], { settings });
    expect((await listShownAlerts(t.db, { delegateId, asOf: "2025-10-16" })).map((a) => a.clientId)).toEqual([clients[3], clients[2], clients[1]]);
  });
});

describe("control group", () => {
  it("holds out ≈ the configured share of 2,000 new alerts, deterministically by key", async () => {
    const clients = await createClients(t.db, "46", 2000);
    const drafts = clients.map((c) => replenishmentDraft(c, "2025-10-15"));
    const settings = { ...DEFAULT_ALERT_SETTINGS, controlShare: 0.05 };
    const result = await applyAlertDrafts(t.db, "2025-10-15", drafts, { settings });
    expect(result.created).toBe(2000);
    // 5 % of 2,000 = 100; a fair draw lands within ±3 standard deviations (±29).
    expect(result.heldOut).toBeGreaterThan(70);
    expect(result.heldOut).toBeLessThan(130);

    const stored = await t.db.alert.findMany({ where: { clientId: { in: clients } }, select: { openKey: true, heldOut: true } });
    const expected = new Set(drafts.filter((d) => isHeldOut(d.key, 0.05, settings.controlSalt)).map((d) => d.key));
    expect(new Set(stored.filter((a) => a.heldOut).map((a) => a.openKey))).toEqual(expected);
    expect(expected.size).toBe(result.heldOut);

    // Deterministic: the same keys in a fresh database get the same arms.
    const again = await createTestDatabase();
    try {
      await seedAlertWorld(again.db);
      await again.db.$executeRawUnsafe(
        `INSERT INTO client (id, external_id, province_code) SELECT x, 'c' || x, '46' FROM unnest($1::int[]) AS x`,
        clients,
      );
      const second = await applyAlertDrafts(again.db, "2025-10-15", drafts, { settings });
      expect(second.heldOut).toBe(result.heldOut);
      const heldAgain = await again.db.alert.findMany({ where: { heldOut: true }, select: { openKey: true } });
      expect(new Set(heldAgain.map((a) => a.openKey))).toEqual(expected);
    } finally {
      await again.drop();
    }
  });

  it("only new alerts are drawn: a refresh never moves an alert between arms", async () => {
    const [client] = await createClients(t.db, "46", 1);
    await applyAlertDrafts(t.db, "2025-10-15", [replenishmentDraft(client, "2025-10-15")], { settings: NO_CONTROL });
    await applyAlertDrafts(t.db, "2025-10-16", [replenishmentDraft(client, "2025-10-16")], { settings: { ...DEFAULT_ALERT_SETTINGS, controlShare: 1 } });
    expect(await t.db.alert.findFirstOrThrow({ where: { clientId: client } })).toMatchObject({ heldOut: false });
  });
});
