"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define-action";
import { setManagerRegionsCommand, setManagerRegionsInput } from "./territory-commands";

/** Sets the autonomous communities a manager oversees. */
export const setManagerRegions = defineAction({ input: setManagerRegionsInput, permission: "users.manage" }, (input, { actor, db }) => setManagerRegionsCommand(db, actor, input));
