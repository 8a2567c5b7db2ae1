// Outcome attribution and the lift, on a hand-built case (real PostgreSQL).
//
// Five Madrid alerts raised on 15 Oct 2025, contact window until 22 Oct, grace 30 days → purchases
// dated 16 Oct … 21 Nov count. C and D are held out (raised by a run whose control share is 100 %);
// of A (450), B (360) and E (90) the delegate's capacity of 2 shows A and B; A is attended.
//   A: 15 Oct (same day, already known) ✗ · 20 Oct 500 € ✓ · return 21 Oct ✗ · C2 20 Oct ✗ · 1 Dec ✗
//   B: 10 Nov 300 € ✓ · later 21 Nov 50 € ✓ (last day of grace) · 22 Nov ✗
//   C: 18 Oct 200 € ✓        D: nothing        E: nothing
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attendAlert } from "../../lib/alerts/alert-actions";
import { applyAlertDrafts } from "../../lib/alerts/apply-alert-drafts";
import { attributePurchases } from "../../lib/alerts/attribute-purchases";
import { conversionStats } from "../../lib/alerts/conversion-stats";
import { addSalesLine, createClients, NO_CONTROL, replenishmentDraft, seedAlertWorld, type AlertWorld } from "../../lib/alerts/testing/alert-world-fixture";
import { alertKey } from "../../lib/alerts/types";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let world: AlertWorld;
let madrid: number;
let A: number, B: number, C: number, D: number, E: number, G: number;

beforeAll(async () => {
  t = await createTestDatabase();
  world = await seedAlertWorld(t.db);
  madrid = await world.delegateOf("28");
  await t.db.delegate.update({ where: { id: madrid }, data: { dailyCapacity: 2 } });
  [A, B, C, D, E] = await createClients(t.db, "28", 5);
  [G] = await createClients(t.db, "41", 1);
  const draft = (client: number, meanOrderValue: number) => replenishmentDraft(client, "2025-10-15", { meanOrderValue });
  await applyAlertDrafts(t.db, "2025-10-15", [draft(C, 600), draft(D, 550)], { settings: { ...NO_CONTROL, controlShare: 1 } });
  await applyAlertDrafts(t.db, "2025-10-15", [draft(A, 500), draft(B, 400), draft(E, 100)], { settings: NO_CONTROL });
  const alertA = await t.db.alert.findFirstOrThrow({ where: { clientId: A } });
  await attendAlert(t.db, alertA.id, alertA.version, (await t.db.user.findFirstOrThrow()).id, { channelUsed: "DELEGATE_CALL", reached: true, result: "WON", amount: 500 });

  await addSalesLine(t.db, world, { clientId: A, familyCode: "C1", date: "2025-10-15", value: 111 });
  await addSalesLine(t.db, world, { clientId: A, familyCode: "C1", date: "2025-10-20", value: 500 });
  await addSalesLine(t.db, world, { clientId: A, familyCode: "C1", date: "2025-10-21", value: 80, kind: "RETURN" });
  await addSalesLine(t.db, world, { clientId: A, familyCode: "C2", date: "2025-10-20", value: 70 });
  await addSalesLine(t.db, world, { clientId: A, familyCode: "C1", date: "2025-12-01", value: 999 });
  await addSalesLine(t.db, world, { clientId: B, familyCode: "C1", date: "2025-11-10", value: 300 });
  await addSalesLine(t.db, world, { clientId: C, familyCode: "C1", date: "2025-10-18", value: 200 });
});
afterAll(() => t.drop());

