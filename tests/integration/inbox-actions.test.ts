import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "../../lib/actions/define-action";
import {
  attendAlertCommand,
  attendInput,
  dismissAlertCommand,
  dismissInput,
  NOT_FOUND_MESSAGE,
  reopenAlertCommand,
  snoozeAlertCommand,
  snoozeInput,
} from "../../lib/actions/alerts/alert-commands";
import { loadActor, type Actor } from "../../lib/auth/load-actor";
import { getInboxPage } from "../../lib/data/inbox/get-inbox-page";
import { parseInboxQuery } from "../../lib/data/inbox/inbox-query";
import { madridToday } from "../../lib/data/inbox/madrid-today";
import { seedDemoTeam } from "../../lib/seed/seed-demo-team";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { addDays, seedAlert } from "../helpers/seed-alerts";

const TODAY = madridToday();
let t: TestDatabase;
let madrid: Actor, barcelona: Actor, centro: Actor, este: Actor;
let madridClientId: number;
let barcelonaClientId: number;

async function actorFor(email: string): Promise<Actor> {
  const user = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return (await loadActor(t.db, user.id))!;
}

async function state(id: number) {
  return t.db.alert.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, openKey: true, snoozedUntil: true, closedAt: true } });
}

async function expectActionError(promise: Promise<unknown>, message: string | RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ActionError);
  if (typeof message === "string") expect((error as ActionError).message).toBe(message);
  else expect((error as ActionError).message).toMatch(message);
}

let families = 0;
/** A fresh open alert on its own client × family × motive key. */
async function freshAlert(clientId = madridClientId, motive: "CHURN_RISK" | "REPLENISHMENT" = "CHURN_RISK") {
  const client = await t.db.client.findUniqueOrThrow({ where: { id: clientId }, select: { provinceCode: true } });
  const other = await t.db.client.create({ data: { externalId: `X${client.provinceCode}${families++}`, provinceCode: client.provinceCode }, select: { id: true } });
  return seedAlert(t.db, { clientId: other.id, familyCode: "T1", motive, asOf: TODAY });
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoTeam(t.db);
  madrid = await actorFor("delegado.madrid@demo.sds");
  barcelona = await actorFor("delegado.barcelona@demo.sds");
  centro = await actorFor("gerente.centro@demo.sds");
  este = await actorFor("gerente.este@demo.sds");
  madridClientId = (await t.db.client.create({ data: { externalId: "280001", provinceCode: "28" }, select: { id: true } })).id;
  barcelonaClientId = (await t.db.client.create({ data: { externalId: "080001", provinceCode: "08" }, select: { id: true } })).id;
});
afterAll(() => t.drop());

