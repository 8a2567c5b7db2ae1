import { describe, expect, it } from "vitest";
import type { TruthFamilyRow } from "@/lib/demo-world/true-labels";
import { judgeAgainstTruth, truthLostBy } from "./evaluate-against-truth";

const row = (clientId: string, churnDate: string | null, firstOrder = "2021-02-01"): TruthFamilyRow => ({
  clientId, family: "C1", segment: "loyal", shareOfWallet: 1, ordersPerYear: 6, meanGapDays: 60, firstOrder, churnDate, churnCause: churnDate ? "client" : null, deteriorationStart: null,
});

const D = "2025-06-15";
const families = [
  row("gone", "2025-05-01"), // churned before D: still lost by D + 90
  row("soon", "2025-09-13"), // exactly D + 90: inside
  row("late", "2025-09-14"), // one day after the horizon
  row("never", null),
  row("future", null, "2025-07-01"), // not a client yet at D
];

describe("truthLostBy", () => {
  it("counts a pair lost when its churn date is on or before D + h, already-gone pairs included", () => {
    const truth = truthLostBy(families, D, 90);
    expect(Object.fromEntries([...truth].map(([k, v]) => [k, v]))).toEqual({
      "gone:C1": { lost: true, gone: true },
      "soon:C1": { lost: true, gone: false },
      "late:C1": { lost: false, gone: false },
      "never:C1": { lost: false, gone: false },
    });
  });
});

describe("judgeAgainstTruth", () => {
  it("ranks the truly lost among matched pairs and measures the data label against them (worked by hand)", () => {
    const keys = ["gone", "soon", "late", "never", "unknown"].map((clientId) => ({ clientId, family: "C1" }));
    // Model: lost pairs 0.9 and 0.3, kept pairs 0.5 and 0.1 → 3 of 4 positive/negative pairs ordered: AUC 0.75.
    const model = [0.9, 0.3, 0.5, 0.1, 0.99];
    // Data label "no purchase in (D, D+90]": the gone pair and one ordinary silence; the pair churning at D+90 still bought.
    const label = [1, 0, 1, 0, 1];
    const j = judgeAgainstTruth({ head: "CHURN_90D", asOf: D, horizonDays: 90, keys, scores: { model }, label }, truthLostBy(families, D, 90));
    expect([j.pairs, j.lost, j.alreadyGone]).toEqual([4, 2, 1]);
    expect(j.scores.model!.auc).toBeCloseTo(0.75, 12);
    // AP: ranks 0.9 (lost) P=1, 0.5 (kept), 0.3 (lost) P=2/3 → (1 + 2/3) / 2
    expect(j.scores.model!.averagePrecision).toBeCloseTo(5 / 6, 12);
    expect(j.label!.positives).toBe(2);
    expect(j.label!.precision).toBeCloseTo(0.5, 12);
    expect(j.label!.recall).toBeCloseTo(0.5, 12);
    // label as a score: lost {1, 0}, kept {1, 0} → ties and inversions cancel: 0.5
    expect(j.label!.auc).toBeCloseTo(0.5, 12);
  });
});
