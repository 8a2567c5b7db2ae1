// The loyalty segment of a client × commodity family: how much of its demand it brings to us.
//
// With a reliable potential, the segment comes from the share of wallet (purchases / potential) of
// the last 365 days AND of the 365 before, with hysteresis: entering a segment takes this year's share
// above the entry threshold, but a client that was in a better segment last year only leaves it when
// this year's share falls below a lower "stay" threshold. One bad quarter costs a loyal client at most a
// quarter of its yearly share, so it stays loyal; two bad years do not. Promotion is immediate (a client
// who really moved its purchases to us should get loyal-client alerts now, not in a year).
//
// With an unreliable potential (missing, zero, or below what the client actually buys) the share means
// nothing, so the segment comes from the client's own history: buying on many days a year is what
// regular consumption of a commodity looks like when most of it comes to us.
import type { AlertSettings } from "./alert-settings";
import type { RuleCheck, ScoredPair, Segment, SegmentResult } from "./types";

/**
 * What the segment is decided from: the scorer classifies every pair while it stores the scores,
 * so it hands in just these fields rather than a whole ScoredPair.
 */
export type SegmentInputs = Pick<ScoredPair, "block" | "potential" | "potentialUnreliable"> & {
  context: Pick<ScoredPair["context"], "value365" | "value365PrevYear" | "purchaseDays365">;
};

type SegmentSettings = AlertSettings["segments"];

function segmentOfShare(share: number, s: SegmentSettings): Segment {
  if (share >= s.loyalMinShare) return "LOYAL";
  if (share >= s.promiscuousMinShare) return "PROMISCUOUS";
  return "MARGINAL";
}

function fromShare(pair: SegmentInputs, s: SegmentSettings): SegmentResult {
  const potential = pair.potential!;
  const share365 = pair.context.value365 / potential;
  const sharePrev365 = pair.context.value365PrevYear > 0 ? pair.context.value365PrevYear / potential : null;
  // No purchases last year: nothing to hold on to, this year's share decides alone.
  const lastYear = sharePrev365 === null ? "MARGINAL" : segmentOfShare(sharePrev365, s);
  const checks: RuleCheck[] = [
    { rule: "segment.share365", value: share365, op: ">=", threshold: s.loyalMinShare, passed: share365 >= s.loyalMinShare },
    { rule: "segment.sharePrev365", value: sharePrev365, op: ">=", threshold: s.loyalMinShare, passed: (sharePrev365 ?? 0) >= s.loyalMinShare },
  ];
  let segment = segmentOfShare(share365, s);
  let heldByHysteresis = false;
  if (segment !== "LOYAL" && lastYear === "LOYAL" && share365 >= s.loyalStayShare) {
    segment = "LOYAL";
    heldByHysteresis = true;
  } else if (segment === "MARGINAL" && lastYear !== "MARGINAL" && share365 >= s.promiscuousStayShare) {
    segment = "PROMISCUOUS";
    heldByHysteresis = true;
  }
  if (heldByHysteresis) {
    const stay = segment === "LOYAL" ? s.loyalStayShare : s.promiscuousStayShare;
    checks.push({ rule: "segment.hysteresis.stayShare", value: share365, op: ">=", threshold: stay, passed: true });
  }
  return { segment, method: "share", share365, sharePrev365, heldByHysteresis, checks };
}

function fromHistory(pair: SegmentInputs, s: SegmentSettings): SegmentResult {
  const { purchaseDays365, value365, value365PrevYear } = pair.context;
  const regular = purchaseDays365 >= s.historyLoyalMinPurchaseDays;
  const keepsLastYear =
    purchaseDays365 >= s.historyStayMinPurchaseDays &&
    value365PrevYear > 0 &&
    value365 >= s.historyStayValueRatio * value365PrevYear;
  const checks: RuleCheck[] = [
    { rule: "segment.history.purchaseDays365", value: purchaseDays365, op: ">=", threshold: s.historyLoyalMinPurchaseDays, passed: regular },
  ];
  let segment: Segment;
  let heldByHysteresis = false;
  if (regular) segment = "LOYAL";
  else if (keepsLastYear) {
    segment = "LOYAL";
    heldByHysteresis = true;
    checks.push({
      rule: "segment.history.valueVsLastYear",
      value: value365PrevYear > 0 ? value365 / value365PrevYear : null,
      op: ">=",
      threshold: s.historyStayValueRatio,
      passed: true,
    });
  } else segment = purchaseDays365 >= s.historyPromiscuousMinPurchaseDays ? "PROMISCUOUS" : "MARGINAL";
  return { segment, method: "history", share365: null, sharePrev365: null, heldByHysteresis, checks };
}

export function classifySegment(pair: SegmentInputs, settings: AlertSettings): SegmentResult {
  if (pair.block === "TECHNICAL") {
    return { segment: "TECHNICAL", method: "technical", share365: null, sharePrev365: null, heldByHysteresis: false, checks: [] };
  }
  const reliable = !pair.potentialUnreliable && pair.potential !== null && pair.potential > 0;
  return reliable ? fromShare(pair, settings.segments) : fromHistory(pair, settings.segments);
}

const SEGMENT_LABEL: Record<Segment, string> = {
  LOYAL: "fiel",
  PROMISCUOUS: "compartido con la competencia",
  MARGINAL: "marginal",
  TECHNICAL: "técnico",
};

export function segmentLabel(segment: Segment): string {
  return SEGMENT_LABEL[segment];
}
