// The managers' area data functions on a real PostgreSQL: KPI arithmetic on a hand-built set of
// alerts and events, scoping (a manager of one group of regions never sees another's figures), the
// drill-down doors (404 material), the weekly cohorts, and the per-version cache.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversionStats } from "../../lib/alerts";
import { loadActor, type Actor } from "../../lib/auth/load-actor";
import { createPgPool, type Pool } from "../../lib/db/pg-pool";
import { findScopedClient } from "../../lib/data/region/find-scoped-client";
import { findScopedDelegate } from "../../lib/data/region/find-scoped-delegate";
import { findScopedRegion } from "../../lib/data/region/find-scoped-region";
import { getClientActions, getClientAlerts } from "../../lib/data/region/get-client-alerts";
import { getClientPurchaseHistory } from "../../lib/data/region/get-client-purchase-history";
import { getDelegateClients } from "../../lib/data/region/get-delegate-clients";
import { getDelegateKpis } from "../../lib/data/region/get-delegate-kpis";
import { getRegionDelegates } from "../../lib/data/region/get-region-delegates";
import { getRegionOverview } from "../../lib/data/region/get-region-overview";
import { getWeeklyTrend, mondayOf } from "../../lib/data/region/get-weekly-trend";
import { seedDemoTeam } from "../../lib/seed/seed-demo-team";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { seedAlert, seedSalesRhythm } from "../helpers/seed-alerts";

const TODAY = "2026-03-10"; // a Tuesday
const AS_OF = "2026-03-09";
const BASE_CREATED = "2026-03-05T09:00:00Z";

let t: TestDatabase;
let pool: Pool;
let centro: Actor, este: Actor, admin: Actor;
let madridDelegateId: number, mancheDelegateId: number, barcelonaDelegateId: number;
let madridUserId: number;
const ids: Record<string, number> = {};

async function actorFor(email: string): Promise<Actor> {
  const user = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return (await loadActor(t.db, user.id))!;
}

async function delegateIdOf(email: string): Promise<{ delegateId: number; userId: number }> {
  const user = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true, delegate: { select: { id: true } } } });
  return { delegateId: user.delegate!.id, userId: user.id };
}

async function createdAt(alertId: number, iso: string): Promise<void> {
  await pool.query("UPDATE alert SET created_at = $2 WHERE id = $1", [alertId, iso]);
}

async function event(alertId: number, type: "ATTENDED" | "DISMISSED" | "SNOOZED", at: string, userId: number | null = madridUserId): Promise<void> {
  await t.db.alertEvent.create({ data: { alertId, type, userId, fromStatus: "OPEN", toStatus: type, createdAt: new Date(at), payload: { channelUsed: "TELESALES", result: "WON", notes: "ok" } } });
}

/** One purchase line of the client, attributed to the alert. */
async function attribute(alertId: number, clientId: number, familyCode: string): Promise<void> {
  await seedSalesRhythm(t.db, { clientId, familyCode, from: "2026-03-08", until: "2026-03-08", everyDays: 1, value: 123 });
  const line = await t.db.salesLine.findFirstOrThrow({ where: { clientId, familyCode, date: new Date("2026-03-08T00:00:00Z") }, orderBy: { id: "desc" }, select: { id: true } });
  await t.db.alertAttribution.create({ data: { alertId, salesLineId: line.id, amount: 123, daysAfter: 1 } });
}

