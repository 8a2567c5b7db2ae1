"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define-action";
import { attendAlertCommand, attendInput } from "./alert-commands";

/** Records that the delegate worked the alert: channel used, whether they reached the client, the outcome. */
export const attendAlert = defineAction({ input: attendInput, permission: "alert.act" }, (input, { actor, db }) =>
  attendAlertCommand(db, actor, input),
);
