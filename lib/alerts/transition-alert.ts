// One status change by a person, in one transaction: read the alert, check the expected version and
// that the transition is allowed, update it only if the version is still the one read
// (WHERE id = … AND version = …), bump the version, keep the open key consistent with the status, and
// write the event. A second writer with the same version finds 0 rows to update and gets a conflict,
// never a silent overwrite. No authorisation here: the caller passes an already-authorised actor.
import type { Db } from "@/lib/db/prisma";
import type { Prisma } from "@/generated/prisma/client";
import { checkTransition, holdsOpenKey, type AlertAction } from "./alert-state-machine";
import { alertKey, type AlertStatus } from "./types";

export type AlertActionErrorCode =
  | "NOT_FOUND"
  | "VERSION_CONFLICT"
  | "INVALID_TRANSITION"
  | "HELD_OUT"
  | "OPEN_KEY_CONFLICT"
  | "INVALID_INPUT";

export type AlertActionResult =
  | { ok: true; alert: { id: number; status: AlertStatus; version: number } }
  | {
      ok: false;
      code: AlertActionErrorCode;
      /** Spanish, safe to show. */
      message: string;
      /** The alert as it is now, so the UI can reload it. */
      current?: { status: AlertStatus; version: number };
      fieldErrors?: Record<string, string[]>;
    };

const EVENT_TYPE = { ATTEND: "ATTENDED", DISMISS: "DISMISSED", SNOOZE: "SNOOZED", REOPEN: "REOPENED" } as const;

const conflict = (current: { status: AlertStatus; version: number }): AlertActionResult => ({
  ok: false,
  code: "VERSION_CONFLICT",
  message: "Otra persona ha modificado esta alerta mientras la tenías abierta. Recarga para ver su estado actual.",
  current,
});

const openKeyConflict = (): AlertActionResult => ({
  ok: false,
  code: "OPEN_KEY_CONFLICT",
  message: "Ya hay otra alerta abierta para este cliente, familia y motivo.",
});

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { code?: string }; message?: string } | null;
  return e?.code === "P2002" || e?.meta?.code === "23505" || /23505|unique constraint/i.test(e?.message ?? "");
}

export interface TransitionRequest {
  alertId: number;
  expectedVersion: number;
  actorUserId: number;
  action: AlertAction;
  payload: Prisma.InputJsonObject;
  /** Extra validation against the stored alert (e.g. a snooze date after its as_of). */
  validate?: (alert: { asOf: Date; snoozedUntil: Date | null }) => AlertActionResult | null;
  snoozedUntil?: Date | null;
}

export async function transitionAlert(db: Db, request: TransitionRequest): Promise<AlertActionResult> {
  const { alertId, expectedVersion, action } = request;
  try {
    return await db.$transaction(async (tx) => {
      const alert = await tx.alert.findUnique({
        where: { id: alertId },
        select: { status: true, version: true, heldOut: true, clientId: true, familyCode: true, motive: true, asOf: true, snoozedUntil: true },
      });
      if (!alert) return { ok: false, code: "NOT_FOUND", message: "La alerta no existe." } satisfies AlertActionResult;
      const current = { status: alert.status, version: alert.version };
      if (alert.version !== expectedVersion) return conflict(current);
      const allowed = checkTransition(action, alert);
      if (!allowed.ok) return { ok: false, code: allowed.code, message: allowed.message, current } satisfies AlertActionResult;
      const invalid = request.validate?.(alert);
      if (invalid) return invalid;

      const to = allowed.to;
      const openKey = holdsOpenKey(to) ? alertKey(alert.clientId, alert.familyCode, alert.motive) : null;
      if (openKey && !holdsOpenKey(alert.status)) {
        const other = await tx.alert.findFirst({ where: { openKey, id: { not: alertId } }, select: { id: true } });
        if (other) return openKeyConflict();
      }
      const closes = to === "ATTENDED" || to === "DISMISSED";
      const { count } = await tx.alert.updateMany({
        where: { id: alertId, version: expectedVersion },
        data: {
          status: to,
          openKey,
          version: { increment: 1 },
          snoozedUntil: to === "SNOOZED" ? (request.snoozedUntil ?? null) : null,
          closedAt: closes ? new Date() : null,
        },
      });
      if (count === 0) {
        const now = await tx.alert.findUnique({ where: { id: alertId }, select: { status: true, version: true } });
        return now ? conflict(now) : ({ ok: false, code: "NOT_FOUND", message: "La alerta no existe." } satisfies AlertActionResult);
      }
      await tx.alertEvent.create({
        data: { alertId, type: EVENT_TYPE[action], userId: request.actorUserId, fromStatus: alert.status, toStatus: to, payload: request.payload },
      });
      return { ok: true, alert: { id: alertId, status: to, version: expectedVersion + 1 } } satisfies AlertActionResult;
    });
  } catch (error) {
    // A run or another reopen took the open key between our check and our update.
    if (isUniqueViolation(error)) return openKeyConflict();
    throw error;
  }
}

export function invalidInput(fieldErrors: Record<string, string[]>): AlertActionResult {
  return { ok: false, code: "INVALID_INPUT", message: "Revisa los datos del formulario.", fieldErrors };
}

export function zodFieldErrors(issues: readonly { path: PropertyKey[]; message: string }[]): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) (fieldErrors[issue.path.map(String).join(".") || "_"] ??= []).push(issue.message);
  return fieldErrors;
}
