// REPLENISHMENT — a loyal client of a commodity family is about to need (or already needs) its next
// order: remind it before it runs out and buys from whoever is at hand.
//   fires when  segment = LOYAL (commodity)
//          and  [due within the contact horizon (model or rhythm, the earlier)
//                or days since last purchase ≥ overdueRatio × median gap (overdue against its rhythm)]
//          and  pBuy90d ≥ minPBuy90d (a client the model no longer expects to buy is DETERIORATION's)
import type { AlertSettings } from "../alert-settings";
import { days, familyLabel } from "../format-spanish";
import type { ScoredPair, SegmentResult } from "../types";
import { check, notApplicable, ruleReason, type MotiveFinding } from "./finding";
import { estimateDue } from "./timing";

export function detectReplenishment(pair: ScoredPair, segment: SegmentResult, settings: AlertSettings): MotiveFinding {
  const s = settings.replenishment;
  const horizon = settings.contactHorizonDays;
  const applies = [check("replenishment.segment", segment.segment, "==", "LOYAL")];
  if (!applies[0].passed) return notApplicable("REPLENISHMENT", applies);

  const { modelDue, rhythmDue, due } = estimateDue(pair);
  const gap = pair.context.medianGapDays;
  const recency = pair.context.recencyDays;
  const overdueRatio = gap ? recency / gap : null;
  const checks = [
    ...applies,
    check("replenishment.dueInDays", due, "<=", horizon),
    check("replenishment.overdueRatio", overdueRatio, ">=", s.overdueRatio),
    check("replenishment.pBuy90d", pair.pBuy90d, ">=", s.minPBuy90d),
  ];
  const [, dueSoon, overdue, likely] = checks;
  if (due === null || !(dueSoon.passed || overdue.passed) || !likely.passed) return notApplicable("REPLENISHMENT", checks);

  const family = familyLabel(pair.familyCode);
  const reasons = [];
  if (overdue.passed && gap) {
    reasons.push(ruleReason("replenishment.overdue", `Lleva ${days(recency)} sin comprar ${family}; su ritmo habitual es cada ${days(gap)}.`));
  } else if (rhythmDue !== null && gap && (modelDue === null || rhythmDue <= modelDue)) {
    reasons.push(
      ruleReason(
        "replenishment.dueSoon",
        `Le toca reponer ${family} en unos ${days(Math.max(rhythmDue, 0))}: compra cada ${days(gap)} y la última fue hace ${days(recency)}.`,
      ),
    );
  } else {
    reasons.push(ruleReason("replenishment.modelDue", `Según el modelo, su próxima compra de ${family} será en unos ${days(Math.max(modelDue ?? 0, 0))}.`));
  }
  return {
    motive: "REPLENISHMENT",
    fired: true,
    checks,
    reasons,
    facts: { motive: "REPLENISHMENT", daysToDue: overdue.passed ? Math.min(due, 0) : due, overdue: overdue.passed },
  };
}
