// Decides, for one run, what each draft does to the stored alerts. Pure, so the rules of persistence
// are readable in one place and testable without a database:
//
// - No live alert for the key → CREATE, unless a person closed one recently (cooling-off: an alert
//   ATTENDED or DISMISSED is not raised again for the same client × family × motive until
//   coolingOff days after the data date it was closed on; per dismissal reason, e.g. a closed clinic,
//   a year). New alerts draw the control group.
// - A live (OPEN or SNOOZED) alert for the key → REFRESH it in place: priority, reasons, trace, as_of,
//   window, channel. A SNOOZED alert stays snoozed. Once its window has opened, contactFrom (and so the
//   response deadline) stays put, so a risk that persists keeps its original deadline while contactUntil
//   follows the signal. An UPDATED event is written only for a material change: priority band, channel,
//   contactFrom, the rule reasons that fired (e.g. "due soon" became "overdue"), or the priority score
//   moving by ≥ materialPriorityChange. Everything else (a day more of silence) refreshes silently.
// - The delegate is always the current owner of the client's province; a change writes REASSIGNED.
// - With expireCleared (a run that scored every pair), a live alert whose signal no longer fires is
//   EXPIRED with reason CONDITION_CLEARED.
// Refreshes do not bump `version`: the version guards people's status changes, and a delegate acting on
// an alert whose priority was refreshed overnight is still acting on the same alert.
import type { AlertSettings, DismissReason } from "./alert-settings";
import { addDays, daysBetween } from "./alert-dates";
import { responseDeadline } from "./channel-rules";
import { isHeldOut } from "./control-group";
import type { AlertDraft, AlertReason, AlertStatus, Channel, IsoDate, PriorityBand } from "./types";

export interface LiveAlert {
  id: number;
  key: string;
  version: number;
  status: AlertStatus; // OPEN | SNOOZED
  delegateId: number | null;
  priorityScore: number;
  priorityBand: PriorityBand;
  channel: Channel;
  contactFrom: IsoDate;
  contactUntil: IsoDate;
  responseDeadline: IsoDate | null;
  reasons: AlertReason[];
}

export interface Closure {
  status: "ATTENDED" | "DISMISSED";
  /** The data date the alert was closed on (its as_of when a person closed it). */
  asOf: IsoDate;
  dismissReason: string | null;
}

export interface PlannedCreate {
  draft: AlertDraft;
  heldOut: boolean;
  delegateId: number | null;
}

export interface PlannedUpdate {
  id: number;
  version: number;
  draft: AlertDraft;
  contactFrom: IsoDate;
  responseDeadline: IsoDate;
  delegateId: number | null;
  material: boolean;
  changes: Record<string, { from: unknown; to: unknown }>;
  reassigned: { from: number | null; to: number | null } | null;
}

export interface AlertPlan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  suppressed: { key: string; reason: "COOLING_OFF"; until: IsoDate }[];
  unknownClient: string[];
  cleared: LiveAlert[];
}

export interface PlanInput {
  asOf: IsoDate;
  drafts: readonly AlertDraft[];
  live: ReadonlyMap<string, LiveAlert>;
  closures: ReadonlyMap<string, Closure>;
  /** Current delegate of each known client (via its province); a client absent here does not exist. */
  delegateOfClient: ReadonlyMap<number, number | null>;
  settings: AlertSettings;
  expireCleared: boolean;
}

export function coolingOffDays(closure: Closure, settings: AlertSettings): number {
  const c = settings.coolingOff;
  if (closure.status === "ATTENDED") return c.attendedDays;
  return c.dismissReasonDays[closure.dismissReason as DismissReason] ?? c.dismissedDays;
}

const ruleCodes = (reasons: readonly AlertReason[]) =>
  reasons
    .filter((r) => r.source === "rule")
    .map((r) => r.code)
    .sort()
    .join(",");

/** One draft per key: the highest priority wins if the caller passed duplicates. */
function dedupe(drafts: readonly AlertDraft[]): AlertDraft[] {
  const byKey = new Map<string, AlertDraft>();
  for (const d of drafts) {
    const seen = byKey.get(d.key);
    if (!seen || d.priorityScore > seen.priorityScore) byKey.set(d.key, d);
  }
  return [...byKey.values()];
}

function planUpdate(draft: AlertDraft, live: LiveAlert, delegateId: number | null, input: PlanInput): PlannedUpdate {
  const windowOpen = live.contactFrom <= input.asOf;
  const contactFrom = windowOpen ? live.contactFrom : draft.contactFrom;
  const deadline = responseDeadline(contactFrom, draft.contactUntil, draft.trace.channel.responseDays);
  const changes: PlannedUpdate["changes"] = {};
  if (live.priorityBand !== draft.priorityBand) changes.priorityBand = { from: live.priorityBand, to: draft.priorityBand };
  if (live.channel !== draft.channel) changes.channel = { from: live.channel, to: draft.channel };
  if (live.contactFrom !== contactFrom) changes.contactFrom = { from: live.contactFrom, to: contactFrom };
  if (ruleCodes(live.reasons) !== ruleCodes(draft.reasons)) {
    changes.ruleReasons = { from: ruleCodes(live.reasons), to: ruleCodes(draft.reasons) };
  }
  const base = Math.max(Math.abs(live.priorityScore), 1e-9);
  if (Math.abs(draft.priorityScore - live.priorityScore) / base >= input.settings.materialPriorityChange) {
    changes.priorityScore = { from: live.priorityScore, to: draft.priorityScore };
  }
  return {
    id: live.id,
    version: live.version,
    draft,
    contactFrom,
    responseDeadline: deadline,
    delegateId,
    material: Object.keys(changes).length > 0,
    changes,
    reassigned: live.delegateId === delegateId ? null : { from: live.delegateId, to: delegateId },
  };
}

export function planAlertChanges(input: PlanInput): AlertPlan {
  const plan: AlertPlan = { creates: [], updates: [], suppressed: [], unknownClient: [], cleared: [] };
  const drafts = dedupe(input.drafts);
  for (const draft of drafts) {
    if (!input.delegateOfClient.has(draft.clientId)) {
      plan.unknownClient.push(draft.key);
      continue;
    }
    const delegateId = input.delegateOfClient.get(draft.clientId) ?? null;
    const live = input.live.get(draft.key);
    if (live) {
      plan.updates.push(planUpdate(draft, live, delegateId, input));
      continue;
    }
    const closure = input.closures.get(draft.key);
    if (closure) {
      const days = coolingOffDays(closure, input.settings);
      if (daysBetween(closure.asOf, input.asOf) < days) {
        plan.suppressed.push({ key: draft.key, reason: "COOLING_OFF", until: addDays(closure.asOf, days) });
        continue;
      }
    }
    plan.creates.push({ draft, delegateId, heldOut: isHeldOut(draft.key, input.settings.controlShare, input.settings.controlSalt) });
  }
  if (input.expireCleared) {
    const fired = new Set(drafts.map((d) => d.key));
    for (const live of input.live.values()) if (!fired.has(live.key)) plan.cleared.push(live);
  }
  return plan;
}
