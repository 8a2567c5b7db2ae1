// Persistence of alert drafts on a real PostgreSQL: one live alert per client × family × motive,
// in-place refresh, events only for material changes, expiry, snooze, cooling-off, reassignment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyAlertDrafts } from "../../lib/alerts/apply-alert-drafts";
import { dismissAlert, attendAlert, snoozeAlert } from "../../lib/alerts/alert-actions";
import { dateToIso } from "../../lib/alerts/alert-dates";
import { createClients, NO_CONTROL, replenishmentDraft, seedAlertWorld, type AlertWorld } from "../../lib/alerts/testing/alert-world-fixture";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let world: AlertWorld;
let adminId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  world = await seedAlertWorld(t.db);
  adminId = (await t.db.user.findUniqueOrThrow({ where: { email: "admin@demo.sds" } })).id;
});
afterAll(() => t.drop());

const apply = (asOf: string, drafts: Parameters<typeof applyAlertDrafts>[2], expireCleared = false) =>
  applyAlertDrafts(t.db, asOf, drafts, { settings: NO_CONTROL, runId: 1, expireCleared });
const alertsOf = (clientId: number) => t.db.alert.findMany({ where: { clientId }, orderBy: { id: "asc" } });
const eventsOf = async (clientId: number) =>
  (await t.db.alertEvent.findMany({ where: { alert: { clientId } }, orderBy: { id: "asc" } })).map((e) => e.type);

