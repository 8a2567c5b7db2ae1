import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getActor, type Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { Db } from "@/lib/db/prisma";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

/** Thrown by handlers for expected failures; its message (Spanish) is shown to the user. */
export class ActionError extends Error {}

interface ActionConfig<S extends z.ZodType> {
  input: S;
  /** Required: there is no default, so an action cannot be left open by omission. */
  permission: Permission;
}

type Handler<S extends z.ZodType, T> = (input: z.infer<S>, context: { actor: Actor; db: Db }) => Promise<T>;

/**
 * Every server action goes through here: re-reads the user, checks the permission, validates the
 * input with zod, then runs the handler. Unexpected errors are logged with an id and shown generically.
 */
export function defineAction<S extends z.ZodType, T>(config: ActionConfig<S>, handler: Handler<S, T>) {
  return async (rawInput: z.input<S>): Promise<ActionResult<T>> => {
    const actor = await getActor();
    if (!actor) return { ok: false, error: "Tu sesión ha caducado. Vuelve a iniciar sesión." };
    if (!can(actor.role, config.permission)) return { ok: false, error: "No tienes permiso para esta acción." };
    const parsed = config.input.safeParse(rawInput);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path.join(".") || "_";
        (fieldErrors[field] ??= []).push(issue.message);
      }
      return { ok: false, error: "Revisa los datos del formulario.", fieldErrors };
    }
    try {
      return { ok: true, data: await handler(parsed.data, { actor, db: db() }) };
    } catch (error) {
      if (error instanceof ActionError) return { ok: false, error: error.message };
      const errorId = randomUUID().slice(0, 8);
      console.error(`[action ${errorId}]`, error);
      return { ok: false, error: `Error inesperado (ref. ${errorId}). Inténtalo de nuevo.` };
    }
  };
}
