// Which status changes an alert allows, and who may cause them. Pure: the database functions ask here
// first, then make the change conditional on the version they read (optimistic concurrency).
//
//   OPEN     → ATTENDED | DISMISSED | SNOOZED            (delegate)      → EXPIRED (daily run)
//   SNOOZED  → ATTENDED | DISMISSED | SNOOZED (new date) | OPEN (reopen)  → OPEN at its date (daily run)
//   ATTENDED → OPEN (reopen: marked by mistake)
//   DISMISSED→ OPEN (reopen)
//   EXPIRED  → nothing: its contact window is over; if the signal persists the next run raises a new one.
// Held-out (control) alerts are never shown, so no person acts on them.
import type { AlertStatus } from "./types";

export type AlertAction = "ATTEND" | "DISMISS" | "SNOOZE" | "REOPEN";

const ALLOWED_FROM: Record<AlertAction, readonly AlertStatus[]> = {
  ATTEND: ["OPEN", "SNOOZED"],
  DISMISS: ["OPEN", "SNOOZED"],
  SNOOZE: ["OPEN", "SNOOZED"],
  REOPEN: ["SNOOZED", "ATTENDED", "DISMISSED"],
};

const TARGET: Record<AlertAction, AlertStatus> = {
  ATTEND: "ATTENDED",
  DISMISS: "DISMISSED",
  SNOOZE: "SNOOZED",
  REOPEN: "OPEN",
};

export type TransitionCheck =
  | { ok: true; to: AlertStatus }
  | { ok: false; code: "INVALID_TRANSITION" | "HELD_OUT"; message: string };

const STATUS_LABEL: Record<AlertStatus, string> = {
  OPEN: "abierta",
  SNOOZED: "pospuesta",
  ATTENDED: "atendida",
  DISMISSED: "descartada",
  EXPIRED: "caducada",
};

export function checkTransition(action: AlertAction, alert: { status: AlertStatus; heldOut: boolean }): TransitionCheck {
  if (alert.heldOut) {
    return { ok: false, code: "HELD_OUT", message: "Esta alerta pertenece al grupo de control y no admite acciones." };
  }
  if (!ALLOWED_FROM[action].includes(alert.status)) {
    return { ok: false, code: "INVALID_TRANSITION", message: `La alerta está ${STATUS_LABEL[alert.status]}: no se puede hacer esta acción.` };
  }
  return { ok: true, to: TARGET[action] };
}

/** OPEN and SNOOZED hold the open key (one live alert per client × family × motive). */
export function holdsOpenKey(status: AlertStatus): boolean {
  return status === "OPEN" || status === "SNOOZED";
}
