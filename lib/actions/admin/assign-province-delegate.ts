"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define-action";
import { assignProvinceDelegateCommand, assignProvinceDelegateInput } from "./territory-commands";

/** Gives a province to a delegate (or to nobody); its clients' open alerts move with it (REASSIGNED events). */
export const assignProvinceDelegate = defineAction({ input: assignProvinceDelegateInput, permission: "users.manage" }, (input, { actor, db }) => assignProvinceDelegateCommand(db, actor, input));
