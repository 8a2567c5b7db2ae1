// The alert engine: from scored client × family pairs to prioritised, explained, routed alerts; their
// life cycle (refresh, expiry, snooze, cooling-off, control group, capacity); the actions people take on
// them; and the purchases that followed. Runs from the pipeline (command line) as well as the server,
// hence no "server-only" import; the database functions take the Prisma client as their first argument.
export * from "./types";
export {
  alertSettingsSchema,
  DEFAULT_ALERT_SETTINGS,
  DISMISS_REASONS,
  resolveAlertSettings,
  type AlertSettings,
  type DeepPartial,
  type DismissReason,
  type SettingsValidation,
} from "./alert-settings";
export { ALERT_SETTINGS_KEY, AlertSettingsError, loadAlertSettings, saveAlertSettings } from "./load-alert-settings";
export { classifySegment } from "./classify-segment";
export { activePause, pauseDaysInSilence, type PauseKind } from "./normal-pauses";
export { evaluatePair, MOTIVE_PRECEDENCE, type PairEvaluation } from "./evaluate-pair";
export { computePriority, priorityBand } from "./compute-priority";
export { contactWindow } from "./contact-window";
export { DEFAULT_CHANNEL_RULES, matchChannelRule, responseDeadline, type ChannelRule } from "./channel-rules";
export { loadChannelRules, seedChannelRules } from "./channel-rule-store";
export { buildAlertDraft, buildAlertDrafts, type BuildAlertDraftsOptions } from "./build-alert-drafts";
export { controlDraw, isHeldOut } from "./control-group";
export { planAlertChanges, type AlertPlan } from "./plan-alert-changes";
export { applyAlertDrafts, type ApplyAlertDraftsOptions, type ApplyAlertDraftsResult } from "./apply-alert-drafts";
export { listShownAlerts, type ShownAlert } from "./shown-alerts";
export { checkTransition, type AlertAction } from "./alert-state-machine";
export {
  attendOutcomeSchema,
  dismissInputSchema,
  reopenInputSchema,
  snoozeInputSchema,
  type AttendOutcome,
  type DismissInput,
  type ReopenInput,
  type SnoozeInput,
} from "./alert-action-inputs";
export { attendAlert, dismissAlert, reopenAlert, snoozeAlert } from "./alert-actions";
export type { AlertActionErrorCode, AlertActionResult } from "./transition-alert";
export { attributePurchases, type AttributePurchasesOptions, type AttributePurchasesResult } from "./attribute-purchases";
export { conversionStats, type ArmStats, type ConversionScope, type ConversionStats } from "./conversion-stats";
