import { describe, expect, it } from "vitest";
import { controlDraw, isHeldOut } from "./control-group";

describe("control group draw", () => {
  it("is deterministic per key and salt, and changes with the salt", () => {
    expect(controlDraw("1:C1:REPLENISHMENT", "s")).toBe(controlDraw("1:C1:REPLENISHMENT", "s"));
    expect(controlDraw("1:C1:REPLENISHMENT", "s")).not.toBe(controlDraw("1:C1:REPLENISHMENT", "t"));
  });

  it("holds out about the configured share (5 % of 20,000 keys within ±0.6 points)", () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `${i}:C${(i % 2) + 1}:CAPTURE`);
    const share = keys.filter((k) => isHeldOut(k, 0.05, "control-v1")).length / keys.length;
    expect(share).toBeGreaterThan(0.044);
    expect(share).toBeLessThan(0.056);
  });

  it("a share of 0 holds out nothing and 1 holds out everything", () => {
    expect(isHeldOut("1:C1:CAPTURE", 0, "s")).toBe(false);
    expect(isHeldOut("1:C1:CAPTURE", 1, "s")).toBe(true);
  });
});
