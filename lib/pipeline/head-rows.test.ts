import { describe, expect, it } from "vitest";
import type { TrainingSet } from "@/lib/features";
import { headRows } from "./head-rows";
import { HEADS } from "./heads";

/** 10 rows per snapshot, one feature (= row number), buy_90d = row parity; row 3 of each snapshot unlabelled. */
function trainingSet(): TrainingSet {
  const snapshots = ["2024-01-31", "2024-03-01"];
  const n = 20;
  const buy = Float32Array.from({ length: n }, (_, r) => (r % 10 === 3 ? Number.NaN : r % 2));
  const none = new Float32Array(n).fill(Number.NaN);
  return {
    names: ["x"],
    features: Float32Array.from({ length: n }, (_, r) => r),
    keys: Array.from({ length: n }, (_, r) => ({ clientId: r % 10, familyCode: "C1" })),
    snapshots,
    snapshotOfRow: Uint16Array.from({ length: n }, (_, r) => (r < 10 ? 0 : 1)),
    labels: { buy_90d: buy, churn_90d: none, churn_180d: none, days_to_next: none, days_to_next_observed: none },
    lastSalesDate: "2024-12-31",
    timings: { prepareMs: 0, snapshots: [], totalMs: 0 },
  };
}

const buy = HEADS.find((h) => h.name === "BUY_90D")!;

describe("headRows", () => {
  it("takes the labelled rows of the wanted snapshots, in order", () => {
    const rows = headRows(trainingSet(), buy, ["2024-03-01"], [0], "2024-12-31");
    expect([...rows.rows]).toEqual([10, 11, 12, 14, 15, 16, 17, 18, 19]);
    expect([...rows.data]).toEqual([10, 11, 12, 14, 15, 16, 17, 18, 19]);
    expect([...rows.label]).toEqual([0, 1, 0, 0, 1, 0, 1, 0, 1]);
  });

  it("draws a row budget uniformly, kept in order and the same for the same seed", () => {
    const set = trainingSet();
    const all = headRows(set, buy, set.snapshots, [0], "2024-12-31");
    const sampled = headRows(set, buy, set.snapshots, [0], "2024-12-31", { maxRows: 7, seed: 5 });
    expect(sampled.rows.length).toBe(7);
    expect([...sampled.rows].every((r, i, a) => i === 0 || a[i - 1]! < r)).toBe(true);
    expect([...sampled.rows].every((r) => all.rows.includes(r))).toBe(true);
    expect([...sampled.data]).toEqual([...sampled.rows]);
    expect([...sampled.label]).toEqual([...sampled.rows].map((r) => r % 2));
    expect([...headRows(set, buy, set.snapshots, [0], "2024-12-31", { maxRows: 7, seed: 5 }).rows]).toEqual([...sampled.rows]);
    // A budget above the rows available changes nothing.
    expect([...headRows(set, buy, set.snapshots, [0], "2024-12-31", { maxRows: 100, seed: 5 }).rows]).toEqual([...all.rows]);
  });
});
