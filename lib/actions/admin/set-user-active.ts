"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define-action";
import { setUserActiveCommand, setUserActiveInput } from "./user-commands";

/** Deactivates or reactivates a user; takes effect on their next request. */
export const setUserActive = defineAction({ input: setUserActiveInput, permission: "users.manage" }, (input, { actor, db }) => setUserActiveCommand(db, actor, input));
