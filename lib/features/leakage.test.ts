// No leakage: features as of D must not move, by a single bit, when lines dated after D arrive.
// Labels, which look after D, must move exactly as the new lines say.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/test-database";
import { computeFeatures } from "./compute-features";
import { computeLabels } from "./compute-labels";
import { buildTrainingSet } from "./build-training-set";
import { addDays } from "./dates";
import { SalesWorld, type WorldLine } from "./testing/sales-world";
import { rowOf } from "./testing/read-matrix";

const D = "2024-03-31";
const ago = (n: number) => addDays(D, -n);
const after = (n: number) => addDays(D, n);

let t: TestDatabase;
let pool: pg.Pool;
let world: SalesWorld;

const bytes = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

beforeAll(async () => {
  t = await createTestDatabase();
  pool = new pg.Pool({ connectionString: t.url, max: 2 });
  world = await new SalesWorld(pool).init();
  const families = ["C1", "C2", "T1", "T2"] as const;
  const lines: WorldLine[] = [];
  for (let c = 0; c < 12; c++) {
    await world.client(`K${c}`, { province: c % 3 === 0 ? null : String(10 + c).padStart(2, "0") });
    if (c % 2 === 0) await world.potential(`K${c}`, "C1", 500 + c * 100);
    if (c % 4 === 0) await world.potential(`K${c}`, "T1", 300);
    for (const [i, family] of families.entries()) {
      if ((c + i) % 3 === 2) continue;
      // A deterministic, irregular rhythm per pair over two and a half years before D.
      for (let day = 900 - ((c * 37 + i * 11) % 60); day >= 1; day -= 25 + ((c * 13 + i * 7 + day) % 70)) {
        lines.push({ client: `K${c}`, family, date: ago(day), value: 20 + ((c * 31 + day) % 90) + 0.37 });
      }
      lines.push({ client: `K${c}`, family, date: ago(5 + c), value: -12.5 });
      if (c % 5 === 0) lines.push({ client: `K${c}`, family, date: ago(40 + c), value: 0, units: 2 });
    }
  }
  // The data must extend past D + 180 before as well as after, so observability does not change.
  lines.push({ client: "K1", family: "C1", date: after(200), value: 10 });
  await world.campaign("X", ago(120), ago(100));
  await world.campaign("Y", after(10), after(40));
  await world.lines(lines);
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

describe("features as of D read nothing after D", () => {
  it("are bit-identical after lines dated after D are added, while labels change as expected", async () => {
    const before = await computeFeatures(pool, D);
    const labelsBefore = await computeLabels(pool, D);
    const quiet = world.id("K0");
    expect(labelsBefore.labels.buy_90d[rowOf(labelsBefore.keys, quiet, "C1")]).toBe(0);

    await world.client("NEW");
    await world.lines([
      { client: "K0", family: "C1", date: after(1), value: 500 }, // the day right after D
      { client: "K0", family: "C1", date: after(1), value: -40 },
      { client: "K0", family: "C1", date: after(2), value: 0, units: 5 },
      { client: "K0", family: "T1", date: after(3), value: 900 }, // K0 never bought T1 before D
      { client: "K2", family: "C1", date: after(45), value: 75 },
      { client: "K4", family: "T2", date: after(90), value: 60 },
      { client: "NEW", family: "C2", date: after(7), value: 33 },
      { client: "K7", family: "C2", date: after(400), value: 12 }, // moves the last sales date
    ]);

    const later = await computeFeatures(pool, D);
    expect(later.names).toEqual(before.names);
    expect(later.keys).toEqual(before.keys);
    expect(bytes(later.values).equals(bytes(before.values))).toBe(true);

    // The training-set path reads the same features for D.
    const stacked = await buildTrainingSet(pool, [D]);
    expect(bytes(stacked.features).equals(bytes(before.values))).toBe(true);

    const labelsAfter = await computeLabels(pool, D);
    expect(labelsAfter.keys).toEqual(labelsBefore.keys);
    expect(labelsAfter.lastSalesDate).toBe(after(400));
    const row = rowOf(labelsAfter.keys, quiet, "C1");
    expect(labelsAfter.labels.buy_90d[row]).toBe(1);
    expect(labelsAfter.labels.days_to_next[row]).toBe(1);
    expect(labelsAfter.labels.days_to_next_observed[row]).toBe(1);
    expect(labelsAfter.keys.some((k) => k.clientId === world.id("NEW"))).toBe(false);
    const k4 = rowOf(labelsAfter.keys, world.id("K4"), "T2");
    expect(labelsAfter.labels.buy_90d[k4]).toBe(1);
    expect(labelsAfter.labels.days_to_next[k4]).toBe(90);
    // Every change in buy_90d is one of the pairs the new lines touched.
    const touched = new Set([`${quiet}:C1`, `${world.id("K2")}:C1`, `${world.id("K4")}:T2`]);
    labelsAfter.keys.forEach((k, i) => {
      if (labelsAfter.labels.buy_90d[i] !== labelsBefore.labels.buy_90d[i]) expect(touched.has(`${k.clientId}:${k.familyCode}`)).toBe(true);
    });
  });
});