describe("attend", () => {
  it("closes the alert, bumps the version, frees the open key and records who, when and the outcome", async () => {
    const alert = await freshAlert();
    const result = await attendAlertCommand(t.db, madrid, {
      alertId: alert.id,
      version: 1,
      channelUsed: "DELEGATE_CALL",
      reached: true,
      result: "WON",
      amount: 1250.5,
      notes: "Pedido de 3 cajas",
    });
    expect(result).toEqual({ id: alert.id, status: "ATTENDED", version: 2 });
    const after = await state(alert.id);
    expect(after).toMatchObject({ status: "ATTENDED", version: 2, openKey: null });
    expect(after.closedAt).not.toBeNull();
    const events = await t.db.alertEvent.findMany({ where: { alertId: alert.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "ATTENDED",
      userId: madrid.userId,
      fromStatus: "OPEN",
      toStatus: "ATTENDED",
      payload: { channelUsed: "DELEGATE_CALL", reached: true, result: "WON", amount: 1250.5, notes: "Pedido de 3 cajas" },
    });
  });

  it("refuses a stale version with a clear Spanish message and changes nothing", async () => {
    const alert = await freshAlert();
    await dismissAlertCommand(t.db, madrid, { alertId: alert.id, version: 1, reasonCode: "NOT_INTERESTED" });
    await expectActionError(
      attendAlertCommand(t.db, centro, { alertId: alert.id, version: 1, channelUsed: "TELESALES", reached: false, result: "FOLLOW_UP" }),
      "Otra persona ha modificado esta alerta mientras la tenías abierta. Recarga para ver su estado actual.",
    );
    expect(await state(alert.id)).toMatchObject({ status: "DISMISSED", version: 2 });
    expect(await t.db.alertEvent.count({ where: { alertId: alert.id } })).toBe(1);
  });

  it("lets exactly one of two simultaneous changes win", async () => {
    const alert = await freshAlert();
    const outcomes = await Promise.allSettled([
      attendAlertCommand(t.db, madrid, { alertId: alert.id, version: 1, channelUsed: "FIELD_VISIT", reached: true, result: "LOST" }),
      dismissAlertCommand(t.db, centro, { alertId: alert.id, version: 1, reasonCode: "ALREADY_BOUGHT" }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ActionError);
    expect((await state(alert.id)).version).toBe(2);
    expect(await t.db.alertEvent.count({ where: { alertId: alert.id } })).toBe(1);
  });

  it("validates the outcome: a won sale needs a reached client, amounts are not negative", () => {
    const base = { alertId: 1, version: 1, channelUsed: "TELESALES", reached: false, result: "WON" } as const;
    expect(attendInput.safeParse(base).success).toBe(false);
    expect(attendInput.safeParse({ ...base, reached: true }).success).toBe(true);
    expect(attendInput.safeParse({ ...base, reached: true, amount: -5 }).success).toBe(false);
    expect(attendInput.safeParse({ ...base, channelUsed: "PIGEON" }).success).toBe(false);
  });
});

describe("scope is re-checked on the server", () => {
  it("delegate B can neither act on nor learn about delegate A's alert", async () => {
    const alert = await freshAlert();
    const attempts = [
      () => attendAlertCommand(t.db, barcelona, { alertId: alert.id, version: 1, channelUsed: "TELESALES", reached: true, result: "WON" }),
      () => dismissAlertCommand(t.db, barcelona, { alertId: alert.id, version: 1, reasonCode: "NOT_INTERESTED" }),
      () => snoozeAlertCommand(t.db, barcelona, { alertId: alert.id, version: 1, until: addDays(TODAY, 3) }),
      () => reopenAlertCommand(t.db, barcelona, { alertId: alert.id, version: 1 }),
    ];
    for (const attempt of attempts) await expectActionError(attempt(), NOT_FOUND_MESSAGE);
    // The same answer as for an alert that does not exist.
    await expectActionError(reopenAlertCommand(t.db, barcelona, { alertId: 99999999, version: 1 }), NOT_FOUND_MESSAGE);
    expect(await state(alert.id)).toMatchObject({ status: "OPEN", version: 1 });
    expect(await t.db.alertEvent.count({ where: { alertId: alert.id } })).toBe(0);
  });

  it("the region's manager may act, another region's manager may not", async () => {
    const alert = await freshAlert();
    await expectActionError(dismissAlertCommand(t.db, este, { alertId: alert.id, version: 1, reasonCode: "NOT_INTERESTED" }), NOT_FOUND_MESSAGE);
    await dismissAlertCommand(t.db, centro, { alertId: alert.id, version: 1, reasonCode: "CLIENT_CLOSED", notes: "Cerró en enero" });
    const bcn = await freshAlert(barcelonaClientId);
    await expectActionError(dismissAlertCommand(t.db, centro, { alertId: bcn.id, version: 1, reasonCode: "NOT_INTERESTED" }), NOT_FOUND_MESSAGE);
    await dismissAlertCommand(t.db, este, { alertId: bcn.id, version: 1, reasonCode: "NOT_INTERESTED" });
  });

  it("a control-group alert cannot be acted on by anyone", async () => {
    const client = await t.db.client.create({ data: { externalId: "28HELD", provinceCode: "28" }, select: { id: true } });
    const held = await seedAlert(t.db, { clientId: client.id, familyCode: "C1", motive: "REPLENISHMENT", asOf: TODAY, heldOut: true });
    await expectActionError(dismissAlertCommand(t.db, madrid, { alertId: held.id, version: 1, reasonCode: "NOT_INTERESTED" }), NOT_FOUND_MESSAGE);
  });
});

describe("dismiss", () => {
  it("stores the reason code and notes; OTHER needs an explanation", async () => {
    expect(dismissInput.safeParse({ alertId: 1, version: 1, reasonCode: "OTHER" }).success).toBe(false);
    expect(dismissInput.safeParse({ alertId: 1, version: 1, reasonCode: "OTHER", notes: "Se jubila" }).success).toBe(true);
    const alert = await freshAlert();
    await dismissAlertCommand(t.db, madrid, { alertId: alert.id, version: 1, reasonCode: "WRONG_DATA", notes: "Cliente duplicado" });
    expect(await state(alert.id)).toMatchObject({ status: "DISMISSED", openKey: null, version: 2 });
    const event = await t.db.alertEvent.findFirstOrThrow({ where: { alertId: alert.id } });
    expect(event.payload).toEqual({ reasonCode: "WRONG_DATA", notes: "Cliente duplicado" });
    await expectActionError(
      attendAlertCommand(t.db, madrid, { alertId: alert.id, version: 2, channelUsed: "TELESALES", reached: true, result: "LOST" }),
      /La alerta está descartada/,
    );
  });
});

describe("snooze and reopen", () => {
  it("snoozes to a future date within 90 days, moves the alert to Pospuestas, and reopening brings it back", async () => {
    const alert = await freshAlert();
    await expectActionError(snoozeAlertCommand(t.db, madrid, { alertId: alert.id, version: 1, until: TODAY }), "La fecha hasta la que posponer debe ser posterior a hoy.");
    await expectActionError(snoozeAlertCommand(t.db, madrid, { alertId: alert.id, version: 1, until: addDays(TODAY, 91) }), /Solo se puede posponer hasta 90 días/);
    expect(snoozeInput.safeParse({ alertId: 1, version: 1, until: "2026-02-31" }).success).toBe(false);

    const until = addDays(TODAY, 90);
    await snoozeAlertCommand(t.db, madrid, { alertId: alert.id, version: 1, until, notes: "De vacaciones" });
    const snoozed = await state(alert.id);
    expect(snoozed).toMatchObject({ status: "SNOOZED", version: 2 });
    expect(snoozed.openKey).not.toBeNull();
    expect(snoozed.snoozedUntil!.toISOString().slice(0, 10)).toBe(until);
    const tabs = (await getInboxPage(t.db, madrid, parseInboxQuery({ tab: "snoozed" }))).rows.map((row) => row.id);
    expect(tabs).toContain(alert.id);

    await reopenAlertCommand(t.db, madrid, { alertId: alert.id, version: 2 });
    expect(await state(alert.id)).toMatchObject({ status: "OPEN", version: 3, snoozedUntil: null });
    const pending = (await getInboxPage(t.db, madrid, parseInboxQuery({}))).rows.map((row) => row.id);
    expect(pending).toContain(alert.id);
    const events = await t.db.alertEvent.findMany({ where: { alertId: alert.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.type, event.fromStatus, event.toStatus])).toEqual([
      ["SNOOZED", "OPEN", "SNOOZED"],
      ["REOPENED", "SNOOZED", "OPEN"],
    ]);
  });

  it("reopening an attended alert restores its open key, unless another alert holds it", async () => {
    const alert = await freshAlert();
    const key = (await state(alert.id)).openKey;
    await attendAlertCommand(t.db, madrid, { alertId: alert.id, version: 1, channelUsed: "TELESALES", reached: true, result: "FOLLOW_UP" });
    await reopenAlertCommand(t.db, madrid, { alertId: alert.id, version: 2 });
    expect(await state(alert.id)).toMatchObject({ status: "OPEN", openKey: key, closedAt: null });

    await attendAlertCommand(t.db, madrid, { alertId: alert.id, version: 3, channelUsed: "TELESALES", reached: true, result: "LOST" });
    const row = await t.db.alert.findUniqueOrThrow({ where: { id: alert.id }, select: { clientId: true } });
    // The engine raised a new alert on the same key meanwhile.
    await seedAlert(t.db, { clientId: row.clientId, familyCode: "T1", motive: "CHURN_RISK", asOf: TODAY });
    await expectActionError(reopenAlertCommand(t.db, madrid, { alertId: alert.id, version: 4 }), /Ya hay otra alerta abierta/);
    expect(await state(alert.id)).toMatchObject({ status: "ATTENDED", version: 4 });
  });

  it("an open alert cannot be reopened", async () => {
    const alert = await freshAlert();
    await expectActionError(reopenAlertCommand(t.db, madrid, { alertId: alert.id, version: 1 }), /La alerta está abierta/);
  });
});