beforeAll(async () => {
  t = await createTestDatabase();
  pool = createPgPool(t.url, 3);
  await seedDemoTeam(t.db);
  centro = await actorFor("gerente.centro@demo.sds"); // 08 Castilla-La Mancha, 11 Extremadura, 13 Madrid
  este = await actorFor("gerente.este@demo.sds"); // 04, 09 Cataluña, 10, 14
  admin = await actorFor("admin@demo.sds");
  ({ delegateId: madridDelegateId, userId: madridUserId } = await delegateIdOf("delegado.madrid@demo.sds"));
  mancheDelegateId = (await delegateIdOf("delegado.castilla-mancha@demo.sds")).delegateId;
  barcelonaDelegateId = (await delegateIdOf("delegado.barcelona@demo.sds")).delegateId;

  const client = async (externalId: string, provinceCode: string) =>
    (await t.db.client.create({ data: { externalId, postalCode: `${provinceCode}001`, provinceCode }, select: { id: true } })).id;
  ids.m1 = await client("280001", "28");
  ids.m2 = await client("280002", "28");
  ids.toledo = await client("450001", "45");
  ids.bcn = await client("080001", "08");

  const past = { contactFrom: "2026-02-28", contactUntil: "2026-03-20" }; // deadline 2026-03-07 < TODAY
  const now = { contactFrom: TODAY, contactUntil: "2026-03-24" }; // deadline 2026-03-17
  const m1 = { clientId: ids.m1, asOf: AS_OF };
  ids.a1 = (await seedAlert(t.db, { ...m1, familyCode: "T1", motive: "CHURN_RISK", expectedImpact: 1000, ...past })).id;
  ids.a2 = (await seedAlert(t.db, { ...m1, familyCode: "T2", motive: "DETERIORATION", status: "SNOOZED", expectedImpact: 500, ...past })).id;
  ids.a3 = (await seedAlert(t.db, { ...m1, familyCode: "C1", motive: "REPLENISHMENT", expectedImpact: 300, band: "HIGH", ...now })).id;
  ids.a4 = (await seedAlert(t.db, { ...m1, familyCode: "C2", motive: "CAPTURE", status: "ATTENDED", expectedImpact: 700, ...now })).id;
  ids.a5 = (await seedAlert(t.db, { ...m1, familyCode: "C2", motive: "REACTIVATION", status: "DISMISSED", expectedImpact: 50, ...now })).id;
  ids.a6 = (await seedAlert(t.db, { ...m1, familyCode: "T1", motive: "CHURN_RISK", status: "EXPIRED", expectedImpact: 60, ...past })).id;
  ids.a9 = (await seedAlert(t.db, { ...m1, familyCode: "C1", motive: "CAPTURE", status: "ATTENDED", expectedImpact: 80, ...now })).id;
  // Control group: never work, only the comparison arm (1 converted of 3).
  ids.a7 = (await seedAlert(t.db, { ...m1, familyCode: "C1", motive: "DETERIORATION", heldOut: true, expectedImpact: 99999, ...past })).id;
  ids.a8 = (await seedAlert(t.db, { ...m1, familyCode: "T2", motive: "REPLENISHMENT", heldOut: true, status: "EXPIRED", ...now })).id;
  ids.a10 = (await seedAlert(t.db, { ...m1, familyCode: "C2", motive: "REPLENISHMENT", heldOut: true, status: "EXPIRED", ...now })).id;
  ids.b1 = (await seedAlert(t.db, { clientId: ids.toledo, asOf: AS_OF, familyCode: "C1", motive: "REPLENISHMENT", expectedImpact: 200, ...now })).id;
  // Another manager's region.
  ids.c1 = (await seedAlert(t.db, { clientId: ids.bcn, asOf: AS_OF, familyCode: "T1", motive: "CHURN_RISK", expectedImpact: 5000, ...past })).id;
  ids.c2 = (await seedAlert(t.db, { clientId: ids.bcn, asOf: AS_OF, familyCode: "C1", motive: "CAPTURE", status: "ATTENDED", expectedImpact: 900, ...now })).id;
  ids.c3 = (await seedAlert(t.db, { clientId: ids.bcn, asOf: AS_OF, familyCode: "C2", motive: "CAPTURE", heldOut: true, expectedImpact: 900, ...now })).id;

  await pool.query("UPDATE alert SET created_at = $1", [BASE_CREATED]);
  await createdAt(ids.a4, "2026-03-02T08:00:00Z");
  await createdAt(ids.a9, "2026-03-04T08:00:00Z");
  await createdAt(ids.a5, "2026-02-20T08:00:00Z");
  // First actions: a4 after 10 h; a5 after 30 h; a9 snoozed after 2 h, attended later (first = 2 h).
  await event(ids.a4, "ATTENDED", "2026-03-02T18:00:00Z");
  await event(ids.a5, "DISMISSED", "2026-02-21T14:00:00Z");
  await event(ids.a9, "SNOOZED", "2026-03-04T10:00:00Z");
  await event(ids.a9, "ATTENDED", "2026-03-06T10:00:00Z");
  await event(ids.c2, "ATTENDED", "2026-03-05T10:00:00Z", null);
  // The engine's own events never count as a response.
  await t.db.alertEvent.create({ data: { alertId: ids.a1, type: "CREATED", toStatus: "OPEN", createdAt: new Date(BASE_CREATED) } });
  await t.db.alertEvent.create({ data: { alertId: ids.a6, type: "EXPIRED", fromStatus: "OPEN", toStatus: "EXPIRED", createdAt: new Date("2026-03-05T10:00:00Z") } });

  await attribute(ids.a4, ids.m1, "C2");
  await attribute(ids.a7, ids.m1, "C1");
  await attribute(ids.c2, ids.bcn, "C1");
  await seedSalesRhythm(t.db, { clientId: ids.m1, familyCode: "T1", from: "2025-04-15", until: "2026-02-15", everyDays: 30, value: 400 });
});

