"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define-action";
import { createUserCommand, createUserInput } from "./user-commands";

/** Creates a user with an initial password (hashed); a delegate gets their delegate record. */
export const createUser = defineAction({ input: createUserInput, permission: "users.manage" }, (input, { actor, db }) => createUserCommand(db, actor, input));
