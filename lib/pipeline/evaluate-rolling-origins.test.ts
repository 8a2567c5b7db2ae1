// Rolling origins on a small synthetic world in a real PostgreSQL: the origins and their dates, the
// rule's figures recomputed independently from the feature and label queries, no leakage (sales
// inside an origin's evaluated window change its labels but not one bit of what was fitted there),
// and the stored result.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/test-database";
import { addDays, computeFeatures, computeLabels } from "@/lib/features";
import { fillSyntheticSales } from "@/lib/features/testing/fill-synthetic-sales";
import { recencyCadenceScore, rocAuc, averagePrecision, createFeatureMatrix } from "@/ml";
import { evaluateRollingOrigins, isEvaluated, type OriginScores, type RollingOriginEvaluation } from "./evaluate-rolling-origins";
import { HEADS } from "./heads";
import { planRollingOrigins } from "./plan-rolling-origins";
import { ROLLING_ORIGINS_KEY, storeRollingOrigins } from "./store-rolling-origins";

let t: TestDatabase;
let pool: pg.Pool;
let last: string;
let first: RollingOriginEvaluation;
const firstScores: OriginScores[] = [];
const OPTIONS = { origins: 2, spacingDays: 90, training: { nRounds: 15, threads: 1 } };
const BINARY = HEADS.filter((h) => h.binary);

beforeAll(async () => {
  t = await createTestDatabase({ referenceData: false });
  await fillSyntheticSales(t.url, { clients: 120, seed: 0.3 });
  pool = new pg.Pool({ connectionString: t.url, max: 2 });
  last = (await pool.query<{ d: string }>("SELECT max(date)::text AS d FROM sales_line")).rows[0]!.d;
  first = await evaluateRollingOrigins(pool, { ...OPTIONS, onOriginScores: (s) => firstScores.push(s) });
}, 120_000);
afterAll(async () => {
  await pool.end();
  await t.drop();
});

describe("evaluateRollingOrigins", () => {
  it("evaluates every binary head at its planned origins, as of the last sales date", () => {
    expect(first.asOf).toBe(last);
    expect(first.heads.map((h) => h.head)).toEqual(BINARY.map((h) => h.name));
    for (const [i, head] of first.heads.entries()) {
      const plan = planRollingOrigins(last, BINARY[i]!, OPTIONS);
      expect(head.origins.map((o) => o.origin)).toEqual(plan.map((p) => p.origin));
      expect(head.origins.every(isEvaluated)).toBe(true);
      expect(head.summary.model.auc.n).toBe(2);
    }
  });

  it("reports rows, positives and the recency/cadence rule exactly as the label and feature queries give them", async () => {
    for (const [i, head] of first.heads.entries()) {
      const def = BINARY[i]!;
      for (const o of head.origins.filter(isEvaluated)) {
        const [features, labels] = await Promise.all([computeFeatures(pool, o.origin), computeLabels(pool, o.origin)]);
        const width = features.names.length;
        const label = labels.labels[def.label];
        const rows = [...label.keys()].filter((r) => !Number.isNaN(label[r]!));
        const data = new Float32Array(rows.length * width);
        rows.forEach((r, j) => data.set(features.values.subarray(r * width, (r + 1) * width), j * width));
        const due = recencyCadenceScore(createFeatureMatrix(data, rows.length, features.names), {
          daysSinceLastColumn: features.names.indexOf("recency_days"),
          medianGapColumn: features.names.indexOf("gap_median_days"),
          horizonDays: def.horizonDays,
        });
        const rule = def.name === "BUY_90D" ? due : due.map((p) => 1 - p);
        const y = rows.map((r) => label[r]!);
        expect(o.rows).toBe(rows.length);
        expect(o.positives).toBe(y.filter((v) => v === 1).length);
        expect(o.metrics.recencyCadence.auc).toBeCloseTo(rocAuc(rule, y), 10);
        expect(o.metrics.recencyCadence.averagePrecision).toBeCloseTo(averagePrecision(rule, y), 10);
      }
    }
  });

  it("fits nothing on the window it is judged on: new sales after an origin change its labels, not its model", async () => {
    const earliest = (name: string) => first.heads.find((h) => h.head === name)!.origins[0]!.origin;
    // After every head's earliest origin, inside each one's evaluated window.
    const day = addDays(BINARY.map((h) => earliest(h.name)).sort().at(-1)!, 10);
    await pool.query(
      `INSERT INTO sales_line (line_key, invoice_number, date, client_id, product_id, family_code, units, value, kind, import_id)
       SELECT gen_random_uuid(), 'X' || c.id, $1::date, c.id, p.id, 'C1', 1, 50, 'PURCHASE', (SELECT min(id) FROM import)
       FROM client c CROSS JOIN LATERAL (SELECT id FROM product WHERE family_code = 'C1' ORDER BY id LIMIT 1) p`,
      [day],
    );
    const again: OriginScores[] = [];
    await evaluateRollingOrigins(pool, { ...OPTIONS, asOf: last, onOriginScores: (s) => again.push(s) });
    for (const def of BINARY) {
      const before = firstScores.find((s) => s.head === def.name && s.origin === earliest(def.name))!;
      const after = again.find((s) => s.head === def.name && s.origin === earliest(def.name))!;
      expect(after.keys).toEqual(before.keys);
      expect(Array.from(after.scores.model)).toEqual(Array.from(before.scores.model));
      expect(Array.from(after.scores.logisticRegression)).toEqual(Array.from(before.scores.logisticRegression));
      // …while the labels it is judged on did see the new purchases.
      expect(Array.from(after.label)).not.toEqual(Array.from(before.label));
    }
  });

  it("stores the result as one JSON setting for the model cards", async () => {
    await storeRollingOrigins(pool, first);
    const { rows } = await pool.query<{ value: RollingOriginEvaluation }>("SELECT value FROM setting WHERE key = $1", [ROLLING_ORIGINS_KEY]);
    expect(rows[0]!.value.asOf).toBe(first.asOf);
    expect(rows[0]!.value.heads[0]!.origins).toHaveLength(2);
  });
});