afterAll(async () => {
  await pool.end();
  await t.drop();
});

describe("KPI arithmetic", () => {
  it("computes the manager's totals from the hand-built alerts", async () => {
    const { total } = await getRegionOverview(pool, centro, { today: TODAY });
    expect(total).toEqual({
      openAlerts: 4, // a1, a2 (snoozed), a3, b1 — never the held-out a7
      eurosAtRisk: 1500, // a1 churn 1000 + a2 deterioration 500
      eurosOpportunity: 500, // a3 300 + b1 200
      attendRate: 0.5, // a4, a9 attended of a4, a5, a6, a9 closed
      closedAlerts: 4,
      medianResponseHours: 10, // 2 h (a9), 10 h (a4), 30 h (a5)
      actedAlerts: 3,
      conversionAttended: 0.5, // a4 of a4, a9
      attendedAlerts: 2,
      conversionControl: 1 / 3, // a7 of a7, a8, a10
      controlAlerts: 3,
      conversionLift: 0.5 - 1 / 3,
      overdueAlerts: 1, // a1 (deadline 7 Mar); a2 is snoozed
    });
  });

  it("splits the figures by community on the map, and by delegate in a community", async () => {
    const { regions } = await getRegionOverview(pool, centro, { today: TODAY });
    const madrid = regions.find((r) => r.code === "13")!;
    const mancha = regions.find((r) => r.code === "08")!;
    expect(madrid.kpis).toMatchObject({ openAlerts: 3, eurosAtRisk: 1500, eurosOpportunity: 300, overdueAlerts: 1 });
    expect(mancha.kpis).toMatchObject({ openAlerts: 1, eurosAtRisk: 0, eurosOpportunity: 200, attendRate: null, medianResponseHours: null });
    expect(regions.find((r) => r.code === "11")!.kpis?.openAlerts).toBe(0);

    const region = await getRegionDelegates(pool, centro, "13", { today: TODAY });
    expect(region!.region).toEqual({ code: "13", name: "Comunidad de Madrid" });
    expect(region!.total.openAlerts).toBe(3);
    expect(region!.delegates).toHaveLength(1);
    expect(region!.delegates[0]).toMatchObject({ delegateId: madridDelegateId, name: "Marta Madrid" });
    expect(region!.delegates[0]!.kpis).toEqual(region!.total);

    // A delegate with provinces but no alerts in the community is listed with zeros.
    const extremadura = await getRegionDelegates(pool, centro, "11", { today: TODAY });
    expect(extremadura!.delegates.map((d) => [d.delegateId, d.kpis.openAlerts])).toEqual([[mancheDelegateId, 0]]);
  });

  it("measures conversion exactly as the alert engine's conversionStats does", async () => {
    const kpis = await getDelegateKpis(pool, centro, madridDelegateId, { today: TODAY });
    const stats = await conversionStats(t.db, { delegateIds: [madridDelegateId] });
    expect(kpis.conversionAttended).toBe(stats.attended.conversionRate);
    expect(kpis.conversionControl).toBe(stats.heldOut.conversionRate);
    expect(kpis.attendedAlerts).toBe(stats.attended.alerts);
    expect(kpis.controlAlerts).toBe(stats.heldOut.alerts);
    expect(kpis.conversionLift).toBeCloseTo(stats.lift.attendedVsControlRateDiff!, 12);
  });

  it("counts weekly cohorts: created, of which attended and converted (control group excluded)", async () => {
    expect(mondayOf("2026-03-10")).toBe("2026-03-09");
    expect(mondayOf("2026-03-09")).toBe("2026-03-09");
    expect(mondayOf("2026-03-15")).toBe("2026-03-09");
    const weeks = await getWeeklyTrend(pool, centro, {}, { today: TODAY, weeks: 4 });
    expect(weeks).toEqual([
      { week: "2026-02-16", created: 1, attended: 0, converted: 0 }, // a5
      { week: "2026-02-23", created: 0, attended: 0, converted: 0 },
      { week: "2026-03-02", created: 7, attended: 2, converted: 1 }, // a4, a9 + a1, a2, a3, a6, b1
      { week: "2026-03-09", created: 0, attended: 0, converted: 0 },
    ]);
    const toledo = await getWeeklyTrend(pool, centro, { regionCode: "08" }, { today: TODAY, weeks: 2 });
    expect(toledo.map((w) => w.created)).toEqual([1, 0]); // b1
  });
});

