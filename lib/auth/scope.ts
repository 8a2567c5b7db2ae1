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

/** SQL condition on a client alias (e.g. `c`) for raw queries; parameters are numbered from `offset`. */
export function scopeClientsSql(actor: Actor, clientAlias: string, offset = 1): { sql: string; params: unknown[] } {
  switch (actor.role) {
    case "ADMIN":
      return { sql: "TRUE", params: [] };
    case "MANAGER":
      return {
        sql: `${clientAlias}.province_code IN (SELECT code FROM province WHERE region_code = ANY($${offset}::text[]))`,
        params: [actor.regionCodes],
      };
    case "DELEGATE":
      return {
        sql: `${clientAlias}.province_code IN (SELECT code FROM province WHERE delegate_id = $${offset}::int)`,
        params: [actor.delegateId ?? -1],
      };
  }
}
