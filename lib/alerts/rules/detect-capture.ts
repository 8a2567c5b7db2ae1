// CAPTURE — a client that splits a commodity family with competitors (or depots) has a large € gap
// between its potential and what it buys from us, and is about to buy: the moment to win that order.
//   fires when  segment = PROMISCUOUS (commodity) and the potential is reliable (no gap without it)
//          and  gap = potential − purchases of the last 365 days ≥ minGap
//          and  a timing signal: due within ± the contact horizon (about to buy, or just past its usual
//               date — long overdue says nothing about when it buys next), or pBuy90d ≥ minPBuy90d
import type { AlertSettings } from "../alert-settings";
import { days, euros, familyLabel, percent } from "../format-spanish";
import type { ScoredPair, SegmentResult } from "../types";
import { check, notApplicable, ruleReason, type MotiveFinding } from "./finding";
import { estimateDue } from "./timing";

export function detectCapture(pair: ScoredPair, segment: SegmentResult, settings: AlertSettings): MotiveFinding {
  const s = settings.capture;
  const reliable = !pair.potentialUnreliable && pair.potential !== null && pair.potential > 0;
  const applies = [
    check("capture.segment", segment.segment, "==", "PROMISCUOUS"),
    check("capture.potentialReliable", reliable, "==", true),
  ];
  if (!applies.every((c) => c.passed)) return notApplicable("CAPTURE", applies);

  const potential = pair.potential!;
  const gap = potential - pair.context.value365;
  const { due } = estimateDue(pair);
  const checks = [
    ...applies,
    check("capture.gap", gap, ">=", s.minGap),
    check("capture.dueInDays", due, "<=", settings.contactHorizonDays),
    check("capture.overdueDays", due === null ? null : -due, "<=", settings.contactHorizonDays),
    check("capture.pBuy90d", pair.pBuy90d, ">=", s.minPBuy90d),
  ];
  const [, , bigGap, dueWithin, notLongOverdue, likely] = checks;
  const dueSoon = dueWithin.passed && notLongOverdue.passed;
  if (!bigGap.passed || !(dueSoon || likely.passed)) return notApplicable("CAPTURE", checks);

  const family = familyLabel(pair.familyCode);
  const reasons = [
    ruleReason(
      "capture.gap",
      `Nos compra ${euros(pair.context.value365)} al año de ${family} frente a un potencial de ${euros(potential)} (${percent(pair.context.value365 / potential)}): unos ${euros(gap)} al año se los lleva otro proveedor.`,
    ),
    dueSoon && due !== null
      ? ruleReason("capture.dueSoon", due <= 0 ? `Ya le tocaba volver a comprar ${family}.` : `Le toca volver a comprar ${family} en unos ${days(due)}.`)
      : ruleReason("capture.likely", `Es probable que compre ${family} pronto (probabilidad a 90 días: ${percent(pair.pBuy90d)}).`),
  ];
  return { motive: "CAPTURE", fired: true, checks, reasons, facts: { motive: "CAPTURE", gap, daysToDue: dueSoon ? due : null } };
}
