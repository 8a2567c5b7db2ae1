import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "../../lib/auth/load-actor";
import { scopeClients, scopeClientsSql } from "../../lib/auth/scope";
import { seedDemoTeam } from "../../lib/seed/seed-demo-team";
import { DEMO_DELEGATES, DEMO_MANAGERS } from "../../lib/seed/demo-team";
import { PROVINCES } from "../../lib/geo/spain";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoTeam(t.db);
  // Two clients in every province.
  await t.db.client.createMany({
    data: PROVINCES.flatMap((p) => [1, 2].map((n) => ({ externalId: `${p.code}${n}`, postalCode: `${p.code}00${n}`, provinceCode: p.code }))),
  });
});
afterAll(() => t.drop());

async function actorFor(email: string) {
  const user = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const actor = await loadActor(t.db, user.id);
  if (!actor) throw new Error("no actor");
  return actor;
}

async function visibleProvinces(email: string): Promise<string[]> {
  const actor = await actorFor(email);
  const viaPrisma = await t.db.client.findMany({ where: scopeClients(actor), select: { provinceCode: true } });
  const sql = scopeClientsSql(actor, "c");
  const viaSql = await t.db.$queryRawUnsafe<{ province_code: string }[]>(
    `SELECT c.province_code FROM client c WHERE ${sql.sql}`,
    ...sql.params,
  );
  const a = [...new Set(viaPrisma.map((c) => c.provinceCode!))].sort();
  const b = [...new Set(viaSql.map((c) => c.province_code))].sort();
  expect(b).toEqual(a);
  return a;
}

describe("client scope", () => {
  it("a delegate sees exactly the clients of their provinces", async () => {
    for (const delegate of DEMO_DELEGATES.slice(0, 4)) {
      expect(await visibleProvinces(delegate.email)).toEqual([...delegate.provinceCodes].sort());
    }
  });

  it("a manager sees exactly the clients of their autonomous communities", async () => {
    for (const manager of DEMO_MANAGERS) {
      const expected = PROVINCES.filter((p) => (manager.regionCodes as readonly string[]).includes(p.regionCode)).map((p) => p.code).sort();
      expect(await visibleProvinces(manager.email)).toEqual(expected);
    }
  });

  it("an admin sees every client", async () => {
    expect(await visibleProvinces("admin@demo.sds")).toHaveLength(52);
  });

  it("an inactive user has no actor, and a delegate without territory sees nothing", async () => {
    const user = await t.db.user.create({ data: { email: "x@demo.sds", name: "X", role: "DELEGATE", passwordHash: "x", active: false } });
    expect(await loadActor(t.db, user.id)).toBeNull();
    await t.db.user.update({ where: { id: user.id }, data: { active: true } });
    const actor = await loadActor(t.db, user.id);
    expect(actor?.delegateId).toBeNull();
    expect(await t.db.client.count({ where: scopeClients(actor!) })).toBe(0);
  });

  it("the demo team covers every province with exactly one delegate", async () => {
    const provinces = await t.db.province.findMany({ select: { delegateId: true } });
    expect(provinces).toHaveLength(52);
    expect(provinces.every((p) => p.delegateId !== null)).toBe(true);
  });

  it("seeding the demo team twice changes nothing", async () => {
    const before = await t.db.user.count();
    expect((await seedDemoTeam(t.db)).created).toBe(0);
    expect(await t.db.user.count()).toBe(before);
  });
});
