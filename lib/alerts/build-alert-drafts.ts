// From scored client × family pairs to alert drafts: segment, motive, priority, contact window,
// channel and deadline, reasons in business Spanish and the full trace of what fired. Pure: the same
// pairs, settings and channel rules always give the same drafts.
import type { AlertSettings } from "./alert-settings";
import { matchChannelRule, responseDeadline, type ChannelRule } from "./channel-rules";
import { segmentLabel } from "./classify-segment";
import { computePriority } from "./compute-priority";
import { contactWindow } from "./contact-window";
import { evaluatePair } from "./evaluate-pair";
import { familyLabel, percent } from "./format-spanish";
import { ruleReason } from "./rules/finding";
import { alertKey, type AlertDraft, type AlertReason, type ScoredPair, type SegmentResult } from "./types";

const MODEL_REASONS = 3;

export interface BuildAlertDraftsOptions {
  settings: AlertSettings;
  channelRules: readonly ChannelRule[];
}

function segmentReasons(pair: ScoredPair, segment: SegmentResult): AlertReason[] {
  const family = familyLabel(pair.familyCode);
  const reasons: AlertReason[] = [];
  if (segment.segment === "LOYAL" && segment.method === "share" && segment.share365 !== null) {
    const before = segment.sharePrev365 === null ? "" : ` (el año anterior, el ${percent(segment.sharePrev365)})`;
    reasons.push(ruleReason("segment.loyal", `Cliente fiel en ${family}: nos compra el ${percent(segment.share365)} de su potencial${before}.`));
  } else if (segment.method === "history" && segment.segment !== "MARGINAL") {
    reasons.push(
      ruleReason(
        `segment.history.${segment.segment.toLowerCase()}`,
        `Cliente ${segmentLabel(segment.segment)} en ${family} según su propio historial: compra en ${pair.context.purchaseDays365} días distintos al año.`,
      ),
    );
  }
  if (pair.potentialUnreliable) {
    reasons.push(
      ruleReason(
        "potential.unreliable",
        "El potencial registrado no es fiable (falta, es cero o es menor que lo que ya compra): el segmento se calcula con su propio historial.",
      ),
    );
  }
  return reasons;
}

function modelReasons(pair: ScoredPair): AlertReason[] {
  return [...pair.reasons]
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .slice(0, MODEL_REASONS)
    .map((r) => ({ source: "model", code: r.feature, text: r.text, contribution: r.contribution }));
}

/** The draft for one pair, or null when no motive fires. */
export function buildAlertDraft(pair: ScoredPair, options: BuildAlertDraftsOptions): AlertDraft | null {
  const { settings } = options;
  const evaluation = evaluatePair(pair, settings);
  const finding = evaluation.chosen;
  if (!finding?.facts) return null;

  const priority = computePriority(pair, finding.facts, settings);
  const window = contactWindow(pair.asOf, finding.facts, settings);
  const channelRule = matchChannelRule(options.channelRules, {
    motive: finding.motive,
    priorityBand: priority.band,
    expectedImpact: priority.expectedImpact,
  });
  const { context, ...scores } = pair;
  return {
    key: alertKey(pair.clientId, pair.familyCode, finding.motive),
    clientId: pair.clientId,
    familyCode: pair.familyCode,
    motive: finding.motive,
    segment: evaluation.segment.segment,
    delegateId: pair.delegateId,
    asOf: pair.asOf,
    priorityScore: priority.score,
    priorityBand: priority.band,
    expectedImpact: priority.expectedImpact,
    conversionProbability: priority.conversionProbability,
    urgency: priority.urgency,
    ...window,
    responseDeadline: responseDeadline(window.contactFrom, window.contactUntil, channelRule.responseDays),
    channel: channelRule.channel,
    reasons: [...finding.reasons, ...segmentReasons(pair, evaluation.segment), ...modelReasons(pair)],
    trace: {
      engine: "alerts/v1",
      asOf: pair.asOf,
      motive: finding.motive,
      segment: evaluation.segment,
      checks: finding.checks,
      ...(finding.pauseDays && Object.keys(finding.pauseDays).length ? { pauseDays: finding.pauseDays } : {}),
      priority,
      channel: {
        ruleId: channelRule.id,
        position: channelRule.position,
        description: channelRule.description,
        responseDays: channelRule.responseDays,
      },
      inputs: {
        pBuy90d: scores.pBuy90d,
        pChurn90d: scores.pChurn90d,
        pChurn180d: scores.pChurn180d,
        expectedDaysToNext: scores.expectedDaysToNext,
        shareOfWallet: scores.shareOfWallet,
        potential: scores.potential,
        potentialUnreliable: scores.potentialUnreliable,
        previousPBuy90d: scores.previousPBuy90d ?? null,
        ...context,
      },
    },
  };
}

export function buildAlertDrafts(pairs: readonly ScoredPair[], options: BuildAlertDraftsOptions): AlertDraft[] {
  const drafts: AlertDraft[] = [];
  for (const pair of pairs) {
    const draft = buildAlertDraft(pair, options);
    if (draft) drafts.push(draft);
  }
  return drafts;
}
