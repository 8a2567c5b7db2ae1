import "server-only";
// Personal API tokens, issued by an admin to any active user: the token reads exactly what its owner
// may see (their role's scope, re-read on each call). The secret is returned once, here, and never
// stored: only its SHA-256 is (lib/api/api-tokens.ts).
import { z } from "zod";
import { ActionError } from "@/lib/actions/define-action";
import { generateApiToken } from "@/lib/api/api-tokens";
import type { Actor } from "@/lib/auth/load-actor";
import type { Db } from "@/lib/db/prisma";

export const createApiTokenInput = z.object({
  userId: z.number({ error: "Elige el usuario." }).int().positive(),
  name: z.string().trim().min(2, "Pon un nombre que identifique el uso (p. ej. «CRM Salesforce»).").max(100, "Como mucho 100 caracteres."),
});

export const revokeApiTokenInput = z.object({ tokenId: z.number().int().positive() });

export interface CreatedApiToken {
  id: number;
  prefix: string;
  /** The whole token, shown once. */
  token: string;
}

export async function createApiTokenCommand(db: Db, _actor: Actor, input: z.infer<typeof createApiTokenInput>): Promise<CreatedApiToken> {
  const owner = await db.user.findUnique({ where: { id: input.userId }, select: { active: true } });
  if (!owner) throw new ActionError("Ese usuario ya no existe.");
  if (!owner.active) throw new ActionError("Ese usuario está desactivado.");
  const generated = generateApiToken();
  const row = await db.apiToken.create({
    data: { userId: input.userId, name: input.name, prefix: generated.prefix, tokenHash: generated.tokenHash },
    select: { id: true },
  });
  return { id: row.id, prefix: generated.prefix, token: generated.token };
}

export async function revokeApiTokenCommand(db: Db, _actor: Actor, input: z.infer<typeof revokeApiTokenInput>): Promise<{ id: number; revokedAt: string }> {
  const token = await db.apiToken.findUnique({ where: { id: input.tokenId }, select: { id: true, revokedAt: true } });
  if (!token) throw new ActionError("Ese token ya no existe.");
  if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt.toISOString() };
  const revoked = await db.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() }, select: { revokedAt: true } });
  return { id: token.id, revokedAt: revoked.revokedAt!.toISOString() };
}
