// The dictionary and the matrix are generated from one list; this pins that they stay one.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/test-database";
import { computeFeatures } from "./compute-features";
import { CONTEXT_FEATURES, FEATURE_NAMES, MODEL_FEATURES, featureDictionary, labelDictionary } from "./feature-dictionary";
import { featureQuery } from "./feature-query";
import { LABEL_NAMES, labelQuery } from "./label-definitions";
import { selectColumns } from "./select-columns";
import { SalesWorld } from "./testing/sales-world";

let t: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  t = await createTestDatabase();
  pool = new pg.Pool({ connectionString: t.url, max: 2 });
  const world = await new SalesWorld(pool).init();
  await world.client("A");
  await world.lines([{ client: "A", family: "T2", date: "2024-01-10", value: 12 }]);
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

describe("feature dictionary", () => {
  it("has an entry for every matrix column and a column for every entry", async () => {
    const matrix = await computeFeatures(pool, "2024-02-01");
    const dictionary = featureDictionary().map((e) => e.name);
    expect(matrix.names).toEqual(dictionary);
    expect(matrix.values.length).toBe(dictionary.length); // one row, every column decoded
    expect(new Set(dictionary).size).toBe(dictionary.length);
    // The same query with one named column per feature, as PostgreSQL returns it.
    const named = await pool.query({ text: featureQuery({ dailyActivity: "inline", layout: "named" }), values: ["2024-02-01"] });
    expect(named.fields.map((f) => f.name)).toEqual(["client_id", "family_code", ...dictionary]);
    const labels = await pool.query({ text: labelQuery("named"), values: ["2024-02-01", "2024-02-01"] });
    expect(labels.fields.map((f) => f.name)).toEqual(["client_id", "family_code", ...labelDictionary().map((l) => l.name)]);
  });

  it("explains every feature in Spanish and English with a formula and a unit, in snake_case", () => {
    for (const entry of featureDictionary()) {
      expect(entry.name).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(entry.es.length).toBeGreaterThan(10);
      expect(entry.en.length).toBeGreaterThan(10);
      expect(entry.formula.length).toBeGreaterThan(3);
      expect(entry.unit).toBeTruthy();
    }
    expect(labelDictionary().map((l) => l.name)).toEqual(LABEL_NAMES);
  });

  it("splits the columns into model inputs and context, with nothing in both", () => {
    expect([...MODEL_FEATURES, ...CONTEXT_FEATURES].sort()).toEqual([...FEATURE_NAMES].sort());
    expect(MODEL_FEATURES).not.toContain("last_purchase_epoch_day");
    expect(MODEL_FEATURES).toContain("recency_days");
  });

  it("selects the model inputs out of the matrix, in order", () => {
    const names = ["a", "b", "c"];
    const values = Float32Array.from([1, 2, 3, 4, 5, 6]);
    expect([...selectColumns(values, names, ["c", "a"])]).toEqual([3, 1, 6, 4]);
    expect(() => selectColumns(values, names, ["z"])).toThrow(/Unknown feature/);
  });
});