describe("scoping", () => {
  it("never shows a manager another manager's figures", async () => {
    const overview = await getRegionOverview(pool, este, { today: TODAY });
    expect(overview.total).toMatchObject({ openAlerts: 1, eurosAtRisk: 5000, eurosOpportunity: 0, attendedAlerts: 1, controlAlerts: 1, overdueAlerts: 1 });
    expect(overview.regions).toHaveLength(19);
    for (const region of overview.regions) {
      const mine = ["04", "09", "10", "14"].includes(region.code);
      expect(region.inScope).toBe(mine);
      if (!mine) expect(region.kpis).toBeNull();
    }
    expect(overview.regions.find((r) => r.code === "09")!.kpis!.openAlerts).toBe(1);
    // The centro manager's totals do not include Barcelona's 5,000 € either.
    expect((await getRegionOverview(pool, centro, { today: TODAY })).regions.find((r) => r.code === "09")).toMatchObject({ inScope: false, kpis: null });
  });

  it("closes every drill-down door outside the scope", async () => {
    expect(findScopedRegion(este, "13")).toBeNull();
    expect(findScopedRegion(centro, "13")).toEqual({ code: "13", name: "Comunidad de Madrid" });
    expect(findScopedRegion(centro, "99")).toBeNull();
    expect(await getRegionDelegates(pool, este, "13", { today: TODAY })).toBeNull();

    expect(await findScopedDelegate(pool, este, madridDelegateId)).toBeNull();
    expect(await findScopedDelegate(pool, centro, barcelonaDelegateId)).toBeNull();
    expect(await findScopedDelegate(pool, centro, 999999)).toBeNull();
    const marta = await findScopedDelegate(pool, centro, madridDelegateId);
    expect(marta).toMatchObject({ id: madridDelegateId, name: "Marta Madrid", provinces: [{ code: "28", name: "Madrid", regionCode: "13" }] });
    // A delegate spanning two communities: the manager sees the provinces in their scope.
    const luis = await findScopedDelegate(pool, centro, mancheDelegateId);
    expect(luis!.provinces.map((p) => p.regionCode).sort()).toEqual(["08", "08", "08", "08", "08", "11", "11"]);
    expect(await findScopedDelegate(pool, admin, barcelonaDelegateId)).toMatchObject({ name: "Jordi Barcelona" });

    expect(await findScopedClient(pool, este, ids.m1)).toBeNull();
    expect(await findScopedClient(pool, centro, ids.bcn)).toBeNull();
    expect(await findScopedClient(pool, centro, ids.m1)).toMatchObject({
      externalId: "280001",
      province: { code: "28", name: "Madrid" },
      region: { code: "13", name: "Comunidad de Madrid" },
      delegate: { id: madridDelegateId, name: "Marta Madrid" },
    });
    expect(await findScopedClient(pool, admin, ids.bcn)).toMatchObject({ externalId: "080001" });

    // Even called directly, the scoped functions return nothing of another region.
    expect((await getDelegateClients(pool, este, madridDelegateId)).total).toBe(0);
    expect(await getDelegateKpis(pool, este, madridDelegateId, { today: TODAY })).toMatchObject({ openAlerts: 0, attendedAlerts: 0, controlAlerts: 0 });
    expect((await getWeeklyTrend(pool, este, { regionCode: "13" }, { today: TODAY, weeks: 4 })).every((w) => w.created === 0)).toBe(true);
  });

  it("gives an admin all of Spain", async () => {
    const { total, regions } = await getRegionOverview(pool, admin, { today: TODAY });
    expect(total).toMatchObject({ openAlerts: 5, eurosAtRisk: 6500, eurosOpportunity: 500, attendedAlerts: 3, controlAlerts: 4, overdueAlerts: 2 });
    expect(regions.every((r) => r.inScope && r.kpis)).toBe(true);
  });
});

