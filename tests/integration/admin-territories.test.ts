// Territory changes on a real PostgreSQL: a province changing delegate moves its clients' open alerts
// (delegate_id + one REASSIGNED event each, in one transaction), never closed ones or other provinces';
// delegates → manager, managers → regions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../lib/auth/load-actor";
import { seedDemoTeam } from "../../lib/seed/seed-demo-team";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { madridTodayIso, seedAlert } from "../helpers/seed-alerts";

let t: TestDatabase;
let admin: Actor;
let commands: typeof import("../../lib/actions/admin/territory-commands");
let getTerritoryAdmin: typeof import("../../lib/data/admin/get-territories").getTerritoryAdmin;
const TODAY = madridTodayIso();

async function delegateId(email: string): Promise<number> {
  return (await t.db.delegate.findFirstOrThrow({ where: { user: { email } }, select: { id: true } })).id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  await seedDemoTeam(t.db);
  const user = await t.db.user.findUniqueOrThrow({ where: { email: "admin@demo.sds" }, select: { id: true } });
  admin = (await loadActor(t.db, user.id))!;
  commands = await import("../../lib/actions/admin/territory-commands");
  ({ getTerritoryAdmin } = await import("../../lib/data/admin/get-territories"));
});
afterAll(() => t.drop());

