// Model cards and switching a head's active version (one transaction: never two active, never none).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../lib/auth/load-actor";
import { seedDemoTeam } from "../../lib/seed/seed-demo-team";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let admin: Actor;
let activate: typeof import("../../lib/actions/admin/model-commands").activateModelVersionCommand;
let getModelHeads: typeof import("../../lib/data/admin/get-model-cards").getModelHeads;

const binary = (auc: number) => ({
  rows: 400,
  positives: 120,
  auc,
  averagePrecision: 0.6,
  precisionAt5: 0.8,
  precisionAt10: 0.75,
  brier: 0.15,
  logLoss: 0.45,
  calibration: [
    { lower: 0, upper: 0.1, meanPredicted: 0.05, observedRate: 0.04, count: 100 },
    { lower: 0.1, upper: 0.2, meanPredicted: 0.15, observedRate: 0, count: 0 },
    { lower: 0.9, upper: 1, meanPredicted: 0.93, observedRate: 0.9, count: 50 },
  ],
});

async function version(head: "BUY_90D" | "CHURN_90D", name: string, active: boolean, auc: number) {
  return t.db.modelVersion.create({
    data: {
      head,
      version: name,
      active,
      trainedAsOf: new Date("2025-10-01"),
      trainFrom: new Date("2024-10-01"),
      trainUntil: new Date("2025-07-01"),
      params: { nRounds: 120 },
      featureNames: ["recency_days", "purchase_days_90"],
      metrics: {
        head,
        trainRows: 3000,
        validRows: 400,
        holdoutRows: 400,
        bestRound: 41,
        snapshots: { train: ["2024-10-01", "2024-11-01"], valid: "2025-04-01", holdout: "2025-07-01", refit: ["2025-06-01", "2025-07-01"] },
        model: binary(auc),
        logisticRegression: binary(auc - 0.05),
        recencyCadence: { ...binary(auc - 0.1), calibration: undefined },
        importance: [
          { feature: "recency_days", meanAbsShap: 0.42 },
          { feature: "purchase_days_90", meanAbsShap: 0.2 },
        ],
      },
      onnx: Buffer.from([1, 2, 3]),
      trees: [],
    },
    select: { id: true },
  });
}

const activeOf = async (head: "BUY_90D" | "CHURN_90D") =>
  (await t.db.modelVersion.findMany({ where: { head, active: true }, select: { version: true } })).map((v) => v.version);

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  await seedDemoTeam(t.db);
  const user = await t.db.user.findUniqueOrThrow({ where: { email: "admin@demo.sds" }, select: { id: true } });
  admin = (await loadActor(t.db, user.id))!;
  ({ activateModelVersionCommand: activate } = await import("../../lib/actions/admin/model-commands"));
  ({ getModelHeads } = await import("../../lib/data/admin/get-model-cards"));
});
afterAll(() => t.drop());

describe("model versions", () => {
  it("switches the active version of one head, leaving the other heads alone", async () => {
    const old = await version("BUY_90D", "2025-09-01#1", false, 0.71);
    const current = await version("BUY_90D", "2025-10-01#2", true, 0.74);
    await version("CHURN_90D", "2025-10-01#2", true, 0.8);
    expect(await activate(t.db, admin, { versionId: old.id })).toMatchObject({ head: "BUY_90D", version: "2025-09-01#1" });
    expect(await activeOf("BUY_90D")).toEqual(["2025-09-01#1"]);
    expect(await activeOf("CHURN_90D")).toEqual(["2025-10-01#2"]);
    // Activating the active one again is harmless.
    await activate(t.db, admin, { versionId: old.id });
    expect(await activeOf("BUY_90D")).toEqual(["2025-09-01#1"]);
    await expect(activate(t.db, admin, { versionId: 999_999 })).rejects.toThrow("ya no existe");

    // Two admins switching at once: exactly one active version either way.
    await Promise.all([activate(t.db, admin, { versionId: old.id }), activate(t.db, admin, { versionId: current.id })]);
    expect(await activeOf("BUY_90D")).toHaveLength(1);
  });

  it("reads the card: both baselines, calibration bins, importance with the features' Spanish meaning, the window", async () => {
    const heads = await getModelHeads(t.db, admin);
    expect(heads.map((h) => h.head)).toEqual(["BUY_90D", "CHURN_90D", "CHURN_180D", "DAYS_TO_NEXT"]);
    const buy = heads[0]!;
    expect(buy.versions).toHaveLength(2);
    expect(buy.versions[0]!.active).toBe(true);
    expect(buy.card?.id).toBe(buy.versions[0]!.id);
    expect(buy.card?.comparison.map((c) => c.label)).toEqual(["model", "logisticRegression", "recencyCadence"]);
    expect(buy.card?.importance[0]).toEqual({ feature: "recency_days", meanAbsShap: 0.42, meaning: "Días desde la última compra de la familia." });
    expect(buy.card).toMatchObject({ trainFrom: "2024-10-01", trainUntil: "2025-07-01", trainedAsOf: "2025-10-01" });
    expect(heads[2]!.card).toBeNull();

    const other = buy.versions[1]!;
    const selected = await getModelHeads(t.db, admin, { head: "BUY_90D", versionId: other.id });
    expect(selected[0]!.card?.id).toBe(other.id);
  });
});
