import "server-only";
// The door to a delegate's page: a delegate who owns a province within the actor's scope (an admin:
// any delegate), with those provinces; null otherwise (→ 404, whether the delegate exists or not).
import type { Actor } from "@/lib/auth/load-actor";
import { regionCodesInScope, type Queryable } from "./region-scope";

export interface ScopedDelegate {
  id: number;
  name: string;
  email: string;
  /** The delegate's provinces within the actor's scope. */
  provinces: { code: string; name: string; regionCode: string }[];
}

export async function findScopedDelegate(db: Queryable, actor: Actor, delegateId: number): Promise<ScopedDelegate | null> {
  if (!Number.isSafeInteger(delegateId) || delegateId <= 0) return null;
  const regions = regionCodesInScope(actor);
  if (!regions.length) return null;
  const { rows } = await db.query<{ id: number; name: string; email: string; code: string | null; province_name: string | null; region_code: string | null }>(
    `SELECT d.id, u.name, u.email, p.code, p.name AS province_name, p.region_code
       FROM delegate d
       JOIN app_user u ON u.id = d.user_id
       LEFT JOIN province p ON p.delegate_id = d.id AND p.region_code = ANY($2::text[])
      WHERE d.id = $1
      ORDER BY p.name`,
    [delegateId, regions],
  );
  const provinces = rows.filter((r) => r.code !== null).map((r) => ({ code: r.code!, name: r.province_name!, regionCode: r.region_code! }));
  const first = rows[0];
  // An admin may open a delegate without provinces; a manager only one working in their regions.
  if (!first || (actor.role !== "ADMIN" && provinces.length === 0)) return null;
  return { id: first.id, name: first.name, email: first.email, provinces };
}
