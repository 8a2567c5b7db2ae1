// Hand-computed features for a few clients whose purchase dates and amounts are chosen so every
// window, gap and ratio can be worked out on paper (D = 2024-06-30).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/test-database";
import { alertContextReader } from "./alert-context";
import { computeFeatures } from "./compute-features";
import { addDays, toEpochDay } from "./dates";
import { SalesWorld } from "./testing/sales-world";
import { featureRow, rowOf } from "./testing/read-matrix";
import type { FeatureMatrix } from "./types";

const D = "2024-06-30";
const ago = (n: number) => addDays(D, -n);
const f32 = (x: number) => Math.fround(x);

let t: TestDatabase;
let pool: pg.Pool;
let world: SalesWorld;
let matrix: FeatureMatrix;

beforeAll(async () => {
  t = await createTestDatabase();
  pool = new pg.Pool({ connectionString: t.url, max: 2 });
  world = await new SalesWorld(pool).init();
  await world.client("A", { province: "08" }); // Barcelona, Cataluña (09)
  await world.client("B", { province: null, registered: false });
  await world.client("C");
  await world.client("E");
  await world.potential("A", "C1", 1000);
  await world.potential("A", "C2", 20);
  await world.potential("B", "T1", 800);
  await world.potential("C", "C1", 0);
  await world.campaign("2024_1", ago(45), ago(35));
  await world.campaign("2024_2", ago(3), addDays(D, 10));
  await world.campaign("2025_1", addDays(D, 30), addDays(D, 60));
  await world.lines([
    // A × C1: purchase days D−400, D−300, D−100, D−40 (two lines), D−10.
    { client: "A", family: "C1", date: ago(400), value: 300 },
    { client: "A", family: "C1", date: ago(300), value: 80 },
    { client: "A", family: "C1", date: ago(100), value: 200 },
    { client: "A", family: "C1", date: ago(40), value: 50 },
    { client: "A", family: "C1", date: ago(40), value: 70, units: 3 },
    { client: "A", family: "C1", date: ago(10), value: 100 },
    { client: "A", family: "C1", date: ago(20), value: -50 }, // a return: a signal, not a purchase
    { client: "A", family: "C1", date: ago(5), value: 0, units: 2 }, // free replacement: not a purchase
    { client: "A", family: "C1", date: ago(3), value: 10, units: 0 }, // price correction: ignored
    { client: "A", family: "C1", date: addDays(D, 1), value: 999 }, // after D: invisible
    // A × C2: D−500 and exactly D−90 (outside the 90-day window, inside the 180-day one).
    { client: "A", family: "C2", date: ago(500), value: 60 },
    { client: "A", family: "C2", date: ago(90), value: 40 },
    // B: technical split T1 300 / T2 100 against one T1 potential of 800; C1 without potential.
    { client: "B", family: "T1", date: ago(30), value: 300 },
    { client: "B", family: "T2", date: ago(60), value: 100 },
    { client: "B", family: "C1", date: ago(7), value: 10 },
    // C: potential 0. E: only a return and a replacement in C2, never a purchase.
    { client: "C", family: "C1", date: ago(1), value: 25 },
    { client: "E", family: "C2", date: ago(15), value: -30 },
    { client: "E", family: "C2", date: ago(14), value: 0, units: 1 },
    { client: "E", family: "T1", date: addDays(D, 5), value: 80 },
  ]);
  matrix = await computeFeatures(pool, D);
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

describe("computeFeatures as of a date", () => {
  it("has one row per client × family bought on or before D, in key order", () => {
    const key = (c: string, f: string) => ({ clientId: world.id(c), familyCode: f });
    expect(matrix.asOf).toBe(D);
    expect(matrix.keys).toEqual([key("A", "C1"), key("A", "C2"), key("B", "C1"), key("B", "T1"), key("B", "T2"), key("C", "C1")]);
    expect(matrix.values.length).toBe(matrix.keys.length * matrix.names.length);
  });

  it("computes recency, windows, trends and the purchase rhythm of A × C1", () => {
    const a = featureRow(matrix, world.id("A"), "C1");
    const sd = Math.sqrt(((30 - 97.5) ** 2 + (60 - 97.5) ** 2 + (100 - 97.5) ** 2 + (200 - 97.5) ** 2) / 4);
    expect(a).toMatchObject({
      recency_days: 10, // not 5 (replacement) nor 3 (price correction)
      purchase_days_90: 2, purchase_days_180: 3, purchase_days_365: 4, purchase_days_730: 5, purchase_days_all: 5,
      purchase_value_90: 220, purchase_value_180: 420, purchase_value_365: 500, purchase_value_730: 800,
      trend_value_90: f32(1.1), trend_days_90: 2, trend_value_365: f32(500 / 300), trend_days_365: 4,
      gap_count: 4, gap_median_days: 80, gap_mean_days: 97.5, gap_cv: f32(sd / 97.5),
      overdue_ratio: 0.125, overdue_days: -70,
      order_value_mean_365: 125, order_value_mean_all: 160, last_order_value: 100,
      same_season_ly_days: 1, same_season_ly_value: 80,
      tenure_days: 500, family_tenure_days: 400,
      other_families_365: 1, other_families_recency_days: 90,
      is_technical: 0, family_c1: 1, family_c2: 0, family_t1: 0, family_t2: 0,
      province_code: 8, region_code: 9, client_unregistered: 0,
      last_purchase_epoch_day: toEpochDay(ago(10)),
    });
  });

  it("counts returns and replacements as signals without making them purchases", () => {
    const a = featureRow(matrix, world.id("A"), "C1");
    expect(a.returns_365).toBe(1);
    expect(a.return_value_share_365).toBe(f32(0.1));
    expect(a.replacements_365).toBe(1);
    // E only returned and got a replacement in C2: no purchase, no row.
    expect(matrix.keys.some((k) => k.clientId === world.id("E"))).toBe(false);
  });

  it("places purchases in campaign windows and dates the last campaign end as of D", () => {
    const a = featureRow(matrix, world.id("A"), "C1");
    expect(a.campaign_day_share_730).toBe(f32(0.2)); // D−40 of 5 purchase days
    expect(a.last_purchase_in_campaign).toBe(0);
    expect(a.days_since_campaign_end).toBe(35); // 2024_2 is running; 2025_1 has not started
    expect(a.campaign_active).toBe(1);
  });

  it("keeps window boundaries half-open: D−90 is outside the 90-day window", () => {
    const c2 = featureRow(matrix, world.id("A"), "C2");
    expect(c2).toMatchObject({
      recency_days: 90, purchase_days_90: 0, purchase_days_180: 1, purchase_days_365: 1, purchase_days_730: 2,
      trend_value_90: 0, gap_count: 1, gap_median_days: 410, other_families_recency_days: 10,
    });
    expect(c2.gap_cv).toBeNaN();
    expect(c2.trend_value_365).toBe(f32(40 / 60)); // D−500 falls in the year before
    expect(featureRow(matrix, world.id("B"), "T1").trend_value_365).toBeNaN(); // nothing in the year before
  });

  it("computes share of wallet against the category potential and flags unreliable potentials", () => {
    const a = featureRow(matrix, world.id("A"), "C1");
    expect(a).toMatchObject({ potential_amount: 1000, category_purchase_value_365: 500, share_of_wallet_365: 0.5, family_share_of_category_365: 1, potential_unreliable: 0 });
    // Potential 20 below 40 bought: kept as 2.0 and flagged.
    expect(featureRow(matrix, world.id("A"), "C2")).toMatchObject({ share_of_wallet_365: 2, potential_unreliable: 1 });
    // Missing and zero potentials: no share of wallet, flagged.
    const missing = featureRow(matrix, world.id("B"), "C1");
    const zero = featureRow(matrix, world.id("C"), "C1");
    expect(missing.potential_amount).toBeNaN();
    expect(missing.share_of_wallet_365).toBeNaN();
    expect(missing.potential_unreliable).toBe(1);
    expect(zero.potential_amount).toBe(0);
    expect(zero.share_of_wallet_365).toBeNaN();
    expect(zero.potential_unreliable).toBe(1);
  });

  it("shares category T1's potential between families T1 and T2", () => {
    const t1 = featureRow(matrix, world.id("B"), "T1");
    const t2 = featureRow(matrix, world.id("B"), "T2");
    expect(t1).toMatchObject({ potential_amount: 800, category_purchase_value_365: 400, share_of_wallet_365: 0.5, family_share_of_category_365: 0.75, potential_unreliable: 0, is_technical: 1, family_t1: 1 });
    expect(t2).toMatchObject({ potential_amount: 800, category_purchase_value_365: 400, share_of_wallet_365: 0.5, family_share_of_category_365: 0.25, family_t2: 1 });
    expect(t1.province_code).toBeNaN();
    expect(t1.region_code).toBeNaN();
    expect(t1.client_unregistered).toBe(1);
    expect(t1.other_families_365).toBe(2);
  });

  it("reads the facts alerts quote by name", () => {
    const context = alertContextReader(matrix);
    expect(context(rowOf(matrix.keys, world.id("A"), "C1"))).toEqual({
      lastPurchaseDate: ago(10),
      medianGapDays: 80,
      potential: 1000,
      potentialUnreliable: false,
      purchasesLast365: 500,
      shareOfWallet: 0.5,
    });
    expect(context(rowOf(matrix.keys, world.id("B"), "C1"))).toMatchObject({ medianGapDays: null, potential: null, shareOfWallet: null, potentialUnreliable: true });
  });

  it("reads the same from a connection string, a pool or a connected client, leaving the client usable", async () => {
    const bytes = (m: FeatureMatrix) => Buffer.from(m.values.buffer);
    const fromUrl = await computeFeatures(t.url, D);
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      const fromClient = await computeFeatures(client, new Date(`${D}T00:00:00Z`));
      expect(bytes(fromUrl).equals(bytes(matrix))).toBe(true);
      expect(bytes(fromClient).equals(bytes(matrix))).toBe(true);
      // No transaction, setting or temp table is left behind on the caller's connection.
      const { rows } = await client.query("SELECT current_setting('work_mem') AS wm, now() = statement_timestamp() AS outside");
      expect(rows[0]).toEqual({ wm: "4MB", outside: true });
    } finally {
      await client.end();
    }
  });
});
