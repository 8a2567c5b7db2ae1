import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db/client";
import { loadActor, type Actor } from "@/lib/auth/load-actor";
import { can, type Permission } from "@/lib/auth/permissions";

export type { Actor };

/** The signed-in, still-active user of this request, or null. Cached per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  if (typeof userId !== "number") return null;
  return loadActor(db(), userId);
});

/** For pages: anonymous → login; signed in without the permission → 403 page. */
export async function requirePagePermission(permission: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (!can(actor.role, permission)) forbidden();
  return actor;
}
