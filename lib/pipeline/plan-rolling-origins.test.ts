import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/features";
import { HEADS } from "./heads";
import { originSnapshotDates, planRollingOrigins } from "./plan-rolling-origins";

const AS_OF = "2025-12-12";

describe("planRollingOrigins", () => {
  it("places K origins `spacing` days apart, the latest at the last observable label date", () => {
    const origins = planRollingOrigins(AS_OF, { horizonDays: 90 }, { origins: 4, spacingDays: 90 }).map((o) => o.origin);
    // 2025-12-12 − 90 = 2025-09-13, then every 90 days back.
    expect(origins).toEqual(["2024-12-17", "2025-03-17", "2025-06-15", "2025-09-13"]);
    const longer = planRollingOrigins(AS_OF, { horizonDays: 180 }, { origins: 2, spacingDays: 60 }).map((o) => o.origin);
    expect(longer).toEqual(["2025-04-16", "2025-06-15"]);
  });

  it("the latest origin is the pipeline's own holdout, with the same training and validation snapshots", async () => {
    const { planSnapshots } = await import("./plan-snapshots");
    for (const head of HEADS) {
      const latest = planRollingOrigins(AS_OF, head, { origins: 3 }).at(-1)!;
      const pipeline = planSnapshots(AS_OF, head);
      expect(latest).toEqual({ origin: pipeline.holdout, train: pipeline.train, valid: pipeline.valid });
    }
  });

  it("never fits on a label window that reaches past the origin, nor evaluates one past the as-of date", () => {
    for (const head of HEADS) {
      for (const p of planRollingOrigins(AS_OF, head, { origins: 6, spacingDays: 45 })) {
        const end = (d: string) => addDays(d, head.horizonDays);
        expect(p.train.every((d) => end(d) <= p.valid)).toBe(true);
        expect(end(p.valid) <= p.origin).toBe(true);
        expect(end(p.origin) <= AS_OF).toBe(true);
        expect(p.train.length).toBe(8);
      }
    }
  });

  it("merges every origin's dates once, and refuses nonsense", () => {
    const plans = HEADS.map((h) => planRollingOrigins(AS_OF, h, { origins: 4 }));
    const dates = originSnapshotDates(plans);
    expect(dates).toEqual([...new Set(dates)].sort());
    for (const head of plans) for (const p of head) expect(dates).toEqual(expect.arrayContaining([p.origin, p.valid, ...p.train]));
    expect(() => planRollingOrigins(AS_OF, { horizonDays: 90 }, { origins: 0 })).toThrow(RangeError);
    expect(() => planRollingOrigins(AS_OF, { horizonDays: 90 }, { origins: 2, spacingDays: 0 })).toThrow(RangeError);
  });
});
