import "server-only";
import { NextResponse } from "next/server";
import { getActor, type Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { authenticateApiToken } from "@/lib/api/api-tokens";
import { db } from "@/lib/db/client";

type RouteHandler<C> = (request: Request, context: C & { actor: Actor }) => Promise<Response>;

/** What a personal API token may do: read, within its owner's scope. Admin endpoints need a session. */
const TOKEN_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>(["api.read"]);

function unauthorized(error: string, message: string, bearer = false): Response {
  return NextResponse.json(
    { error, message },
    { status: 401, headers: bearer ? { "www-authenticate": `Bearer error="invalid_token"` } : undefined },
  );
}

/** The token of an `Authorization: Bearer …` header; undefined without one (then the session counts). */
function bearerToken(request: Request): string | undefined {
  const header = request.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (header && /^Bearer\b/i.test(header)) return match?.[1] ?? "";
  return undefined;
}

/**
 * API routes: a personal API token (`Authorization: Bearer sds_…`) or the session. 401 JSON without
 * either, or for an unknown, malformed or revoked token (never falling back to the cookie); 403 JSON
 * without the permission (never a redirect).
 */
export function withApiAuth<C extends object>(permission: Permission, handler: RouteHandler<C>) {
  return async (request: Request, context: C): Promise<Response> => {
    const token = bearerToken(request);
    let actor: Actor | null;
    if (token !== undefined) {
      actor = token ? await authenticateApiToken(db(), token) : null;
      if (!actor) return unauthorized("invalid_token", "The API token is invalid or has been revoked.", true);
      if (!TOKEN_PERMISSIONS.has(permission)) {
        return NextResponse.json({ error: "forbidden", message: "API tokens can only read alerts and scores." }, { status: 403 });
      }
    } else {
      actor = await getActor();
      if (!actor) return unauthorized("unauthorized", "Authentication required.");
    }
    if (!can(actor.role, permission)) {
      return NextResponse.json({ error: "forbidden", message: "Your role cannot use this endpoint." }, { status: 403 });
    }
    return handler(request, { ...context, actor });
  };
}
