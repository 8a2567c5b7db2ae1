"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define-action";
import { dismissAlertCommand, dismissInput } from "./alert-commands";

/** Closes the alert as not worth working, with a reason code (what the engine learns false positives from). */
export const dismissAlert = defineAction({ input: dismissInput, permission: "alert.act" }, (input, { actor, db }) =>
  dismissAlertCommand(db, actor, input),
);
