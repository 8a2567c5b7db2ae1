"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define-action";
import { saveChannelRulesCommand, saveChannelRulesInput } from "./settings-commands";

/** Replaces the channel rule table (rows kept by id, removed ones deleted, new ones added) in one transaction. */
export const saveChannelRules = defineAction({ input: saveChannelRulesInput, permission: "settings.manage" }, (input, { actor, db }) =>
  saveChannelRulesCommand(db, actor, input),
);
