"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define-action";
import { snoozeAlertCommand, snoozeInput } from "./alert-commands";

/** Puts the alert aside until a date (at most 90 days ahead); it comes back to Pendientes on that day. */
export const snoozeAlert = defineAction({ input: snoozeInput, permission: "alert.act" }, (input, { actor, db }) =>
  snoozeAlertCommand(db, actor, input),
);
