// The alert actions on a real PostgreSQL: optimistic concurrency, allowed transitions, the open-key
// rule on reopen, and the event rows they write.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyAlertDrafts } from "../../lib/alerts/apply-alert-drafts";
import { attendAlert, dismissAlert, reopenAlert, snoozeAlert } from "../../lib/alerts/alert-actions";
import { dateToIso } from "../../lib/alerts/alert-dates";
import { createClients, NO_CONTROL, replenishmentDraft, seedAlertWorld } from "../../lib/alerts/testing/alert-world-fixture";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let userId: number;
let otherUserId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedAlertWorld(t.db);
  userId = (await t.db.user.findUniqueOrThrow({ where: { email: "delegado.madrid@demo.sds" } })).id;
  otherUserId = (await t.db.user.findUniqueOrThrow({ where: { email: "admin@demo.sds" } })).id;
});
afterAll(() => t.drop());

async function newAlert(asOf = "2025-10-15") {
  const [client] = await createClients(t.db, "28", 1);
  await applyAlertDrafts(t.db, asOf, [replenishmentDraft(client, asOf)], { settings: NO_CONTROL });
  return t.db.alert.findFirstOrThrow({ where: { clientId: client } });
}

const attendance = { channelUsed: "DELEGATE_CALL", reached: true, result: "WON", amount: 640.5, notes: "Pedido de reposición" } as const;

describe("attendAlert", () => {
  it("records the outcome, closes the alert, frees its key, bumps the version", async () => {
    const alert = await newAlert();
    expect(await attendAlert(t.db, alert.id, 1, userId, attendance)).toEqual({ ok: true, alert: { id: alert.id, status: "ATTENDED", version: 2 } });
    const stored = await t.db.alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(stored).toMatchObject({ status: "ATTENDED", openKey: null, version: 2 });
    expect(stored.closedAt).not.toBeNull();
    const event = await t.db.alertEvent.findFirstOrThrow({ where: { alertId: alert.id, type: "ATTENDED" } });
    expect(event).toMatchObject({ userId, fromStatus: "OPEN", toStatus: "ATTENDED", payload: { ...attendance } });
  });

  it("two concurrent attends with the same version: exactly one succeeds, the other gets a conflict", async () => {
    for (let round = 0; round < 5; round++) {
      const alert = await newAlert();
      const results = await Promise.all([
        attendAlert(t.db, alert.id, 1, userId, attendance),
        attendAlert(t.db, alert.id, 1, otherUserId, { ...attendance, result: "LOST", amount: null }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "VERSION_CONFLICT", current: { status: "ATTENDED", version: 2 } });
      expect(await t.db.alertEvent.count({ where: { alertId: alert.id, type: "ATTENDED" } })).toBe(1);
    }
  });

  it("both writers read the same version before either writes: the row guard still lets only one through", async () => {
    const alert = await newAlert();
    // Hold the row so both transactions get past their read and queue on the guarded UPDATE.
    const locker = new pg.Client({ connectionString: t.url });
    await locker.connect();
    await locker.query("BEGIN");
    await locker.query("SELECT id FROM alert WHERE id = $1 FOR UPDATE", [alert.id]);
    const racing = Promise.all([
      attendAlert(t.db, alert.id, 1, userId, attendance),
      dismissAlert(t.db, alert.id, 1, otherUserId, { reasonCode: "NOT_INTERESTED" }),
    ]);
    // Wait (polling, no sleep) until both are blocked on the row lock.
    for (let polls = 0; ; polls++) {
      const { rows } = await locker.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      if (rows[0].n >= 2) break;
      if (polls > 50_000) throw new Error("the two writers never queued on the row lock");
    }
    await locker.query("COMMIT");
    await locker.end();
    const results = await racing;
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "VERSION_CONFLICT")).toHaveLength(1);
    expect(await t.db.alertEvent.count({ where: { alertId: alert.id, type: { in: ["ATTENDED", "DISMISSED"] } } })).toBe(1);
  });

  it("a stale version is a conflict, never a silent overwrite", async () => {
    const alert = await newAlert();
    await snoozeAlert(t.db, alert.id, 1, userId, { until: "2025-10-20" });
    expect(await attendAlert(t.db, alert.id, 1, userId, attendance)).toMatchObject({ ok: false, code: "VERSION_CONFLICT", current: { status: "SNOOZED", version: 2 } });
    expect(await t.db.alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ status: "SNOOZED", version: 2 });
  });

  it("refuses what the state machine forbids, held-out alerts and invalid input", async () => {
    const alert = await newAlert();
    await attendAlert(t.db, alert.id, 1, userId, attendance);
    expect(await attendAlert(t.db, alert.id, 2, userId, attendance)).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(await attendAlert(t.db, 987_654, 1, userId, attendance)).toMatchObject({ ok: false, code: "NOT_FOUND" });

    const control = await newAlert();
    await t.db.alert.update({ where: { id: control.id }, data: { heldOut: true } });
    expect(await attendAlert(t.db, control.id, 1, userId, attendance)).toMatchObject({ ok: false, code: "HELD_OUT" });

    const bad = await attendAlert(t.db, control.id, 1, userId, { ...attendance, amount: -5 });
    expect(bad).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { amount: ["El importe no puede ser negativo"] } });
  });
});

