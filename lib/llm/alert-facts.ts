import "server-only";
// The only things about an alert that leave the server for the model: its features, scores,
// reasons, rule checks and sales aggregates. The client is named by its id and nothing else — no
// postal code, province, delegate, user or free-text notes (a note may name a person).
import type { AlertDetail } from "@/lib/data/inbox/get-alert-detail";

export interface AlertFacts {
  clientId: string;
  family: { code: string; label: string; block: "COMMODITY" | "TECHNICAL" };
  motive: string;
  asOf: string;
  priority: { band: string; score: number; expectedImpactEur: number; conversionProbability: number; urgency: number };
  contact: { from: string; until: string; responseDeadline: string | null; channel: string };
  reasons: { text: string; contribution: number | null }[];
  ruleChecks: { rule: string; detail: string | null; passed: boolean | null }[];
  scores: {
    segment: string | null;
    shareOfWallet: number | null;
    potentialYearly: number | null;
    potentialUnreliable: boolean;
    pBuy90d: number | null;
    pChurn90d: number | null;
    pChurn180d: number | null;
    expectedDaysToNext: number | null;
  };
  purchases: {
    lastPurchase: string | null;
    daysSinceLastPurchase: number | null;
    usualGapDays: number | null;
    last12Months: number;
    previous12Months: number;
    returnsLast12Months: number;
    purchaseDaysLast12Months: number;
    activeMonthsLast24: number;
    /** yyyy-mm → purchases, the last six months up to the alert's date. */
    lastSixMonths: { month: string; purchases: number; returns: number }[];
  };
  otherOpenAlerts: { familyCode: string; motive: string; band: string }[];
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const roundOrNull = (value: number | null, digits = 2) => (value === null ? null : round(value, digits));

export function buildAlertFacts(detail: AlertDetail): AlertFacts {
  const { alert, context, history } = detail;
  return {
    clientId: alert.clientExternalId,
    family: { code: alert.familyCode, label: alert.familyLabel, block: alert.familyBlock },
    motive: alert.motive,
    asOf: alert.asOf,
    priority: {
      band: alert.priorityBand,
      score: round(alert.priorityScore, 3),
      expectedImpactEur: Math.round(alert.expectedImpact),
      conversionProbability: round(alert.conversionProbability),
      urgency: round(alert.urgency),
    },
    contact: { from: alert.contactFrom, until: alert.contactUntil, responseDeadline: alert.responseDeadline, channel: alert.channel },
    reasons: detail.reasons.slice(0, 6).map((reason) => ({ text: reason.text, contribution: roundOrNull(reason.weight, 3) })),
    ruleChecks: detail.trace.steps.slice(0, 12),
    scores: {
      segment: context.segment,
      shareOfWallet: roundOrNull(context.shareOfWallet),
      potentialYearly: context.potential === null ? null : Math.round(context.potential),
      potentialUnreliable: context.potentialUnreliable,
      pBuy90d: roundOrNull(context.pBuy90d),
      pChurn90d: roundOrNull(context.pChurn90d),
      pChurn180d: roundOrNull(context.pChurn180d),
      expectedDaysToNext: roundOrNull(context.expectedDaysToNext, 0),
    },
    purchases: {
      lastPurchase: context.lastPurchase,
      daysSinceLastPurchase: context.daysSinceLastPurchase,
      usualGapDays: context.usualGapDays,
      last12Months: Math.round(context.purchases12m),
      previous12Months: Math.round(context.purchasesPrev12m),
      returnsLast12Months: Math.round(context.returns12m),
      purchaseDaysLast12Months: context.purchaseDays12m,
      activeMonthsLast24: history.filter((month) => month.purchases > 0).length,
      lastSixMonths: history.slice(-6).map((month) => ({ month: month.month, purchases: Math.round(month.purchases), returns: Math.round(month.returns) })),
    },
    otherOpenAlerts: detail.otherOpenAlerts.map((other) => ({ familyCode: other.familyCode, motive: other.motive, band: other.priorityBand })),
  };
}
