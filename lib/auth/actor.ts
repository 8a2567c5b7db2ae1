import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { pool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { loadActor, type Actor } from "@/lib/auth/load-actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { readSessionToken } from "@/lib/auth/session-token";

export type { Actor };

/** The signed-in user id from the session cookie, verified as getServerSession would (see session-token.ts). */
async function sessionUserId(): Promise<unknown> {
  const { NEXTAUTH_SECRET: secret, NEXTAUTH_URL: url } = env();
  if (!secret) {
    // No configured secret: let next-auth apply its own rules (it refuses in production).
    const session = await getServerSession(authOptions);
    return session?.user?.id;
  }
  const jar = await cookies();
  const token = await readSessionToken(Object.fromEntries(jar.getAll().map((cookie) => [cookie.name, cookie.value])), secret, url);
  return token?.userId;
}

/** The signed-in, still-active user of this request, or null. Cached per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const userId = await sessionUserId();
  if (typeof userId !== "number") return null;
  return loadActor(pool(), userId);
});

/** For pages: anonymous → login; signed in without the permission → 403 page. */
export async function requirePagePermission(permission: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (!can(actor.role, permission)) forbidden();
  return actor;
}
