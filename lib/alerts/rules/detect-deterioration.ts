// DETERIORATION — a loyal client of a commodity family is buying less, early enough to act.
//   fires when  segment = LOYAL (commodity) and last year's value ≥ minPrevYearValue (no noise from crumbs)
//          and  value(last 90) / value(previous 90) ≤ maxTrend90
//          and  value(last 365) / value(previous 365) ≤ maxTrend365
//          and  the purchase probability falls: pBuy90d ≤ maxPBuy90d, or it dropped by ≥ minPBuyDrop
//               since the previous run when that is known.
// The 90-day trend alone could be seasonal; requiring the year-over-year trend too removes seasonality
// (a year contains every season), and the hysteresis of the segment keeps a falling client LOYAL long
// enough for this rule to see it.
import type { AlertSettings } from "../alert-settings";
import { euros, familyLabel, percent } from "../format-spanish";
import type { ScoredPair, SegmentResult } from "../types";
import { check, notApplicable, ruleReason, type MotiveFinding } from "./finding";

export function detectDeterioration(pair: ScoredPair, segment: SegmentResult, settings: AlertSettings): MotiveFinding {
  const s = settings.deterioration;
  const c = pair.context;
  const applies = [
    check("deterioration.segment", segment.segment, "==", "LOYAL"),
    check("deterioration.value365PrevYear", c.value365PrevYear, ">=", s.minPrevYearValue),
  ];
  if (!applies.every((x) => x.passed)) return notApplicable("DETERIORATION", applies);

  const trend90 = c.value90Prev > 0 ? c.value90 / c.value90Prev : null;
  const trend365 = c.value365 / c.value365PrevYear;
  const previous = pair.previousPBuy90d ?? null;
  const drop = previous === null ? null : previous - pair.pBuy90d;
  const checks = [
    ...applies,
    check("deterioration.trend90", trend90, "<=", s.maxTrend90),
    check("deterioration.trend365", trend365, "<=", s.maxTrend365),
    check("deterioration.pBuy90d", pair.pBuy90d, "<=", s.maxPBuy90d),
    check("deterioration.pBuy90dDrop", drop, ">=", s.minPBuyDrop),
  ];
  const [, , falling90, falling365, lowProbability, probabilityDropped] = checks;
  if (!falling90.passed || !falling365.passed || !(lowProbability.passed || probabilityDropped.passed)) {
    return notApplicable("DETERIORATION", checks);
  }

  const family = familyLabel(pair.familyCode);
  const baseline90 = Math.max(c.sameSeasonLastYearValue, (c.value365PrevYear * 90) / 365);
  const reasons = [
    ruleReason(
      "deterioration.trend90",
      `Sus compras de ${family} caen: ${euros(c.value90)} en los últimos 90 días frente a ${euros(c.value90Prev)} en los 90 anteriores (−${percent(1 - trend90!)}).`,
    ),
    ruleReason(
      "deterioration.trend365",
      `En el último año ha comprado ${euros(c.value365)}, un ${percent(1 - trend365)} menos que el año anterior (${euros(c.value365PrevYear)}).`,
    ),
    probabilityDropped.passed && previous !== null
      ? ruleReason("deterioration.pBuyDrop", `La probabilidad de que compre en 90 días ha bajado del ${percent(previous)} al ${percent(pair.pBuy90d)}.`)
      : ruleReason("deterioration.pBuyLow", `La probabilidad de que compre en 90 días es solo del ${percent(pair.pBuy90d)}, baja para un cliente fiel.`),
  ];
  return {
    motive: "DETERIORATION",
    fired: true,
    checks,
    reasons,
    facts: { motive: "DETERIORATION", trend90: trend90!, trend365, baseline90, shortfall90: Math.max(0, baseline90 - c.value90) },
  };
}
