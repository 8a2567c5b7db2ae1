"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define-action";
import { createApiTokenCommand, createApiTokenInput } from "./token-commands";

/** Issues a personal API token for a user; the secret is in the result, once. */
export const createApiToken = defineAction({ input: createApiTokenInput, permission: "tokens.manage" }, (input, { actor, db }) =>
  createApiTokenCommand(db, actor, input),
);
