// The alert actions the UI's server actions call once they have authorised the actor: attend,
// dismiss, snooze, reopen. Each validates its input, then makes one guarded transition (transition-alert.ts).
import type { Db } from "@/lib/db/prisma";
import { dateToIso, isoToDate } from "./alert-dates";
import {
  attendOutcomeSchema,
  dismissInputSchema,
  reopenInputSchema,
  snoozeInputSchema,
  type AttendOutcome,
  type DismissInput,
  type ReopenInput,
  type SnoozeInput,
} from "./alert-action-inputs";
import { invalidInput, transitionAlert, zodFieldErrors, type AlertActionResult } from "./transition-alert";

export async function attendAlert(
  db: Db,
  alertId: number,
  expectedVersion: number,
  actorUserId: number,
  outcome: AttendOutcome,
): Promise<AlertActionResult> {
  const parsed = attendOutcomeSchema.safeParse(outcome);
  if (!parsed.success) return invalidInput(zodFieldErrors(parsed.error.issues));
  const { channelUsed, reached, result, amount, notes } = parsed.data;
  return transitionAlert(db, {
    alertId,
    expectedVersion,
    actorUserId,
    action: "ATTEND",
    payload: { channelUsed, reached, result, amount: amount ?? null, notes: notes ?? null },
  });
}

export async function dismissAlert(
  db: Db,
  alertId: number,
  expectedVersion: number,
  actorUserId: number,
  input: DismissInput,
): Promise<AlertActionResult> {
  const parsed = dismissInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(zodFieldErrors(parsed.error.issues));
  return transitionAlert(db, {
    alertId,
    expectedVersion,
    actorUserId,
    action: "DISMISS",
    payload: { reasonCode: parsed.data.reasonCode, notes: parsed.data.notes ?? null },
  });
}

/** Snoozes until a date after the alert's as-of date; the daily run reopens it on that date. */
export async function snoozeAlert(
  db: Db,
  alertId: number,
  expectedVersion: number,
  actorUserId: number,
  input: SnoozeInput,
): Promise<AlertActionResult> {
  const parsed = snoozeInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(zodFieldErrors(parsed.error.issues));
  const until = parsed.data.until;
  return transitionAlert(db, {
    alertId,
    expectedVersion,
    actorUserId,
    action: "SNOOZE",
    snoozedUntil: isoToDate(until),
    validate: (alert) =>
      until > dateToIso(alert.asOf) ? null : invalidInput({ until: ["La fecha debe ser posterior a la de la alerta"] }),
    payload: { until, notes: parsed.data.notes ?? null },
  });
}

/** Back to OPEN: a snoozed alert early, or one attended or dismissed by mistake (if its key is free). */
export async function reopenAlert(
  db: Db,
  alertId: number,
  expectedVersion: number,
  actorUserId: number,
  input: ReopenInput = {},
): Promise<AlertActionResult> {
  const parsed = reopenInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(zodFieldErrors(parsed.error.issues));
  return transitionAlert(db, {
    alertId,
    expectedVersion,
    actorUserId,
    action: "REOPEN",
    payload: { reason: "MANUAL", notes: parsed.data.notes ?? null },
  });
}
