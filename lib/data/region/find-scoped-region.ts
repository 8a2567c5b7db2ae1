import "server-only";
// The door to a community's page: known and within the actor's scope, or null (→ 404).
import type { Actor } from "@/lib/auth/load-actor";
import { REGIONS } from "@/lib/geo/spain";
import { regionInScope } from "./region-scope";

export function findScopedRegion(actor: Actor, regionCode: string): { code: string; name: string } | null {
  const region = REGIONS.find((r) => r.code === regionCode);
  return region && regionInScope(actor, region.code) ? { code: region.code, name: region.name } : null;
}
