import "server-only";
import { NextResponse } from "next/server";
import { getActor, type Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";

type RouteHandler<C> = (request: Request, context: C & { actor: Actor }) => Promise<Response>;

/** API routes: 401 JSON without a session, 403 JSON without the permission (never a redirect). */
export function withApiAuth<C extends object>(permission: Permission, handler: RouteHandler<C>) {
  return async (request: Request, context: C): Promise<Response> => {
    const actor = await getActor();
    if (!actor) return NextResponse.json({ error: "unauthorized", message: "Authentication required." }, { status: 401 });
    if (!can(actor.role, permission)) {
      return NextResponse.json({ error: "forbidden", message: "Your role cannot use this endpoint." }, { status: 403 });
    }
    return handler(request, { ...context, actor });
  };
}
