// The score and explanation stores against a real PostgreSQL: what the binary COPY writes is what was
// scored (NULL for what does not exist) and explained (the feature vector byte for byte, reasons
// with awkward text), a date's rows are replaced in one transaction, and an abandoned store leaves
// the previous ones.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/test-database";
import { featureValuesView } from "./feature-values-view";
import type { ScoreResult, ScoredRow } from "./score-as-of";
import { storeExplanations } from "./store-explanations";
import { openScoreStore, storeScores } from "./store-scores";

let t: TestDatabase;
let pool: pg.Pool;
let clients: number[];
let runId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  pool = new pg.Pool({ connectionString: t.url, max: 2 });
  clients = (await pool.query<{ id: number }>(`INSERT INTO client (external_id) VALUES ('A'), ('B') RETURNING id`)).rows.map((r) => r.id);
  runId = (await pool.query<{ id: number }>(`INSERT INTO pipeline_run (as_of, status, trigger) VALUES ('2025-06-30', 'RUNNING', 'CLI') RETURNING id`)).rows[0]!.id;
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

const NAMES = ["share_of_wallet_365", "potential_unreliable", "recency_days"];

function result(asOf: string, pBuy: number[]): ScoreResult {
  const features = new Float32Array([0.25, 0, 12, Number.NaN, 1, 3.5, 1.5, 0, Number.NaN]);
  const values = featureValuesView(NAMES, features);
  const keys = [
    { clientId: clients[0]!, familyCode: "C1" },
    { clientId: clients[0]!, familyCode: "T1" },
    { clientId: clients[1]!, familyCode: "C2" },
  ];
  const rows: ScoredRow[] = keys.map((key, i) => ({
    ...key,
    pBuy90d: pBuy[i]!,
    pChurn90d: i === 0 ? 0.125 : null,
    pChurn180d: null,
    expectedDaysToNext: i === 2 ? Number.NaN : 40.5,
    values: values(i),
    reasons: {
      buy: [{ feature: "recency_days", contribution: 0.5, text: `Tab\there, newline\nthere, "quotes", back\\slash, € ñ` }],
      churn: [],
    },
  }));
  return { asOf, names: NAMES, features, rows, timings: { onnxMs: 0, onnxBusyMs: 0, sinkMs: 0 } };
}

const read = async (asOf: string) =>
  (
    await pool.query(
      `SELECT client_id, family_code, pipeline_run_id, p_buy_90d, p_churn_90d, p_churn_180d, expected_days_to_next, segment::text AS segment,
              share_of_wallet, potential_unreliable
       FROM score WHERE as_of = $1 ORDER BY client_id, family_code`,
      [asOf],
    )
  ).rows;

describe("storeScores", () => {
  it("stores every column as scored: NULL where nothing exists", async () => {
    const scored = result("2025-06-30", [0.75, Number.NaN, 0.1]);
    const segments = ["LOYAL", null, "TECHNICAL"];
    const client = await pool.connect();
    try {
      expect(await storeScores(client, scored, runId, (i) => ({ segment: segments[i]! }))).toBe(3);
    } finally {
      client.release();
    }
    const rows = await read("2025-06-30");
    expect(rows.map((r) => [r.family_code, r.pipeline_run_id, r.p_buy_90d, r.p_churn_90d, r.p_churn_180d, r.expected_days_to_next, r.segment, r.share_of_wallet, r.potential_unreliable])).toEqual([
      ["C1", runId, 0.75, 0.125, null, 40.5, "LOYAL", 0.25, false],
      ["T1", runId, null, null, null, 40.5, null, null, true],
      ["C2", runId, 0.1, null, null, null, "TECHNICAL", 1.5, false],
    ]);
  });

  it("replaces a date's scores, and an abandoned store leaves them as they were", async () => {
    const client = await pool.connect();
    try {
      const store = await openScoreStore(client, "2025-06-30", runId, () => ({ segment: null }));
      store.write(result("2025-06-30", [0.9, 0.9, 0.9]), 0, 2);
      await store.abort(new Error("stopped"));
      expect((await read("2025-06-30")).map((r) => r.p_buy_90d)).toEqual([0.75, null, 0.1]);

      const again = await openScoreStore(client, "2025-06-30", runId, () => ({ segment: null }));
      await again.write(result("2025-06-30", [0.5, 0.5, 0.5]), 0, 3);
      expect(await again.end()).toBe(3);
      expect((await read("2025-06-30")).map((r) => r.p_buy_90d)).toEqual([0.5, 0.5, 0.5]);
    } finally {
      client.release();
    }
  });
});

describe("storeExplanations", () => {
  it("stores the float32 feature vector byte for byte and the reasons as phrased, replacing the date's", async () => {
    const scored = result("2025-06-30", [0.75, 0.5, 0.1]);
    const matrix = { asOf: scored.asOf, keys: scored.rows.map((r) => ({ clientId: r.clientId, familyCode: r.familyCode })), names: NAMES, values: scored.features };
    const client = await pool.connect();
    try {
      await storeExplanations(client, matrix, () => ({ buy: [], churn: [] }));
      const reasons = await storeExplanations(client, matrix, (i) => scored.rows[i]!.reasons);
      expect(reasons).toEqual(scored.rows.map((r) => r.reasons));
    } finally {
      client.release();
    }
    const rows = (
      await pool.query(`SELECT client_id, family_code, features, reasons FROM score_explanation WHERE as_of = $1 ORDER BY client_id, family_code`, ["2025-06-30"])
    ).rows;
    expect(rows.map((r) => r.family_code)).toEqual(["C1", "T1", "C2"]);
    for (const [i, row] of rows.entries()) {
      const stored = new Float32Array(new Uint8Array(row.features as Buffer).buffer.slice(0));
      expect([...stored]).toEqual([...scored.features.subarray(i * 3, i * 3 + 3)]);
      expect(row.reasons).toEqual(JSON.parse(JSON.stringify(scored.rows[i]!.reasons)));
    }
  });
});

describe("what the dropped foreign keys did, by trigger", () => {
  it("deleting a run leaves its scores without a run; deleting a client deletes its scores and explanations", async () => {
    const other = (await pool.query<{ id: number }>(`INSERT INTO pipeline_run (as_of, status, trigger) VALUES ('2025-07-31', 'RUNNING', 'CLI') RETURNING id`)).rows[0]!.id;
    const scored = result("2025-07-31", [0.2, 0.3, 0.4]);
    const client = await pool.connect();
    try {
      await storeScores(client, scored, other, () => ({ segment: null }));
      await storeExplanations(client, { asOf: scored.asOf, keys: scored.rows.map((r) => ({ clientId: r.clientId, familyCode: r.familyCode })), names: NAMES, values: scored.features }, (i) => scored.rows[i]!.reasons);
    } finally {
      client.release();
    }
    await pool.query("DELETE FROM pipeline_run WHERE id = $1", [other]);
    expect((await read("2025-07-31")).map((r) => r.pipeline_run_id)).toEqual([null, null, null]);
    expect((await read("2025-06-30")).every((r) => r.pipeline_run_id === runId)).toBe(true);

    await pool.query("DELETE FROM client WHERE id = $1", [clients[1]]);
    expect((await read("2025-07-31")).map((r) => r.family_code)).toEqual(["C1", "T1"]);
    const explained = await pool.query("SELECT DISTINCT client_id FROM score_explanation");
    expect(explained.rows.map((r) => r.client_id)).toEqual([clients[0]]);
  });
});
