// Priority, contact window, channel and deadline of whole drafts, worked by hand with the defaults:
// priority = impact × probability × urgency; bands HIGH ≥ 1,000, MEDIUM ≥ 250.
import { describe, expect, it } from "vitest";
import { DEFAULT_ALERT_SETTINGS as S } from "./alert-settings";
import { buildAlertDraft, buildAlertDrafts } from "./build-alert-drafts";
import { DEFAULT_CHANNEL_RULES } from "./channel-rules";
import { commodityPair, technicalPair } from "./testing/scored-pair-fixture";
import type { ScoredPair } from "./types";

const options = { settings: S, channelRules: DEFAULT_CHANNEL_RULES };
const draftOf = (pair: ScoredPair) => {
  const draft = buildAlertDraft(pair, options);
  if (!draft) throw new Error("expected a draft");
  return draft;
};

// The cases of evaluate-pair.test.ts, as drafts.
const replenishmentDueSoon = commodityPair({ clientId: 11, context: { recencyDays: 16 } });
const replenishmentOverdue = commodityPair({ clientId: 12, context: { recencyDays: 47 } });
const deterioration = commodityPair({
  clientId: 13,
  pBuy90d: 0.6,
  context: { value365: 5000, value365PrevYear: 8000, value90: 600, value90Prev: 1800, recencyDays: 16 },
});
const churn = technicalPair({ clientId: 14 });
const reactivation = commodityPair({
  clientId: 15,
  familyCode: "C2",
  pBuy90d: 0.15,
  potential: 5000,
  context: { lastPurchaseDate: "2025-03-01", recencyDays: 228, medianGapDays: 30, value365: 600, value365PrevYear: 2400, value90: 0, value90Prev: 0 },
});
const bigCapture = commodityPair({
  clientId: 16,
  pBuy90d: 0.8,
  potential: 40_000,
  context: { value365: 12_000, value365PrevYear: 12_800, medianGapDays: 30, recencyDays: 25 },
});

describe("priority = expected impact × probability × urgency", () => {
  it("replenishment due in 5 days: 470 € order × 0.9 × (1 − 5/14 = 0.64) = 270.72 → MEDIUM", () => {
    expect(draftOf(replenishmentDueSoon)).toMatchObject({
      motive: "REPLENISHMENT",
      expectedImpact: 470,
      conversionProbability: 0.9,
      urgency: 0.64,
      priorityScore: 270.72,
      priorityBand: "MEDIUM",
    });
  });

  it("replenishment overdue: urgency 1 → 470 × 0.9 = 423", () => {
    expect(draftOf(replenishmentOverdue)).toMatchObject({ urgency: 1, priorityScore: 423, priorityBand: "MEDIUM" });
  });

  it("deterioration: shortfall 2,000 − 600 = 1,400 € × 0.6 × (1 − 1/3 → 0.67) = 562.8", () => {
    expect(draftOf(deterioration)).toMatchObject({ expectedImpact: 1400, urgency: 0.67, priorityScore: 562.8, priorityBand: "MEDIUM" });
  });

  it("churn risk: 900 € at risk × pChurn 0.7 × ((2.13 − 1) / 2 → 0.57) = 359.1", () => {
    expect(draftOf(churn)).toMatchObject({ expectedImpact: 900, conversionProbability: 0.7, urgency: 0.57, priorityScore: 359.1 });
  });

  it("reactivation: 5,000 × 90/365 = 1,232.88 € × 0.15 × 0.3 = 55.48 → LOW", () => {
    expect(draftOf(reactivation)).toMatchObject({ expectedImpact: 1232.88, urgency: 0.3, priorityScore: 55.48, priorityBand: "LOW" });
  });

  it("capture of a 28,000 € gap: 6,904.11 € × 0.8 × 0.64 = 3,534.9 → HIGH", () => {
    expect(draftOf(bigCapture)).toMatchObject({ motive: "CAPTURE", expectedImpact: 6904.11, priorityScore: 3534.9, priorityBand: "HIGH" });
  });

  it("orders a mixed list by money at stake now", () => {
    const drafts = buildAlertDrafts([reactivation, replenishmentDueSoon, churn, bigCapture, replenishmentOverdue, deterioration], options);
    const ordered = [...drafts].sort((a, b) => b.priorityScore - a.priorityScore).map((d) => d.clientId);
    expect(ordered).toEqual([16, 13, 12, 14, 11, 15]);
  });
});

