import "server-only";
import type { Actor } from "@/lib/auth/load-actor";
import type { RoleName } from "@/lib/auth/roles";
import type { DbTx } from "@/lib/db/prisma";
import { assertPermission } from "./assert-permission";

export interface AdminUserRow {
  id: number;
  email: string;
  name: string;
  role: RoleName;
  active: boolean;
  createdAt: string;
  /** Delegates: their provinces (codes). */
  provinceCodes: string[];
  /** Managers: their autonomous communities (codes). */
  regionCodes: string[];
  activeTokens: number;
}

export async function listUsers(db: DbTx, actor: Actor): Promise<AdminUserRow[]> {
  assertPermission(actor, "users.manage");
  const users = await db.user.findMany({
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      createdAt: true,
      delegate: { select: { provinces: { select: { code: true }, orderBy: { code: "asc" } } } },
      regions: { select: { regionCode: true }, orderBy: { regionCode: "asc" } },
      _count: { select: { apiTokens: { where: { revokedAt: null } } } },
    },
    orderBy: [{ active: "desc" }, { role: "asc" }, { name: "asc" }],
  });
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    provinceCodes: user.role === "DELEGATE" ? (user.delegate?.provinces.map((p) => p.code) ?? []) : [],
    regionCodes: user.role === "MANAGER" ? user.regions.map((r) => r.regionCode) : [],
    activeTokens: user._count.apiTokens,
  }));
}
