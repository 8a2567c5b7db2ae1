// Priority = expected € impact × probability × urgency, so a delegate's list is ordered by the money a
// contact is expected to move now. Every impact is in € over roughly the next quarter, so motives
// compare on one scale:
//
//   motive         impact (€)                                      probability          urgency (0..1)
//   REPLENISHMENT  mean order value (the order at stake)           pBuy90d              due-date urgency
//   CAPTURE        gap to potential × 90/365 (this quarter's       pBuy90d              due-date urgency,
//                  demand that goes to competitors)                                     0.5 without a due date
//   DETERIORATION  shortfall: max(same season last year,           pBuy90d (it still    clamp(1 − trend90, 0.3, 1)
//                  last year × 90/365) − last 90 days, ≥ mean      buys: reachable)
//                  order value
//   CHURN_RISK     value at risk: max(mean order value,            pChurn90d (how real  clamp((overdue ratio − 1) / 2,
//                  max(last 365, previous 365) × 90/365)           the loss is)          0.25, 1)
//   REACTIVATION   reference value × 90/365 (potential, or what    max(pBuy90d, 0.05)   0.3 (never urgent: long gone)
//                  it used to buy)
//
// due-date urgency = 1 when due today or overdue, falling linearly to 0.1 at the contact horizon and
// beyond: clamp(1 − daysToDue / horizon, 0.1, 1).
// Bands: HIGH when score ≥ highMin, MEDIUM when ≥ mediumMin, else LOW (settings.priorityBands).
import type { AlertSettings } from "./alert-settings";
import type { MotiveFacts } from "./rules/finding";
import type { PriorityBand, PriorityResult, ScoredPair } from "./types";

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const QUARTER = 90 / 365;

export function dueUrgency(daysToDue: number, horizonDays: number): number {
  if (daysToDue <= 0) return 1;
  return clamp(1 - daysToDue / Math.max(horizonDays, 1), 0.1, 1);
}

export function priorityBand(score: number, bands: AlertSettings["priorityBands"]): PriorityBand {
  if (score >= bands.highMin) return "HIGH";
  if (score >= bands.mediumMin) return "MEDIUM";
  return "LOW";
}

type Factors = Omit<PriorityResult, "score" | "band">;

function factors(pair: ScoredPair, facts: MotiveFacts, settings: AlertSettings): Factors {
  const c = pair.context;
  const horizon = settings.contactHorizonDays;
  switch (facts.motive) {
    case "REPLENISHMENT":
      return {
        expectedImpact: c.meanOrderValue,
        impactBasis: "meanOrderValue",
        conversionProbability: pair.pBuy90d,
        conversionBasis: "pBuy90d",
        urgency: dueUrgency(facts.daysToDue, horizon),
        urgencyBasis: `due in ${facts.daysToDue} days, horizon ${horizon}`,
      };
    case "CAPTURE":
      return {
        expectedImpact: facts.gap * QUARTER,
        impactBasis: "gapToPotential × 90/365",
        conversionProbability: pair.pBuy90d,
        conversionBasis: "pBuy90d",
        urgency: facts.daysToDue === null ? 0.5 : dueUrgency(facts.daysToDue, horizon),
        urgencyBasis: facts.daysToDue === null ? "no due date: 0.5" : `due in ${facts.daysToDue} days, horizon ${horizon}`,
      };
    case "DETERIORATION":
      return {
        expectedImpact: Math.max(facts.shortfall90, c.meanOrderValue),
        impactBasis: "max(baseline90 − value90, meanOrderValue)",
        conversionProbability: pair.pBuy90d,
        conversionBasis: "pBuy90d",
        urgency: clamp(1 - facts.trend90, 0.3, 1),
        urgencyBasis: `trend90 ${facts.trend90.toFixed(2)}`,
      };
    case "CHURN_RISK":
      return {
        expectedImpact: facts.valueAtRisk90,
        impactBasis: "max(meanOrderValue, max(value365, value365PrevYear) × 90/365)",
        conversionProbability: pair.pChurn90d ?? 0,
        conversionBasis: "pChurn90d",
        urgency: clamp((facts.overdueRatio - 1) / 2, 0.25, 1),
        urgencyBasis: `overdue ratio ${facts.overdueRatio.toFixed(2)}`,
      };
    case "REACTIVATION":
      return {
        expectedImpact: facts.referenceValue * QUARTER,
        impactBasis: "referenceValue × 90/365",
        conversionProbability: Math.max(pair.pBuy90d, 0.05),
        conversionBasis: "max(pBuy90d, 0.05)",
        urgency: 0.3,
        urgencyBasis: "lapsed: constant 0.3",
      };
  }
}

export function computePriority(pair: ScoredPair, facts: MotiveFacts, settings: AlertSettings): PriorityResult {
  const f = factors(pair, facts, settings);
  const round2 = (x: number) => Math.round(x * 100) / 100;
  const expectedImpact = round2(Math.max(0, f.expectedImpact));
  const conversionProbability = clamp(f.conversionProbability, 0, 1);
  const urgency = round2(f.urgency);
  const score = round2(expectedImpact * conversionProbability * urgency);
  return { ...f, expectedImpact, conversionProbability, urgency, score, band: priorityBand(score, settings.priorityBands) };
}
