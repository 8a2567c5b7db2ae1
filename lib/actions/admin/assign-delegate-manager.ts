"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define-action";
import { assignDelegateManagerCommand, assignDelegateManagerInput } from "./territory-commands";

/** Puts a delegate in a manager's team (or in none). */
export const assignDelegateManager = defineAction({ input: assignDelegateManagerInput, permission: "users.manage" }, (input, { actor, db }) => assignDelegateManagerCommand(db, actor, input));
