import "server-only";
// Territories: a province's delegate, a delegate's manager, a manager's autonomous communities.
// A province changing hands moves its clients' open alerts with it — alert.delegate_id and one
// REASSIGNED event per alert, in the same transaction as the province — so nobody's inbox keeps an
// alert for a client that is no longer theirs, and the alert's history says who moved it and why.
import { z } from "zod";
import { ActionError } from "@/lib/actions/define-action";
import type { Actor } from "@/lib/auth/load-actor";
import type { Db } from "@/lib/db/prisma";

const provinceCode = z.string().regex(/^\d{2}$/, "Provincia no válida.");
const id = z.number().int().positive();

export const assignProvinceDelegateInput = z.object({ provinceCode, delegateId: id.nullable() });
export const assignDelegateManagerInput = z.object({ delegateId: id, managerId: id.nullable() });
export const setManagerRegionsInput = z.object({
  managerId: id,
  regionCodes: z.array(z.string().regex(/^\d{2}$/, "Comunidad no válida.")).max(19),
});

export interface ProvinceReassignment {
  provinceCode: string;
  fromDelegateId: number | null;
  toDelegateId: number | null;
  /** Open (OPEN or SNOOZED) alerts that moved to the new delegate. */
  movedAlerts: number;
}

export async function assignProvinceDelegateCommand(db: Db, actor: Actor, input: z.infer<typeof assignProvinceDelegateInput>): Promise<ProvinceReassignment> {
  return db.$transaction(async (tx) => {
    // The province row is locked: two admins moving it at once are applied one after the other.
    const [province] = await tx.$queryRawUnsafe<{ code: string; delegate_id: number | null }[]>(
      `SELECT code, delegate_id FROM province WHERE code = $1 FOR UPDATE`,
      input.provinceCode,
    );
    if (!province) throw new ActionError("Esa provincia no existe.");
    if (input.delegateId !== null) {
      const delegate = await tx.delegate.findUnique({ where: { id: input.delegateId }, select: { user: { select: { role: true, active: true } } } });
      if (!delegate || delegate.user.role !== "DELEGATE") throw new ActionError("Ese delegado no existe.");
      if (!delegate.user.active) throw new ActionError("Ese delegado está desactivado.");
    }
    await tx.province.update({ where: { code: input.provinceCode }, data: { delegateId: input.delegateId } });
    const moved = await tx.$queryRawUnsafe<{ alert_id: number }[]>(
      `WITH moving AS (
         SELECT a.id, a.delegate_id AS from_delegate_id, a.status
           FROM alert a JOIN client c ON c.id = a.client_id
          WHERE c.province_code = $1 AND a.status IN ('OPEN', 'SNOOZED') AND a.delegate_id IS DISTINCT FROM $2::int
          FOR UPDATE OF a
       ), moved AS (
         UPDATE alert a SET delegate_id = $2::int, updated_at = now() FROM moving WHERE a.id = moving.id RETURNING a.id
       )
       INSERT INTO alert_event (alert_id, type, user_id, from_status, to_status, payload)
       SELECT moving.id, 'REASSIGNED', $3::int, moving.status, moving.status,
              jsonb_build_object('reason', 'TERRITORY_CHANGE', 'provinceCode', $1::text,
                                 'fromDelegateId', moving.from_delegate_id, 'toDelegateId', $2::int)
         FROM moving JOIN moved ON moved.id = moving.id
       RETURNING alert_id`,
      input.provinceCode,
      input.delegateId,
      actor.userId,
    );
    return { provinceCode: input.provinceCode, fromDelegateId: province.delegate_id, toDelegateId: input.delegateId, movedAlerts: moved.length };
  });
}

export async function assignDelegateManagerCommand(db: Db, _actor: Actor, input: z.infer<typeof assignDelegateManagerInput>) {
  if (input.managerId !== null) {
    const manager = await db.user.findUnique({ where: { id: input.managerId }, select: { role: true } });
    if (manager?.role !== "MANAGER") throw new ActionError("Ese gerente no existe.");
  }
  const updated = await db.delegate.updateMany({ where: { id: input.delegateId }, data: { managerId: input.managerId } });
  if (updated.count === 0) throw new ActionError("Ese delegado no existe.");
  return { delegateId: input.delegateId, managerId: input.managerId };
}

export async function setManagerRegionsCommand(db: Db, _actor: Actor, input: z.infer<typeof setManagerRegionsInput>) {
  const regionCodes = [...new Set(input.regionCodes)].sort();
  return db.$transaction(async (tx) => {
    const manager = await tx.user.findUnique({ where: { id: input.managerId }, select: { role: true } });
    if (manager?.role !== "MANAGER") throw new ActionError("Ese gerente no existe.");
    const known = await tx.region.count({ where: { code: { in: regionCodes } } });
    if (known !== regionCodes.length) throw new ActionError("Alguna comunidad autónoma no existe.");
    await tx.managerRegion.deleteMany({ where: { userId: input.managerId, regionCode: { notIn: regionCodes } } });
    await tx.managerRegion.createMany({ data: regionCodes.map((regionCode) => ({ userId: input.managerId, regionCode })), skipDuplicates: true });
    return { managerId: input.managerId, regionCodes };
  });
}
