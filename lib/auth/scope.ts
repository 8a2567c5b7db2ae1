// Row scoping: which clients an actor may see. Every data function builds its filter from here.
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/load-actor";

/** Prisma filter on Client for the actor's scope. A delegate without provinces sees nothing. */
export function scopeClients(actor: Actor): Prisma.ClientWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "MANAGER":
      return { province: { regionCode: { in: actor.regionCodes } } };
    case "DELEGATE":
      return actor.delegateId === null ? { id: -1 } : { province: { delegateId: actor.delegateId } };
  }
}

/** SQL condition on a province alias (e.g. `p`) for raw queries: the provinces whose clients the actor
 *  sees (admin: all; manager: their communities'; delegate: those assigned to them). Parameters are
 *  numbered from `offset`. */
export function scopeProvincesSql(actor: Actor, provinceAlias: string, offset = 1): { sql: string; params: unknown[] } {
  switch (actor.role) {
    case "ADMIN":
      return { sql: "TRUE", params: [] };
    case "MANAGER":
      return { sql: `${provinceAlias}.region_code = ANY($${offset}::text[])`, params: [actor.regionCodes] };
    case "DELEGATE":
      return { sql: `${provinceAlias}.delegate_id = $${offset}::int`, params: [actor.delegateId ?? -1] };
  }
}

/** SQL condition on a client alias (e.g. `c`) for raw queries; parameters are numbered from `offset`. */
export function scopeClientsSql(actor: Actor, clientAlias: string, offset = 1): { sql: string; params: unknown[] } {
  if (actor.role === "ADMIN") return { sql: "TRUE", params: [] };
  const provinces = scopeProvincesSql(actor, "scope_p", offset);
  return { sql: `${clientAlias}.province_code IN (SELECT scope_p.code FROM province scope_p WHERE ${provinces.sql})`, params: provinces.params };
}

/** SQL condition on an alert alias (e.g. `a`) for raw queries: alerts whose client the actor sees, read
 *  from the alert's own copy of its client's province (`alert.province_code`, kept equal to the
 *  client's by triggers in the database), so scoping alerts needs no join to client. Same provinces as
 *  `scopeClientsSql`, collected once per statement into an array (a membership test per alert is
 *  cheaper than joining each one); parameters are numbered from `offset`. */
export function scopeAlertsSql(actor: Actor, alertAlias: string, offset = 1): { sql: string; params: unknown[] } {
  if (actor.role === "ADMIN") return { sql: "TRUE", params: [] };
  const provinces = scopeProvincesSql(actor, "scope_p", offset);
  return { sql: `${alertAlias}.province_code = ANY (ARRAY(SELECT scope_p.code FROM province scope_p WHERE ${provinces.sql}))`, params: provinces.params };
}
