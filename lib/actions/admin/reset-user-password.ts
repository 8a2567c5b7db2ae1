"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define-action";
import { resetUserPasswordCommand, resetUserPasswordInput } from "./user-commands";

/** Sets a new password for a user and lifts a login lock-out. */
export const resetUserPassword = defineAction({ input: resetUserPasswordInput, permission: "users.manage" }, (input, { actor, db }) => resetUserPasswordCommand(db, actor, input));
