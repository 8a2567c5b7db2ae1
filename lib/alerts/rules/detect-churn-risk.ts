// CHURN_RISK — a technical-family client (irregular buyer) has been silent for much longer than its own
// rhythm and the model agrees it is likely to stop buying.
//   applies to  technical families, active pairs (pChurn90d known) with a rhythm (median gap)
//   fires when  silence = days since last purchase − normal-pause days inside it
//               silence ≥ minSilenceDays
//          and  silence / median gap ≥ minOverdueRatio
//          and  pChurn90d ≥ minPChurn90d
//   suppressed  while asOf itself is inside a normal pause (August, Christmas 20 Dec – 7 Jan, and —
//               for a client whose last purchase was made in a campaign — the postCampaignGraceDays
//               after that campaign): a normal pause is not churn.
import type { AlertSettings } from "../alert-settings";
import { days, familyLabel, percent, times } from "../format-spanish";
import { activePause, PAUSE_LABEL, pauseDaysInSilence, type PauseKind } from "../normal-pauses";
import type { ScoredPair } from "../types";
import { check, notApplicable, ruleReason, type MotiveFinding } from "./finding";

export function detectChurnRisk(pair: ScoredPair, settings: AlertSettings): MotiveFinding {
  const s = settings.churnRisk;
  const c = pair.context;
  const applies = [
    check("churnRisk.block", pair.block, "==", "TECHNICAL"),
    check("churnRisk.active", pair.pChurn90d !== null, "==", true),
    check("churnRisk.hasRhythm", c.medianGapDays !== null && c.medianGapDays > 0 && c.lastPurchaseDate !== null, "==", true),
  ];
  if (!applies.every((x) => x.passed)) return notApplicable("CHURN_RISK", applies);

  const gap = c.medianGapDays!;
  // The post-campaign pause is the client's own pull-forward: it applies when its last purchase
  // was made in the campaign, not to every client for weeks after every campaign.
  const campaignDays = c.lastPurchaseInCampaign === false ? null : c.daysSinceCampaignEnd;
  const pauseDays = pauseDaysInSilence(c.lastPurchaseDate!, pair.asOf, campaignDays, s.pauses);
  const paused = Object.values(pauseDays).reduce((sum, n) => sum + (n ?? 0), 0);
  const silence = Math.max(0, c.recencyDays - paused);
  const overdueRatio = silence / gap;
  const pause = activePause(pair.asOf, campaignDays, s.pauses);
  const checks = [
    ...applies,
    check("churnRisk.silenceDays", silence, ">=", s.minSilenceDays),
    check("churnRisk.overdueRatio", overdueRatio, ">=", s.minOverdueRatio),
    check("churnRisk.pChurn90d", pair.pChurn90d, ">=", s.minPChurn90d),
    check("churnRisk.asOfInNormalPause", pause ?? "none", "==", "none"),
  ];
  const conditionsHold = checks.slice(applies.length, -1).every((x) => x.passed);
  if (!conditionsHold) return { ...notApplicable("CHURN_RISK", checks), pauseDays };
  if (pause) return { ...notApplicable("CHURN_RISK", checks), pauseDays, suppressedBy: `pause:${pause}` };

  const family = familyLabel(pair.familyCode);
  const pauseParts = Object.entries(pauseDays).map(([kind, n]) => `${days(n)} ${PAUSE_LABEL[kind as PauseKind]}`);
  const pauseText = pauseParts.length > 1 ? `${pauseParts.slice(0, -1).join(", ")} y ${pauseParts.at(-1)}` : pauseParts[0];
  const silenceText =
    paused > 0 ? ` (${silence} si se descuentan ${pauseText}, ${pauseParts.length > 1 ? "pausas normales" : "una pausa normal"})` : "";
  const reasons = [
    ruleReason(
      "churnRisk.overdue",
      `Lleva ${days(c.recencyDays)} sin comprar ${family}${silenceText}; su ritmo habitual es cada ${days(gap)}: ${times(overdueRatio)} su ritmo.`,
    ),
    ruleReason("churnRisk.pChurn", `Probabilidad de que deje de comprar ${family} en 90 días: ${percent(pair.pChurn90d!)}.`),
  ];
  const valueAtRisk90 = Math.max(c.meanOrderValue, (Math.max(c.value365, c.value365PrevYear) * 90) / 365);
  return {
    motive: "CHURN_RISK",
    fired: true,
    checks,
    reasons,
    pauseDays,
    facts: { motive: "CHURN_RISK", silenceDays: silence, overdueRatio, valueAtRisk90 },
  };
}
