import "server-only";
// The one door to a single alert: found only if its client is within the actor's scope and it is
// not part of the held-out control group. Everything else — another delegate's alert, another
// region's, a control-group alert, an id that does not exist — is the same "not found", so the
// answer never tells an outsider that the alert exists. Plain SQL on purpose: driven by the alert's
// primary key, the scope check is two index probes (Prisma's relation filter built the whole
// territory's client set first).
import type { Actor } from "@/lib/auth/load-actor";
import { scopeClientsSql } from "@/lib/auth/scope";
import type { DbTx } from "@/lib/db/prisma";

export interface ScopedAlertRef {
  id: number;
  clientId: number;
  familyCode: string;
  motive: "REPLENISHMENT" | "CAPTURE" | "DETERIORATION" | "CHURN_RISK" | "REACTIVATION";
  status: "OPEN" | "SNOOZED" | "ATTENDED" | "DISMISSED" | "EXPIRED";
  version: number;
}

export async function findScopedAlert(db: DbTx, actor: Actor, alertId: number): Promise<ScopedAlertRef | null> {
  if (!Number.isSafeInteger(alertId) || alertId <= 0 || alertId > 2_147_483_647) return null;
  const scope = scopeClientsSql(actor, "c", 2);
  const [row] = await db.$queryRawUnsafe<ScopedAlertRef[]>(
    `SELECT a.id, a.client_id AS "clientId", a.family_code AS "familyCode", a.motive::text AS motive, a.status::text AS status, a.version
       FROM alert a JOIN client c ON c.id = a.client_id
      WHERE a.id = $1::int AND NOT a.held_out AND ${scope.sql}`,
    alertId,
    ...scope.params,
  );
  return row ?? null;
}
