import "server-only";
// What the alert server actions do once defineAction has checked the session, the permission and
// the input: re-check on the server that the alert's client is within the actor's scope (never
// trusting the browser), apply the inbox's own limits (a snooze is in the future and at most 90 days
// ahead), then run the alert engine's guarded transition (lib/alerts: optimistic concurrency, allowed
// transitions, open key, event row) and turn its refusals into Spanish messages. Kept apart from the
// "use server" files so integration tests run them against a real PostgreSQL with a real actor.
import { z } from "zod";
import { ActionError } from "@/lib/actions/define-action";
import { attendAlert, dismissAlert, reopenAlert, snoozeAlert } from "@/lib/alerts/alert-actions";
import { ATTEND_RESULTS, CHANNELS } from "@/lib/alerts/alert-action-inputs";
import { DISMISS_REASONS } from "@/lib/alerts/alert-settings";
import type { AlertActionResult } from "@/lib/alerts/transition-alert";
import type { Actor } from "@/lib/auth/load-actor";
import type { Db } from "@/lib/db/prisma";
import { findScopedAlert } from "@/lib/data/inbox/find-scoped-alert";
import { addIsoDays, madridToday } from "@/lib/data/inbox/madrid-today";

export const SNOOZE_MAX_DAYS = 90;
export { DISMISS_REASONS };

const target = {
  alertId: z.number().int().positive(),
  version: z.number().int().positive(),
};
const notes = z.string().trim().max(2000, "Como mucho 2.000 caracteres.").optional();

export const attendInput = z
  .object({
    ...target,
    channelUsed: z.enum(CHANNELS, { error: "Elige el canal utilizado." }),
    reached: z.boolean(),
    result: z.enum(ATTEND_RESULTS, { error: "Elige el resultado." }),
    amount: z.number().min(0, "El importe no puede ser negativo.").max(10_000_000, "Importe demasiado alto.").nullable().optional(),
    notes,
  })
  .refine((input) => input.reached || input.result !== "WON", {
    path: ["result"],
    message: "Una venta conseguida implica haber contactado con el cliente.",
  });

export const dismissInput = z
  .object({ ...target, reasonCode: z.enum(DISMISS_REASONS, { error: "Elige un motivo." }), notes })
  .refine((input) => input.reasonCode !== "OTHER" || (input.notes ?? "").length >= 3, {
    path: ["notes"],
    message: "Explica brevemente el motivo.",
  });

export const snoozeInput = z.object({
  ...target,
  until: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Fecha no válida.")
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "Fecha no válida."),
  notes,
});

export const reopenInput = z.object({ ...target, notes });

export const NOT_FOUND_MESSAGE = "No se ha encontrado la alerta o no tienes acceso a ella.";

export interface TransitionResult {
  id: number;
  status: "OPEN" | "SNOOZED" | "ATTENDED" | "DISMISSED" | "EXPIRED";
  version: number;
}

/** Scope first, then the engine's transition; its refusals become the message the user reads. */
async function run(db: Db, actor: Actor, alertId: number, transition: () => Promise<AlertActionResult>): Promise<TransitionResult> {
  const alert = await findScopedAlert(db, actor, alertId);
  if (!alert) throw new ActionError(NOT_FOUND_MESSAGE);
  const result = await transition();
  if (result.ok) return result.alert;
  // Out of scope, missing and control-group alerts all read the same: nothing to learn from the answer.
  if (result.code === "NOT_FOUND" || result.code === "HELD_OUT") throw new ActionError(NOT_FOUND_MESSAGE);
  throw new ActionError(result.message);
}

export function attendAlertCommand(db: Db, actor: Actor, input: z.infer<typeof attendInput>): Promise<TransitionResult> {
  const { alertId, version, channelUsed, reached, result, amount, notes: text } = input;
  return run(db, actor, alertId, () => attendAlert(db, alertId, version, actor.userId, { channelUsed, reached, result, amount: amount ?? null, notes: text || null }));
}

export function dismissAlertCommand(db: Db, actor: Actor, input: z.infer<typeof dismissInput>): Promise<TransitionResult> {
  const { alertId, version, reasonCode, notes: text } = input;
  return run(db, actor, alertId, () => dismissAlert(db, alertId, version, actor.userId, { reasonCode, notes: text || null }));
}

export async function snoozeAlertCommand(db: Db, actor: Actor, input: z.infer<typeof snoozeInput>, today: string = madridToday()): Promise<TransitionResult> {
  const latest = addIsoDays(today, SNOOZE_MAX_DAYS);
  if (input.until <= today) throw new ActionError("La fecha hasta la que posponer debe ser posterior a hoy.");
  if (input.until > latest) {
    throw new ActionError(`Solo se puede posponer hasta ${SNOOZE_MAX_DAYS} días (como mucho hasta el ${latest.split("-").reverse().join("/")}).`);
  }
  const { alertId, version, until, notes: text } = input;
  return run(db, actor, alertId, () => snoozeAlert(db, alertId, version, actor.userId, { until, notes: text || null }));
}

export function reopenAlertCommand(db: Db, actor: Actor, input: z.infer<typeof reopenInput>): Promise<TransitionResult> {
  const { alertId, version, notes: text } = input;
  return run(db, actor, alertId, () => reopenAlert(db, alertId, version, actor.userId, { notes: text || null }));
}