describe("applyAlertDrafts", () => {
  it("applying the same drafts twice gives one alert and no duplicate events", async () => {
    const [client] = await createClients(t.db, "28", 1);
    const draft = replenishmentDraft(client, "2025-10-15");
    expect(await apply("2025-10-15", [draft])).toMatchObject({ created: 1, refreshed: 0, updatedEvents: 0 });
    expect(await apply("2025-10-15", [draft])).toMatchObject({ created: 0, refreshed: 1, updatedEvents: 0 });

    const [alert] = await alertsOf(client);
    expect(await alertsOf(client)).toHaveLength(1);
    expect(await eventsOf(client)).toEqual(["CREATED"]);
    expect(alert).toMatchObject({
      openKey: `${client}:C1:REPLENISHMENT`,
      status: "OPEN",
      heldOut: false,
      delegateId: await world.delegateOf("28"),
      priorityScore: 423,
      priorityBand: "MEDIUM",
      channel: "TELESALES",
      version: 1,
    });
    expect(dateToIso(alert.contactUntil)).toBe("2025-10-22");
    expect(alert.trace).toMatchObject({ engine: "alerts/v1", motive: "REPLENISHMENT", runId: 1 });
    expect(alert.reasons).toContainEqual(expect.objectContaining({ text: "Lleva 47 días sin comprar Familia C1; su ritmo habitual es cada 21 días." }));
  });

  it("a new priority updates the alert in place; only a material change writes UPDATED", async () => {
    const [client] = await createClients(t.db, "28", 1);
    await apply("2025-10-15", [replenishmentDraft(client, "2025-10-15")]); // 470 × 0.9 = 423
    // Next day the mean order is 700: 630, +49 % ≥ 20 % → material.
    expect(await apply("2025-10-16", [replenishmentDraft(client, "2025-10-16", { meanOrderValue: 700 })])).toMatchObject({ refreshed: 1, updatedEvents: 1 });
    // Then 720: 648, +2.9 % → refreshed silently.
    expect(await apply("2025-10-17", [replenishmentDraft(client, "2025-10-17", { meanOrderValue: 720 })])).toMatchObject({ refreshed: 1, updatedEvents: 0 });

    const alerts = await alertsOf(client);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ priorityScore: 648, version: 1 });
    expect(dateToIso(alerts[0].asOf)).toBe("2025-10-17");
    // The window had opened: contactFrom stays, contactUntil follows the signal.
    expect(dateToIso(alerts[0].contactFrom)).toBe("2025-10-15");
    expect(dateToIso(alerts[0].contactUntil)).toBe("2025-10-24");
    const updated = await t.db.alertEvent.findFirstOrThrow({ where: { alertId: alerts[0].id, type: "UPDATED" } });
    expect(updated.payload).toMatchObject({ asOf: "2025-10-16", changes: { priorityScore: { from: 423, to: 630 } } });
    expect(await eventsOf(client)).toEqual(["CREATED", "UPDATED"]);
  });

  it("an alert whose contact window has passed expires, and a persisting signal raises a new one", async () => {
    const [client] = await createClients(t.db, "28", 1);
    await apply("2025-10-15", [replenishmentDraft(client, "2025-10-15")]); // window until 22 Oct
    expect((await apply("2025-10-22", [])).expiredWindow).toBe(0);
    const result = await apply("2025-10-23", []);
    expect(result.expiredWindow).toBeGreaterThanOrEqual(1);
    const [expired] = await alertsOf(client);
    expect(expired).toMatchObject({ status: "EXPIRED", openKey: null, version: 2 });
    expect(expired.closedAt).not.toBeNull();
    const event = await t.db.alertEvent.findFirstOrThrow({ where: { alertId: expired.id, type: "EXPIRED" } });
    expect(event).toMatchObject({ fromStatus: "OPEN", toStatus: "EXPIRED", userId: null, payload: { reason: "WINDOW_PASSED", contactUntil: "2025-10-22" } });

    await apply("2025-10-24", [replenishmentDraft(client, "2025-10-24")]);
    const alerts = await alertsOf(client);
    expect(alerts.map((a) => a.status)).toEqual(["EXPIRED", "OPEN"]);
  });

  it("a dismissed or attended alert is not resurrected during its cooling-off period", async () => {
    const [dismissed, attended, closed] = await createClients(t.db, "28", 3);
    const drafts = (asOf: string) => [dismissed, attended, closed].map((c) => replenishmentDraft(c, asOf));
    await apply("2025-10-15", drafts("2025-10-15"));
    const [a1] = await alertsOf(dismissed);
    const [a2] = await alertsOf(attended);
    const [a3] = await alertsOf(closed);
    expect((await dismissAlert(t.db, a1.id, 1, adminId, { reasonCode: "ALREADY_BOUGHT" })).ok).toBe(true);
    expect((await attendAlert(t.db, a2.id, 1, adminId, { channelUsed: "TELESALES", reached: true, result: "WON", amount: 500 })).ok).toBe(true);
    expect((await dismissAlert(t.db, a3.id, 1, adminId, { reasonCode: "CLIENT_CLOSED", notes: "Cerró en septiembre" })).ok).toBe(true);

    // Closed on data date 15 Oct: 30 days of cooling-off (a closed clinic: 365).
    expect(await apply("2025-10-16", drafts("2025-10-16"))).toMatchObject({ created: 0, suppressedByCoolingOff: 3 });
    expect(await apply("2025-11-13", drafts("2025-11-13"))).toMatchObject({ created: 0, suppressedByCoolingOff: 3 });
    expect(await apply("2025-11-14", drafts("2025-11-14"))).toMatchObject({ created: 2, suppressedByCoolingOff: 1 });
    expect((await alertsOf(dismissed)).map((a) => a.status)).toEqual(["DISMISSED", "OPEN"]);
    expect((await alertsOf(attended)).map((a) => a.status)).toEqual(["ATTENDED", "OPEN"]);
    expect((await alertsOf(closed)).map((a) => a.status)).toEqual(["DISMISSED"]);
  });

  it("a snoozed alert stays snoozed (and does not expire) until its date, then the run reopens it", async () => {
    const [client] = await createClients(t.db, "28", 1);
    await apply("2025-10-15", [replenishmentDraft(client, "2025-10-15")]);
    const [alert] = await alertsOf(client);
    expect(await snoozeAlert(t.db, alert.id, 1, adminId, { until: "2025-11-30" })).toMatchObject({ ok: true, alert: { status: "SNOOZED", version: 2 } });

    // Refreshed while snoozed, still snoozed.
    expect(await apply("2025-10-16", [replenishmentDraft(client, "2025-10-16", { meanOrderValue: 900 })])).toMatchObject({ refreshed: 1, created: 0 });
    expect(await t.db.alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ status: "SNOOZED", priorityScore: 810 });
    // Its window (until 23 Oct) passes while snoozed: it does not expire, and nothing duplicates it.
    await apply("2025-11-01", []);
    expect(await t.db.alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ status: "SNOOZED" });
    // On its date the run reopens it; its window is over, so the same run expires it.
    const result = await apply("2025-11-30", []);
    expect(result.snoozesEnded).toBeGreaterThanOrEqual(1);
    expect(await t.db.alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ status: "EXPIRED", snoozedUntil: null, version: 4 });
    expect(await eventsOf(client)).toEqual(["CREATED", "SNOOZED", "UPDATED", "REOPENED", "EXPIRED"]);
    const reopened = await t.db.alertEvent.findFirstOrThrow({ where: { alertId: alert.id, type: "REOPENED" } });
    expect(reopened).toMatchObject({ userId: null, payload: { reason: "SNOOZE_ENDED", asOf: "2025-11-30" } });
  });

  it("the delegate follows the client's province; a reassignment writes REASSIGNED", async () => {
    const [client] = await createClients(t.db, "45", 1);
    await apply("2025-10-15", [replenishmentDraft(client, "2025-10-15")]);
    const before = await world.delegateOf("45");
    expect((await alertsOf(client))[0].delegateId).toBe(before);

    const other = await world.delegateOf("28");
    await t.db.province.update({ where: { code: "45" }, data: { delegateId: other } });
    expect(await apply("2025-10-16", [replenishmentDraft(client, "2025-10-16")])).toMatchObject({ reassigned: 1, updatedEvents: 0 });
    const [alert] = await alertsOf(client);
    expect(alert.delegateId).toBe(other);
    const event = await t.db.alertEvent.findFirstOrThrow({ where: { alertId: alert.id, type: "REASSIGNED" } });
    expect(event.payload).toMatchObject({ fromDelegateId: before, toDelegateId: other });
  });

  it("drafts for clients that do not exist are skipped, not fatal", async () => {
    expect(await apply("2025-10-15", [replenishmentDraft(999_999, "2025-10-15")])).toMatchObject({ created: 0, skippedUnknownClient: 1 });
  });

  it("a full run (expireCleared) expires live alerts whose signal no longer fires", async () => {
    const [stays, clears] = await createClients(t.db, "28", 2);
    await apply("2025-12-01", [replenishmentDraft(stays, "2025-12-01"), replenishmentDraft(clears, "2025-12-01")]);
    await apply("2025-12-02", [replenishmentDraft(stays, "2025-12-02")], true);
    expect((await alertsOf(stays)).map((a) => a.status)).toEqual(["OPEN"]);
    const [cleared] = await alertsOf(clears);
    expect(cleared).toMatchObject({ status: "EXPIRED", openKey: null });
    const event = await t.db.alertEvent.findFirstOrThrow({ where: { alertId: cleared.id, type: "EXPIRED" } });
    expect(event.payload).toMatchObject({ reason: "CONDITION_CLEARED", asOf: "2025-12-02" });
  });
});
