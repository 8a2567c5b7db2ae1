import "server-only";
// The door to a client's page: a client within the actor's scope, or null (→ 404, whether the client
// exists or not).
import type { Actor } from "@/lib/auth/load-actor";
import { addClientScope } from "./alert-kpi-query";
import type { Queryable } from "./region-scope";
import { SqlParams } from "./sql-params";

export interface ScopedClient {
  id: number;
  externalId: string;
  postalCode: string | null;
  registered: boolean;
  qualityFlags: string[];
  province: { code: string; name: string } | null;
  region: { code: string; name: string } | null;
  delegate: { id: number; name: string } | null;
}

export async function findScopedClient(db: Queryable, actor: Actor, clientId: number): Promise<ScopedClient | null> {
  if (!Number.isSafeInteger(clientId) || clientId <= 0) return null;
  const params = new SqlParams();
  const id = params.add(clientId);
  const scope = addClientScope(params, actor, "c");
  const { rows } = await db.query<{
    id: number;
    external_id: string;
    postal_code: string | null;
    registered: boolean;
    quality_flags: string[];
    province_code: string | null;
    province_name: string | null;
    region_code: string | null;
    region_name: string | null;
    delegate_id: number | null;
    delegate_name: string | null;
  }>(
    `SELECT c.id, c.external_id, c.postal_code, c.registered, c.quality_flags,
            p.code AS province_code, p.name AS province_name, r.code AS region_code, r.name AS region_name,
            d.id AS delegate_id, u.name AS delegate_name
       FROM client c
       LEFT JOIN province p ON p.code = c.province_code
       LEFT JOIN region r ON r.code = p.region_code
       LEFT JOIN delegate d ON d.id = p.delegate_id
       LEFT JOIN app_user u ON u.id = d.user_id
      WHERE c.id = ${id}::int AND ${scope}`,
    params.values,
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    externalId: r.external_id,
    postalCode: r.postal_code,
    registered: r.registered,
    qualityFlags: r.quality_flags,
    province: r.province_code ? { code: r.province_code, name: r.province_name! } : null,
    region: r.region_code ? { code: r.region_code, name: r.region_name! } : null,
    delegate: r.delegate_id ? { id: r.delegate_id, name: r.delegate_name! } : null,
  };
}
