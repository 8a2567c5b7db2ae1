import "server-only";
// Which autonomous communities an actor's figures cover. The rows themselves are always filtered by
// scopeClientsSql (lib/auth/scope.ts); this only says which regions the map may colour and open.
import type { Pool } from "pg";
import type { Actor } from "@/lib/auth/load-actor";
import { REGIONS } from "@/lib/geo/spain";

export function regionCodesInScope(actor: Actor): string[] {
  switch (actor.role) {
    case "ADMIN":
      return REGIONS.map((r) => r.code);
    case "MANAGER":
      return [...actor.regionCodes];
    case "DELEGATE":
      return [];
  }
}

export function regionInScope(actor: Actor, regionCode: string): boolean {
  return regionCodesInScope(actor).includes(regionCode);
}

/** The pg handle the data functions need: the web server's Pool, a PoolClient, a test's pool. */
export type Queryable = Pick<Pool, "query">;
