import "server-only";
import type { Actor } from "@/lib/auth/load-actor";

/** What a cached figure's scope depends on: never the user, only what scopeClients reads. */
export function scopeKey(actor: Actor): string {
  switch (actor.role) {
    case "ADMIN":
      return "admin";
    case "MANAGER":
      return `manager:${[...actor.regionCodes].sort().join(",")}`;
    case "DELEGATE":
      return `delegate:${actor.delegateId ?? "none"}`;
  }
}
