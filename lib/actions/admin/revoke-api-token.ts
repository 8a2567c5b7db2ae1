"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define-action";
import { revokeApiTokenCommand, revokeApiTokenInput } from "./token-commands";

/** Revokes a token: its next request gets 401. */
export const revokeApiToken = defineAction({ input: revokeApiTokenInput, permission: "tokens.manage" }, (input, { actor, db }) =>
  revokeApiTokenCommand(db, actor, input),
);
