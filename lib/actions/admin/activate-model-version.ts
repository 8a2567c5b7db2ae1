"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define-action";
import { activateModelVersionCommand, activateModelVersionInput } from "./model-commands";

/** Switches the active version of a head (one transaction). */
export const activateModelVersion = defineAction({ input: activateModelVersionInput, permission: "pipeline.run" }, (input, { actor, db }) =>
  activateModelVersionCommand(db, actor, input),
);
