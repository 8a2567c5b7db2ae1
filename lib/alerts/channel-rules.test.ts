import { describe, expect, it } from "vitest";
import { DEFAULT_CHANNEL_RULES, matchChannelRule, responseDeadline, type ChannelRule } from "./channel-rules";

const match = (motive: ChannelRule["motive"] & string, priorityBand: "HIGH" | "MEDIUM" | "LOW", expectedImpact: number) =>
  matchChannelRule(DEFAULT_CHANNEL_RULES, { motive, priorityBand, expectedImpact });

describe("default channel rules (first match by position)", () => {
  it("HIGH churn risk with ≥ 1,000 € at stake → field visit in 5 days", () => {
    expect(match("CHURN_RISK", "HIGH", 1000)).toMatchObject({ channel: "FIELD_VISIT", responseDays: 5 });
  });

  it("HIGH churn risk with 999 € → the delegate calls in 3 days", () => {
    expect(match("CHURN_RISK", "HIGH", 999)).toMatchObject({ channel: "DELEGATE_CALL", responseDays: 3 });
  });

  it("low-value replenishment → marketing automation; medium → telesales", () => {
    expect(match("REPLENISHMENT", "LOW", 80)).toMatchObject({ channel: "MARKETING_AUTOMATION", responseDays: 7 });
    expect(match("REPLENISHMENT", "MEDIUM", 400)).toMatchObject({ channel: "TELESALES", responseDays: 5 });
  });

  it("anything else low → telesales in 10 days (the catch-all)", () => {
    expect(match("DETERIORATION", "LOW", 100)).toMatchObject({ channel: "TELESALES", responseDays: 10, position: 100 });
  });
});

describe("an edited rule table", () => {
  const rules: ChannelRule[] = [
    { id: 2, position: 20, motive: null, priorityBand: null, minImpact: null, channel: "TELESALES", responseDays: 9, description: "resto" },
    { id: 1, position: 10, motive: "CAPTURE", priorityBand: null, minImpact: 500, channel: "FIELD_VISIT", responseDays: 4, description: "captura" },
  ];

  it("is read by position, not by row order, and minImpact is inclusive", () => {
    expect(matchChannelRule(rules, { motive: "CAPTURE", priorityBand: "LOW", expectedImpact: 500 }).id).toBe(1);
    expect(matchChannelRule(rules, { motive: "CAPTURE", priorityBand: "LOW", expectedImpact: 499 }).id).toBe(2);
  });

  it("without a catch-all, an unmatched alert still gets the default catch-all", () => {
    expect(matchChannelRule([rules[1]], { motive: "REACTIVATION", priorityBand: "LOW", expectedImpact: 10 })).toMatchObject({
      channel: "TELESALES",
      responseDays: 10,
    });
  });
});

describe("response deadline", () => {
  it("responseDays after the window opens, never after it closes", () => {
    expect(responseDeadline("2025-10-15", "2025-10-29", 5)).toBe("2025-10-20");
    expect(responseDeadline("2025-10-15", "2025-10-17", 5)).toBe("2025-10-17");
  });
});
