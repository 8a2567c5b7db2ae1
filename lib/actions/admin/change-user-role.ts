"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define-action";
import { changeUserRoleCommand, changeUserRoleInput } from "./user-commands";

/** Changes a user's role (not one's own; not a delegate who still has provinces). */
export const changeUserRole = defineAction({ input: changeUserRoleInput, permission: "users.manage" }, (input, { actor, db }) => changeUserRoleCommand(db, actor, input));
