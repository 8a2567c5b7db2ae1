// Labels on their boundary days (D = 2024-06-30): a purchase on D is history, one on exactly D+90
// counts for the 90-day horizon, D+91 does not; churn exists only for pairs active at D.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/test-database";
import { computeFeatures } from "./compute-features";
import { computeLabels } from "./compute-labels";
import { addDays } from "./dates";
import { lastObservableSnapshot, observableHorizons } from "./observable-horizons";
import { SalesWorld } from "./testing/sales-world";
import { featureRow, rowOf } from "./testing/read-matrix";
import type { LabelName, LabelSet } from "./types";

const D = "2024-06-30";
const ago = (n: number) => addDays(D, -n);
const after = (n: number) => addDays(D, n);
const LAST = after(250);

let t: TestDatabase;
let pool: pg.Pool;
let world: SalesWorld;
let labels: LabelSet;

function labelsOf(set: LabelSet, client: string, family = "C1"): Record<LabelName, number> {
  const row = rowOf(set.keys, world.id(client), family);
  return Object.fromEntries(Object.entries(set.labels).map(([name, values]) => [name, values[row]])) as Record<LabelName, number>;
}

beforeAll(async () => {
  t = await createTestDatabase();
  pool = new pg.Pool({ connectionString: t.url, max: 2 });
  world = await new SalesWorld(pool).init();
  for (const c of ["L1", "L2", "L3", "L4", "L5", "L9"]) await world.client(c);
  await world.lines([
    { client: "L1", family: "C1", date: ago(30), value: 10 },
    { client: "L1", family: "C1", date: D, value: 10 }, // on D: history, not label
    { client: "L1", family: "C1", date: after(90), value: 10 }, // exactly D+90: inside the horizon
    { client: "L2", family: "C1", date: ago(30), value: 10 },
    { client: "L2", family: "C1", date: ago(10), value: 10 },
    { client: "L2", family: "C1", date: after(91), value: 10 }, // one day too late for 90d
    { client: "L3", family: "C1", date: ago(10), value: 10 }, // one purchase day: not active; never again
    { client: "L4", family: "C1", date: ago(365), value: 10 }, // D−365 is outside (D−365, D]
    { client: "L4", family: "C1", date: ago(364), value: 10 },
    { client: "L4", family: "C1", date: after(180), value: 10 },
    { client: "L5", family: "C1", date: ago(100), value: 10 },
    { client: "L5", family: "C1", date: ago(50), value: 10 },
    { client: "L5", family: "C1", date: after(180), value: 10 }, // exactly D+180
    { client: "L5", family: "C1", date: after(30), value: 0, units: 1 }, // a replacement is not a purchase
    { client: "L9", family: "C2", date: after(200), value: 10 },
    { client: "L9", family: "C2", date: LAST, value: -10 }, // the last sales date, whatever the kind
  ]);
  labels = await computeLabels(pool, D);
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

describe("computeLabels", () => {
  it("labels the same rows, in the same order, as the feature matrix", async () => {
    const features = await computeFeatures(pool, D);
    expect(labels.keys).toEqual(features.keys);
    expect(labels.lastSalesDate).toBe(LAST);
    expect(featureRow(features, world.id("L1"), "C1").recency_days).toBe(0);
  });

  it("counts a purchase on exactly D+90 and not one on D+91", () => {
    expect(labelsOf(labels, "L1")).toEqual({ buy_90d: 1, churn_90d: 0, churn_180d: 0, days_to_next: 90, days_to_next_observed: 1 });
    expect(labelsOf(labels, "L2")).toEqual({ buy_90d: 0, churn_90d: 1, churn_180d: 0, days_to_next: 91, days_to_next_observed: 1 });
  });

  it("counts a purchase on exactly D+180 for churn_180d, and ignores free replacements", () => {
    expect(labelsOf(labels, "L5")).toEqual({ buy_90d: 0, churn_90d: 1, churn_180d: 0, days_to_next: 180, days_to_next_observed: 1 });
  });

  it("defines churn only for pairs active at D (≥ 2 purchase days in (D−365, D])", () => {
    const l3 = labelsOf(labels, "L3");
    const l4 = labelsOf(labels, "L4");
    expect(l3.buy_90d).toBe(0);
    expect(l3.churn_90d).toBeNaN();
    expect(l3.churn_180d).toBeNaN();
    expect(l4.churn_90d).toBeNaN();
    expect(l4.days_to_next).toBe(180);
  });

  it("censors days_to_next at the last sales date when there is no next purchase", () => {
    expect(labelsOf(labels, "L3")).toMatchObject({ days_to_next: 250, days_to_next_observed: 0 });
  });

  it("leaves labels whose horizon passes the last sales date undefined", async () => {
    expect(observableHorizons(D, LAST)).toEqual({ h90: true, h180: true, daysToNext: true });
    const late = addDays(LAST, -100);
    expect(observableHorizons(late, LAST)).toEqual({ h90: true, h180: false, daysToNext: true });
    expect(observableHorizons(addDays(LAST, -89), LAST).h90).toBe(false);
    expect(observableHorizons(LAST, LAST).daysToNext).toBe(false);
    expect(observableHorizons(D, null)).toEqual({ h90: false, h180: false, daysToNext: false });
    expect(lastObservableSnapshot(LAST, 90)).toBe(addDays(LAST, -90));

    const lateLabels = await computeLabels(pool, late);
    expect(lateLabels.observable).toEqual({ h90: true, h180: false, daysToNext: true });
    expect([...lateLabels.labels.churn_180d].every(Number.isNaN)).toBe(true);
    expect([...lateLabels.labels.buy_90d].some(Number.isNaN)).toBe(false);

    // On the last sales date nothing after D is observable, not even a censored wait.
    const atEnd = await computeLabels(pool, LAST);
    expect([...atEnd.labels.days_to_next].every(Number.isNaN)).toBe(true);
    expect([...atEnd.labels.days_to_next_observed].every(Number.isNaN)).toBe(true);
  });
});
