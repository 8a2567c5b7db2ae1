"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define-action";
import { setDelegateCapacityCommand, setDelegateCapacityInput } from "./settings-commands";

/** A delegate's own daily capacity (null: the global setting). */
export const setDelegateCapacity = defineAction({ input: setDelegateCapacityInput, permission: "settings.manage" }, (input, { actor, db }) =>
  setDelegateCapacityCommand(db, actor, input),
);
