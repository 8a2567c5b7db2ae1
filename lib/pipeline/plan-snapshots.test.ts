import { describe, expect, it } from "vitest";
import { allSnapshotDates, planSnapshots } from "./plan-snapshots";

describe("planSnapshots", () => {
  it("orders stages so every label window ends before the next stage starts", () => {
    const plan = planSnapshots("2025-12-31", { horizonDays: 90 }, { snapshots: 3, stepDays: 30 });
    expect(plan.holdout).toBe("2025-10-02");
    expect(plan.valid).toBe("2025-07-04");
    expect(plan.train).toEqual(["2025-02-04", "2025-03-06", "2025-04-05"]);
    expect(plan.refit).toEqual(["2025-08-03", "2025-09-02", "2025-10-02"]);
    // train labels end ≤ valid; valid labels end ≤ holdout; holdout labels end ≤ as-of
    const plus90 = (d: string) => new Date(Date.parse(d) + 90 * 864e5).toISOString().slice(0, 10);
    expect(plan.train.every((d) => plus90(d) <= plan.valid)).toBe(true);
    expect(plus90(plan.valid) <= plan.holdout).toBe(true);
    expect(plus90(plan.holdout) <= "2025-12-31").toBe(true);
    expect(plan.refit.every((d) => plus90(d) <= "2025-12-31")).toBe(true);
  });

  it("merges the dates of several heads without duplicates", () => {
    const a = planSnapshots("2025-12-31", { horizonDays: 90 }, { snapshots: 2, stepDays: 90 });
    const b = planSnapshots("2025-12-31", { horizonDays: 180 }, { snapshots: 2, stepDays: 90 });
    const dates = allSnapshotDates([a, b]);
    expect(dates).toEqual([...new Set(dates)].sort());
    expect(dates).toContain(a.holdout);
    expect(dates).toContain(b.holdout);
  });
});