describe("drill-down", () => {
  it("lists a delegate's clients, most € at stake first, with the last purchase", async () => {
    const page = await getDelegateClients(pool, centro, madridDelegateId, { pageSize: 1 });
    expect(page).toMatchObject({ total: 2, pages: 2, page: 1 });
    expect(page.rows).toEqual([
      { clientId: ids.m1, externalId: "280001", provinceName: "Madrid", openAlerts: 3, eurosAtStake: 1800, topBand: "HIGH", lastPurchase: "2026-03-08" },
    ]);
    const second = await getDelegateClients(pool, centro, madridDelegateId, { page: 2, pageSize: 1 });
    expect(second.rows).toEqual([{ clientId: ids.m2, externalId: "280002", provinceName: "Madrid", openAlerts: 0, eurosAtStake: 0, topBand: null, lastPurchase: null }]);
  });

  it("shows a client's purchases per family, alerts and actions, never the control group", async () => {
    const history = await getClientPurchaseHistory(pool, centro, ids.m1, { months: 12 });
    expect(history.families).toEqual(["C1", "C2", "T1", "T2"]);
    expect(history.months).toHaveLength(12);
    expect(history.months.at(-1)).toEqual({ month: "2026-03", byFamily: { C1: 123, C2: 123, T1: 0, T2: 0 } });
    expect(history.months.find((m) => m.month === "2026-02")!.byFamily.T1).toBe(400);
    expect(history.months[0]!.month).toBe("2025-04");
    expect(history.lastPurchase).toEqual({ C1: "2026-03-08", C2: "2026-03-08", T1: "2026-02-09" });

    const alerts = await getClientAlerts(pool, centro, ids.m1);
    expect(alerts.map((a) => a.id).sort((a, b) => a - b)).toEqual([ids.a1, ids.a2, ids.a3, ids.a4, ids.a5, ids.a6, ids.a9].sort((a, b) => a - b));
    expect(alerts.find((a) => a.id === ids.a4)!.attributedAmount).toBe(123);

    const actions = await getClientActions(pool, centro, ids.m1);
    expect(actions.map((a) => [a.alertId, a.type])).toEqual([
      [ids.a9, "ATTENDED"],
      [ids.a9, "SNOOZED"],
      [ids.a4, "ATTENDED"],
      [ids.a5, "DISMISSED"],
    ]);
    expect(actions[0]).toMatchObject({ userName: "Marta Madrid", payload: { channelUsed: "TELESALES" } });

    // Another manager gets nothing of that client, even calling these directly.
    expect(await getClientAlerts(pool, este, ids.m1)).toEqual([]);
    expect(await getClientActions(pool, este, ids.m1)).toEqual([]);
    expect(Object.keys((await getClientPurchaseHistory(pool, este, ids.m1)).lastPurchase)).toEqual([]);
  });
});

describe("cache", () => {
  it("serves fresh figures as soon as an alert event is written", async () => {
    const before = await getRegionOverview(pool, centro, { today: TODAY });
    await pool.query("UPDATE alert SET status = 'ATTENDED', open_key = NULL WHERE id = $1", [ids.a3]);
    // Without an event the version is unchanged: still the memoised figures…
    expect((await getRegionOverview(pool, centro, { today: TODAY })).total.openAlerts).toBe(before.total.openAlerts);
    // …and the event that every status change writes invalidates them.
    await event(ids.a3, "ATTENDED", "2026-03-10T12:00:00Z");
    const after = await getRegionOverview(pool, centro, { today: TODAY });
    expect(after.total.openAlerts).toBe(before.total.openAlerts - 1);
    expect(after.total.attendedAlerts).toBe(before.total.attendedAlerts + 1);
  });
});

describe("cache keys", () => {
  it("follows a province handed to another delegate at once", async () => {
    const before = await getDelegateClients(pool, centro, madridDelegateId);
    expect(before.total).toBe(2);
    await t.db.province.update({ where: { code: "28" }, data: { delegateId: mancheDelegateId } });
    try {
      expect((await getDelegateClients(pool, centro, madridDelegateId)).total).toBe(0);
      expect((await getDelegateClients(pool, centro, mancheDelegateId)).rows.map((r) => r.externalId)).toContain("280001");
    } finally {
      await t.db.province.update({ where: { code: "28" }, data: { delegateId: madridDelegateId } });
    }
  });
});