describe("province → delegate", () => {
  it("moves the open alerts of the province's clients to the new delegate, with REASSIGNED events", async () => {
    const asturias = await delegateId("delegado.cantabrico@demo.sds");
    const castilla = await delegateId("delegado.castilla-leon@demo.sds");
    const [oviedo, gijon, leon] = await Promise.all(
      [["330001", "33"], ["330002", "33"], ["240001", "24"]].map(([externalId, provinceCode]) =>
        t.db.client.create({ data: { externalId: externalId!, provinceCode }, select: { id: true } }),
      ),
    );
    const open = await seedAlert(t.db, { clientId: oviedo!.id, familyCode: "T1", motive: "CHURN_RISK", asOf: TODAY });
    const snoozed = await seedAlert(t.db, { clientId: gijon!.id, familyCode: "C1", motive: "REPLENISHMENT", asOf: TODAY, status: "SNOOZED", snoozedUntil: TODAY });
    const heldOut = await seedAlert(t.db, { clientId: gijon!.id, familyCode: "C2", motive: "CAPTURE", asOf: TODAY, heldOut: true });
    const attended = await seedAlert(t.db, { clientId: oviedo!.id, familyCode: "C2", motive: "CAPTURE", asOf: TODAY, status: "ATTENDED" });
    const otherProvince = await seedAlert(t.db, { clientId: leon!.id, familyCode: "T1", motive: "CHURN_RISK", asOf: TODAY });
    const before = await t.db.alert.findMany({ select: { id: true, delegateId: true, version: true } });
    expect(before.find((a) => a.id === open.id)?.delegateId).toBe(asturias);

    const result = await commands.assignProvinceDelegateCommand(t.db, admin, { provinceCode: "33", delegateId: castilla });
    expect(result).toEqual({ provinceCode: "33", fromDelegateId: asturias, toDelegateId: castilla, movedAlerts: 3 });

    const after = new Map((await t.db.alert.findMany({ select: { id: true, delegateId: true, version: true } })).map((a) => [a.id, a]));
    for (const moved of [open, snoozed, heldOut]) {
      expect(after.get(moved.id)?.delegateId).toBe(castilla);
      // Reassignment is not a status change: people's optimistic-concurrency version stays.
      expect(after.get(moved.id)?.version).toBe(before.find((a) => a.id === moved.id)?.version);
    }
    expect(after.get(attended.id)?.delegateId).toBe(asturias);
    expect(after.get(otherProvince.id)?.delegateId).toBe(asturias); // León is also his: it stays

    const events = await t.db.alertEvent.findMany({ where: { type: "REASSIGNED" }, orderBy: { alertId: "asc" } });
    expect(events.map((e) => e.alertId)).toEqual([open.id, snoozed.id, heldOut.id].sort((a, b) => a - b));
    const openEvent = events.find((e) => e.alertId === open.id)!;
    expect(openEvent).toMatchObject({ userId: admin.userId, fromStatus: "OPEN", toStatus: "OPEN" });
    expect(openEvent.payload).toEqual({ reason: "TERRITORY_CHANGE", provinceCode: "33", fromDelegateId: asturias, toDelegateId: castilla });
    expect(events.find((e) => e.alertId === snoozed.id)).toMatchObject({ fromStatus: "SNOOZED", toStatus: "SNOOZED" });
    expect((await t.db.province.findUniqueOrThrow({ where: { code: "33" } })).delegateId).toBe(castilla);

    // Saving the same assignment again moves nothing and writes no event.
    expect((await commands.assignProvinceDelegateCommand(t.db, admin, { provinceCode: "33", delegateId: castilla })).movedAlerts).toBe(0);
    expect(await t.db.alertEvent.count({ where: { type: "REASSIGNED" } })).toBe(3);

    // Unassigned: the open alerts belong to nobody until a delegate takes the province.
    expect((await commands.assignProvinceDelegateCommand(t.db, admin, { provinceCode: "33", delegateId: null })).movedAlerts).toBe(3);
    expect((await t.db.alert.findUniqueOrThrow({ where: { id: open.id } })).delegateId).toBeNull();
    await commands.assignProvinceDelegateCommand(t.db, admin, { provinceCode: "33", delegateId: asturias });

    const overview = await getTerritoryAdmin(t.db, admin);
    expect(overview.provinces.find((p) => p.code === "33")).toMatchObject({ delegateId: asturias, clients: 2, openAlerts: 3 });
    expect(overview.delegates.find((d) => d.id === asturias)?.openAlerts).toBe(4); // and León's
  });

  it("refuses unknown provinces and deactivated delegates, changing nothing", async () => {
    const valencia = await delegateId("delegado.valencia@demo.sds");
    await expect(commands.assignProvinceDelegateCommand(t.db, admin, { provinceCode: "99", delegateId: valencia })).rejects.toThrow("Esa provincia no existe.");
    await t.db.user.update({ where: { email: "delegado.valencia@demo.sds" }, data: { active: false } });
    await expect(commands.assignProvinceDelegateCommand(t.db, admin, { provinceCode: "46", delegateId: valencia })).rejects.toThrow("desactivado");
    await t.db.user.update({ where: { email: "delegado.valencia@demo.sds" }, data: { active: true } });
    const manager = await t.db.user.findUniqueOrThrow({ where: { email: "gerente.este@demo.sds" }, select: { id: true } });
    await expect(commands.assignProvinceDelegateCommand(t.db, admin, { provinceCode: "46", delegateId: manager.id * 1000 })).rejects.toThrow("Ese delegado no existe.");
  });

  it("two admins moving the same province at once: both applied in turn, each alert moved by one of them", async () => {
    const a = await delegateId("delegado.galicia@demo.sds");
    const b = await delegateId("delegado.norte@demo.sds");
    const client = await t.db.client.create({ data: { externalId: "150001", provinceCode: "15" }, select: { id: true } });
    const alert = await seedAlert(t.db, { clientId: client.id, familyCode: "T2", motive: "CHURN_RISK", asOf: TODAY });
    const results = await Promise.all([
      commands.assignProvinceDelegateCommand(t.db, admin, { provinceCode: "15", delegateId: b }),
      commands.assignProvinceDelegateCommand(t.db, admin, { provinceCode: "15", delegateId: b }),
    ]);
    expect(results.map((r) => r.movedAlerts).sort()).toEqual([0, 1]);
    expect((await t.db.alert.findUniqueOrThrow({ where: { id: alert.id } })).delegateId).toBe(b);
    expect(await t.db.alertEvent.count({ where: { alertId: alert.id, type: "REASSIGNED" } })).toBe(1);
    await commands.assignProvinceDelegateCommand(t.db, admin, { provinceCode: "15", delegateId: a });
  });
});

describe("delegates → manager and managers → regions", () => {
  it("puts a delegate in another manager's team and replaces a manager's regions", async () => {
    const madrid = await delegateId("delegado.madrid@demo.sds");
    const sur = await t.db.user.findUniqueOrThrow({ where: { email: "gerente.sur@demo.sds" }, select: { id: true } });
    await commands.assignDelegateManagerCommand(t.db, admin, { delegateId: madrid, managerId: sur.id });
    expect((await t.db.delegate.findUniqueOrThrow({ where: { id: madrid } })).managerId).toBe(sur.id);
    await expect(commands.assignDelegateManagerCommand(t.db, admin, { delegateId: madrid, managerId: admin.userId })).rejects.toThrow("Ese gerente no existe.");

    await commands.setManagerRegionsCommand(t.db, admin, { managerId: sur.id, regionCodes: ["01", "13", "13"] });
    const actor = (await loadActor(t.db, sur.id))!;
    expect(actor.regionCodes).toEqual(["01", "13"]);
    await expect(commands.setManagerRegionsCommand(t.db, admin, { managerId: sur.id, regionCodes: ["77"] })).rejects.toThrow("no existe");
    expect((await loadActor(t.db, sur.id))!.regionCodes).toEqual(["01", "13"]);
  });
});