describe("contact window, channel and response deadline", () => {
  it("replenishment due 20 Oct: window 15 → 27 Oct; MEDIUM replenishment → telesales, answer by 20 Oct", () => {
    expect(draftOf(replenishmentDueSoon)).toMatchObject({
      contactFrom: "2025-10-15",
      contactUntil: "2025-10-27",
      channel: "TELESALES",
      responseDeadline: "2025-10-20",
    });
  });

  it("a reorder due in 12 days opens its window 7 days before the due date", () => {
    const d = draftOf(commodityPair({ context: { recencyDays: 9 } }));
    expect(d).toMatchObject({ contactFrom: "2025-10-20", contactUntil: "2025-11-03" });
  });

  it("churn risk: 14 days from today; MEDIUM → the delegate calls within 7 days", () => {
    expect(draftOf(churn)).toMatchObject({ contactFrom: "2025-10-15", contactUntil: "2025-10-29", channel: "DELEGATE_CALL", responseDeadline: "2025-10-22" });
  });

  it("HIGH churn risk with a lot at stake → field visit within 5 days", () => {
    const d = draftOf(technicalPair({ pChurn90d: 0.9, context: { meanOrderValue: 3000, lastPurchaseDate: "2025-05-01", recencyDays: 167 } }));
    expect(d).toMatchObject({ priorityBand: "HIGH", expectedImpact: 3000, channel: "FIELD_VISIT", responseDeadline: "2025-10-20" });
    expect(d.priorityScore).toBe(2700);
  });

  it("low-value reactivation → marketing automation within 14 days", () => {
    expect(draftOf(reactivation)).toMatchObject({ contactUntil: "2025-11-14", channel: "MARKETING_AUTOMATION", responseDeadline: "2025-10-29" });
  });

  it("big capture → field visit within 7 days", () => {
    expect(draftOf(bigCapture)).toMatchObject({ channel: "FIELD_VISIT", responseDeadline: "2025-10-22" });
  });
});

describe("reasons and trace", () => {
  it("rule reasons first, then the segment, then the top model reasons by absolute contribution", () => {
    const pair = commodityPair({
      context: { recencyDays: 47 },
      reasons: [
        { feature: "recency_days", contribution: 0.2, text: "Hace tiempo que no compra." },
        { feature: "overdue_ratio", contribution: -0.9, text: "Va con retraso respecto a su ritmo." },
        { feature: "gap_cv", contribution: 0.05, text: "Compra con regularidad." },
        { feature: "tenure_days", contribution: 0.5, text: "Cliente antiguo." },
      ],
    });
    const d = draftOf(pair);
    expect(d.reasons.map((r) => `${r.source}:${r.code}`)).toEqual([
      "rule:replenishment.overdue",
      "rule:segment.loyal",
      "model:overdue_ratio",
      "model:tenure_days",
      "model:recency_days",
    ]);
    expect(d.reasons[1].text).toBe("Cliente fiel en Familia C1: nos compra el 80 % de su potencial (el año anterior, el 85 %).");
  });

  it("an unreliable potential is said out loud, and the segment comes from history", () => {
    const d = draftOf(commodityPair({ potential: 0, potentialUnreliable: true, shareOfWallet: null, context: { recencyDays: 47 } }));
    expect(d.segment).toBe("LOYAL");
    expect(d.trace.segment.method).toBe("history");
    expect(d.reasons.map((r) => r.code)).toContain("potential.unreliable");
  });

  it("the trace records every check with value and threshold, the priority factors and the channel rule", () => {
    const d = draftOf(churn);
    expect(d.key).toBe("14:T1:CHURN_RISK");
    expect(d.trace.checks).toContainEqual({ rule: "churnRisk.pChurn90d", value: 0.7, op: ">=", threshold: 0.5, passed: true });
    expect(d.trace.checks).toContainEqual({ rule: "churnRisk.silenceDays", value: 96, op: ">=", threshold: 30, passed: true });
    expect(d.trace.pauseDays).toEqual({ AUGUST: 31 });
    expect(d.trace.priority).toMatchObject({ impactBasis: expect.any(String), conversionBasis: "pChurn90d", score: 359.1 });
    expect(d.trace.channel).toMatchObject({ position: 70, responseDays: 7 });
    expect(d.trace.inputs).toMatchObject({ recencyDays: 127, medianGapDays: 45, pChurn90d: 0.7 });
  });

  it("is pure: the same input gives the same drafts", () => {
    const pairs = [churn, bigCapture, replenishmentDueSoon];
    expect(buildAlertDrafts(pairs, options)).toEqual(buildAlertDrafts(pairs, options));
  });
});
