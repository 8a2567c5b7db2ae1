import "server-only";
import type { Actor } from "@/lib/auth/load-actor";
import type { RoleName } from "@/lib/auth/roles";
import type { DbTx } from "@/lib/db/prisma";
import { assertPermission } from "./assert-permission";

export interface ApiTokenRow {
  id: number;
  name: string;
  /** `sds_<prefix>_…`: enough to recognise a token, useless to call the API with. */
  prefix: string;
  user: { id: number; name: string; email: string; role: RoleName; active: boolean };
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function listApiTokens(db: DbTx, actor: Actor): Promise<ApiTokenRow[]> {
  assertPermission(actor, "tokens.manage");
  const rows = await db.apiToken.findMany({
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      user: { select: { id: true, name: true, email: true, role: true, active: true } },
    },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { id: "desc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    user: row.user,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}

/** Active users a token can be issued to. */
export async function listTokenOwners(db: DbTx, actor: Actor): Promise<{ id: number; name: string; email: string; role: RoleName }[]> {
  assertPermission(actor, "tokens.manage");
  return db.user.findMany({ where: { active: true }, select: { id: true, name: true, email: true, role: true }, orderBy: [{ role: "asc" }, { name: "asc" }] });
}
