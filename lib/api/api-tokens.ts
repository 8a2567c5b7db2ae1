// Personal API tokens for CRMs. The token is `sds_<prefix>_<secret>`: the prefix (8 hex) is public
// and shown in the admin list so a token can be recognised; the secret (32 random bytes, base64url)
// is shown once, when the token is created. Only the SHA-256 of the whole token is stored, so the
// database alone cannot be used to call the API. A random 256-bit secret needs no slow hash (no
// dictionary to guess from), and looking the hash up by its unique index leaks nothing by timing.
import { createHash, randomBytes } from "node:crypto";
import { loadActor, type Actor } from "@/lib/auth/load-actor";
import type { DbTx } from "@/lib/db/prisma";

export const API_TOKEN_PATTERN = /^sds_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

/** A token's last-use time is written at most this often (a busy CRM must not turn reads into writes). */
export const LAST_USED_RESOLUTION_MS = 60_000;

export interface GeneratedApiToken {
  token: string;
  prefix: string;
  tokenHash: string;
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function generateApiToken(): GeneratedApiToken {
  const prefix = randomBytes(4).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  const token = `sds_${prefix}_${secret}`;
  return { token, prefix, tokenHash: hashApiToken(token) };
}

/**
 * The actor a presented token acts as, or null when the token is malformed, unknown, revoked, or its
 * owner is deactivated. The owner's role and scope are re-read on every call, like a session's.
 */
export async function authenticateApiToken(db: DbTx, presented: string, now: Date = new Date()): Promise<Actor | null> {
  if (!API_TOKEN_PATTERN.test(presented)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(presented) },
    select: { id: true, userId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  const actor = await loadActor(db, row.userId);
  if (!actor) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return actor;
}
