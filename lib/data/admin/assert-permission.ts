import "server-only";
import type { Actor } from "@/lib/auth/load-actor";
import { can, type Permission } from "@/lib/auth/permissions";

/** Admin data is never read on behalf of someone who may not see it, whatever the caller forgot. */
export function assertPermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new Error(`Permission ${permission} required`);
}