describe("dismissAlert", () => {
  it("persists the reason and notes in the event payload", async () => {
    const alert = await newAlert();
    const result = await dismissAlert(t.db, alert.id, 1, userId, { reasonCode: "WRONG_DATA", notes: "El cliente es un depósito" });
    expect(result).toMatchObject({ ok: true, alert: { status: "DISMISSED", version: 2 } });
    const event = await t.db.alertEvent.findFirstOrThrow({ where: { alertId: alert.id, type: "DISMISSED" } });
    expect(event).toMatchObject({ userId, fromStatus: "OPEN", toStatus: "DISMISSED", payload: { reasonCode: "WRONG_DATA", notes: "El cliente es un depósito" } });
    expect(await t.db.alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ openKey: null });
  });

  it("OTHER needs an explanation; an unknown reason is refused", async () => {
    const alert = await newAlert();
    expect(await dismissAlert(t.db, alert.id, 1, userId, { reasonCode: "OTHER" })).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { notes: ["Explica el motivo en las notas"] } });
    expect(await dismissAlert(t.db, alert.id, 1, userId, { reasonCode: "BORED" as never })).toMatchObject({ code: "INVALID_INPUT" });
    expect(await t.db.alertEvent.count({ where: { alertId: alert.id, type: "DISMISSED" } })).toBe(0);
  });
});

describe("snoozeAlert and reopenAlert", () => {
  it("snooze then reopen: SNOOZED with its date, then OPEN again, the key held throughout", async () => {
    const alert = await newAlert();
    expect(await snoozeAlert(t.db, alert.id, 1, userId, { until: "2025-10-25", notes: "De vacaciones" })).toMatchObject({ ok: true, alert: { status: "SNOOZED", version: 2 } });
    const snoozed = await t.db.alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(dateToIso(snoozed.snoozedUntil!)).toBe("2025-10-25");
    expect(snoozed.openKey).toBe(alert.openKey);

    expect(await reopenAlert(t.db, alert.id, 2, userId)).toMatchObject({ ok: true, alert: { status: "OPEN", version: 3 } });
    expect(await t.db.alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ status: "OPEN", snoozedUntil: null, openKey: alert.openKey });
    const events = await t.db.alertEvent.findMany({ where: { alertId: alert.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ["CREATED", null, "OPEN"],
      ["SNOOZED", "OPEN", "SNOOZED"],
      ["REOPENED", "SNOOZED", "OPEN"],
    ]);
    expect(events[1].payload).toEqual({ until: "2025-10-25", notes: "De vacaciones" });
  });

  it("a snooze date must come after the alert's data date", async () => {
    const alert = await newAlert();
    expect(await snoozeAlert(t.db, alert.id, 1, userId, { until: "2025-10-15" })).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { until: expect.any(Array) } });
    expect(await snoozeAlert(t.db, alert.id, 1, userId, { until: "2025-02-30" })).toMatchObject({ code: "INVALID_INPUT" });
  });

  it("reopening a dismissed alert takes its key back — unless another alert holds it (conflict)", async () => {
    const alert = await newAlert();
    await dismissAlert(t.db, alert.id, 1, userId, { reasonCode: "NOT_INTERESTED" });
    expect(await reopenAlert(t.db, alert.id, 2, userId, { notes: "Lo descarté por error" })).toMatchObject({ ok: true, alert: { status: "OPEN", version: 3 } });
    expect(await t.db.alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ openKey: alert.openKey, closedAt: null });

    // Close it again, let a new alert take the key, then try to reopen the old one.
    await dismissAlert(t.db, alert.id, 3, userId, { reasonCode: "NOT_INTERESTED" });
    await t.db.alert.update({ where: { id: alert.id }, data: { asOf: new Date("2025-08-01T00:00:00Z") } }); // cooling-off long past
    await applyAlertDrafts(t.db, "2025-10-16", [replenishmentDraft(alert.clientId, "2025-10-16")], { settings: NO_CONTROL });
    expect(await t.db.alert.count({ where: { openKey: alert.openKey } })).toBe(1);
    expect(await reopenAlert(t.db, alert.id, 4, userId)).toMatchObject({ ok: false, code: "OPEN_KEY_CONFLICT" });
    expect(await t.db.alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ status: "DISMISSED", version: 4 });
  });

  it("an expired alert cannot be reopened", async () => {
    const alert = await newAlert("2025-09-01");
    await applyAlertDrafts(t.db, "2025-09-30", [], { settings: NO_CONTROL });
    expect(await reopenAlert(t.db, alert.id, 2, userId)).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });
});
