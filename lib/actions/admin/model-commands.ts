import "server-only";
import { z } from "zod";
import { ActionError } from "@/lib/actions/define-action";
import type { Actor } from "@/lib/auth/load-actor";
import type { Db } from "@/lib/db/prisma";

export const activateModelVersionInput = z.object({ versionId: z.number().int().positive() });

/**
 * Makes a version the active one of its head: every other version of that head is switched off in the
 * same transaction (the head's rows are locked first, so two admins switching at once cannot leave two
 * active versions).
 */
export async function activateModelVersionCommand(db: Db, _actor: Actor, input: z.infer<typeof activateModelVersionInput>) {
  return db.$transaction(async (tx) => {
    const target = await tx.modelVersion.findUnique({ where: { id: input.versionId }, select: { id: true, head: true, version: true, active: true } });
    if (!target) throw new ActionError("Esa versión del modelo ya no existe.");
    await tx.$queryRawUnsafe(`SELECT id FROM model_version WHERE head = $1::"ModelHead" FOR UPDATE`, target.head);
    await tx.modelVersion.updateMany({ where: { head: target.head, active: true, id: { not: target.id } }, data: { active: false } });
    if (!target.active) await tx.modelVersion.update({ where: { id: target.id }, data: { active: true } });
    return { id: target.id, head: target.head, version: target.version };
  });
}
