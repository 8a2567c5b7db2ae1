"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define-action";
import { reopenAlertCommand, reopenInput } from "./alert-commands";

/** Brings a snoozed, attended or dismissed alert back to Pendientes. */
export const reopenAlert = defineAction({ input: reopenInput, permission: "alert.act" }, (input, { actor, db }) =>
  reopenAlertCommand(db, actor, input),
);
