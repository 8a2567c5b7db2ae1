// REACTIVATION — a client that stopped buying a family long ago (lapsed) but still has demand for it.
//   fires when  it bought the family at least once, and days since then
//               > minDaysLapsed, > minRhythmMultiple × its median gap (when it has one), ≤ maxDaysLapsed
//          and  reference value ≥ minReferenceValue: the reliable yearly potential, or — potential
//               unreliable — the most it bought in either of the last two years.
// No pause logic here: a lapse of half a year is longer than any normal pause.
import type { AlertSettings } from "../alert-settings";
import { days, euros, familyLabel } from "../format-spanish";
import type { ScoredPair } from "../types";
import { check, notApplicable, ruleReason, type MotiveFinding } from "./finding";

export function detectReactivation(pair: ScoredPair, settings: AlertSettings): MotiveFinding {
  const s = settings.reactivation;
  const c = pair.context;
  const applies = [check("reactivation.everBought", c.lastPurchaseDate !== null, "==", true)];
  if (!applies[0].passed) return notApplicable("REACTIVATION", applies);

  const reliable = !pair.potentialUnreliable && pair.potential !== null && pair.potential > 0;
  const referenceValue = reliable ? pair.potential! : Math.max(c.value365, c.value365PrevYear);
  const rhythmLimit = c.medianGapDays === null ? null : s.minRhythmMultiple * c.medianGapDays;
  const checks = [
    ...applies,
    check("reactivation.daysLapsed", c.recencyDays, ">", s.minDaysLapsed),
    check("reactivation.daysLapsedVsRhythm", c.recencyDays, ">", rhythmLimit ?? 0),
    check("reactivation.daysLapsedMax", c.recencyDays, "<=", s.maxDaysLapsed),
    check(reliable ? "reactivation.potential" : "reactivation.historicValue", referenceValue, ">=", s.minReferenceValue),
  ];
  if (!checks.every((x) => x.passed)) return notApplicable("REACTIVATION", checks);

  const family = familyLabel(pair.familyCode);
  const rhythm = c.medianGapDays === null ? "" : ` (su ritmo era cada ${days(c.medianGapDays)})`;
  const reasons = [
    ruleReason("reactivation.lapsed", `No compra ${family} desde hace ${days(c.recencyDays)}${rhythm}.`),
    reliable
      ? ruleReason("reactivation.potential", `Mantiene un potencial de ${euros(referenceValue)} al año en esta categoría.`)
      : ruleReason("reactivation.historicValue", `Llegó a comprar ${euros(referenceValue)} al año de ${family}.`),
  ];
  return { motive: "REACTIVATION", fired: true, checks, reasons, facts: { motive: "REACTIVATION", daysLapsed: c.recencyDays, referenceValue } };
}