describe("attributePurchases", () => {
  it("links later purchases of the same client × family within the window + grace, held out or not", async () => {
    expect(await t.db.alert.findMany({ where: { clientId: { in: [A, B, C, D, E] } }, orderBy: { clientId: "asc" }, select: { heldOut: true } })).toEqual(
      [false, false, true, true, false].map((heldOut) => ({ heldOut })),
    );
    expect(await attributePurchases(t.db)).toEqual({ lines: 3, alerts: 3, amount: 1000 });
    const rows = await t.db.alertAttribution.findMany({ include: { alert: { select: { clientId: true } } }, orderBy: { daysAfter: "asc" } });
    expect(rows.map((r) => [r.alert.clientId, Number(r.amount), r.daysAfter])).toEqual([
      [C, 200, 3],
      [A, 500, 5],
      [B, 300, 26],
    ]);
    const event = await t.db.alertEvent.findFirstOrThrow({ where: { type: "PURCHASE_ATTRIBUTED", alert: { clientId: A } } });
    expect(event.payload).toEqual({ lines: 1, amount: 500, firstDaysAfter: 5 });
  });

  it("is idempotent", async () => {
    expect(await attributePurchases(t.db)).toEqual({ lines: 0, alerts: 0, amount: 0 });
    expect(await t.db.alertAttribution.count()).toBe(3);
    expect(await t.db.alertEvent.count({ where: { type: "PURCHASE_ATTRIBUTED" } })).toBe(3);
  });

  it("a later import adds only its own lines; the grace period ends on contact_until + 30", async () => {
    const later = await t.db.import.create({ data: { batchId: "later", fileName: "Ventas-nov.csv", status: "SUCCEEDED" } });
    await addSalesLine(t.db, world, { clientId: B, familyCode: "C1", date: "2025-11-21", value: 50, importId: later.id });
    await addSalesLine(t.db, world, { clientId: B, familyCode: "C1", date: "2025-11-22", value: 60, importId: later.id });
    expect(await attributePurchases(t.db, { sinceImportId: later.id })).toEqual({ lines: 1, alerts: 1, amount: 50 });
  });

  it("a purchase goes to one alert only: the most recent one raised before it", async () => {
    const first = replenishmentDraft(G, "2025-10-15");
    await applyAlertDrafts(t.db, "2025-10-15", [first], { settings: NO_CONTROL });
    const second = { ...replenishmentDraft(G, "2025-10-25"), motive: "DETERIORATION" as const, key: alertKey(G, "C1", "DETERIORATION") };
    await applyAlertDrafts(t.db, "2025-10-25", [second], { settings: NO_CONTROL });
    await addSalesLine(t.db, world, { clientId: G, familyCode: "C1", date: "2025-10-20", value: 10 });
    await addSalesLine(t.db, world, { clientId: G, familyCode: "C1", date: "2025-11-05", value: 20 });
    expect(await attributePurchases(t.db, { since: "2025-10-16" })).toMatchObject({ lines: 2, alerts: 2 });
    const rows = await t.db.alertAttribution.findMany({ where: { alert: { clientId: G } }, include: { alert: { select: { motive: true } } } });
    expect(rows.map((r) => [r.alert.motive, Number(r.amount)]).sort()).toEqual([
      ["DETERIORATION", 20],
      ["REPLENISHMENT", 10],
    ]);
  });
});

describe("conversionStats", () => {
  it("attended vs held-out vs shown-not-attended vs not shown, and the intention-to-treat lift", async () => {
    const stats = await conversionStats(t.db, { delegateIds: [madrid] });
    expect(stats.heldOut).toEqual({ alerts: 2, converted: 1, conversionRate: 0.5, amount: 200, amountPerAlert: 100 });
    expect(stats.attended).toEqual({ alerts: 1, converted: 1, conversionRate: 1, amount: 500, amountPerAlert: 500 });
    expect(stats.shownNotAttended).toEqual({ alerts: 1, converted: 1, conversionRate: 1, amount: 350, amountPerAlert: 350 });
    expect(stats.notShown).toEqual({ alerts: 1, converted: 0, conversionRate: 0, amount: 0, amountPerAlert: 0 });
    expect(stats.treated).toEqual({ alerts: 3, converted: 2, conversionRate: 2 / 3, amount: 850, amountPerAlert: 850 / 3 });
    // Lift: 2/3 − 1/2 = 1/6 points; relative 1/3; € per alert 283.33 − 100.
    expect(stats.lift.conversionRateDiff).toBeCloseTo(1 / 6, 12);
    expect(stats.lift.conversionRateRelative).toBeCloseTo(1 / 3, 12);
    expect(stats.lift.amountPerAlertDiff).toBeCloseTo(850 / 3 - 100, 9);
    expect(stats.lift.attendedVsControlRateDiff).toBe(0.5);
  });

  it("filters by motive and by the date the alerts were raised", async () => {
    expect((await conversionStats(t.db, { motive: "DETERIORATION" })).treated).toMatchObject({ alerts: 1, converted: 1, amount: 20 });
    expect((await conversionStats(t.db, { raisedFrom: "2025-10-20" })).treated.alerts).toBe(1);
  });
});
