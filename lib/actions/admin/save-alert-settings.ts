"use server";
import "server-only";
import { defineAction, type ActionResult } from "@/lib/actions/define-action";
import { FieldErrorsError, saveAlertSettingsCommand, saveAlertSettingsInput } from "./settings-commands";

const save = defineAction({ input: saveAlertSettingsInput, permission: "settings.manage" }, async (input, { actor, db }) => {
  try {
    return { ok: true as const, data: await saveAlertSettingsCommand(db, actor, input) };
  } catch (error) {
    if (error instanceof FieldErrorsError) return { ok: false as const, error: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
});

/** Capacity, control-group share and motive thresholds; field errors come back per setting path. */
export async function saveAlertSettingsAction(input: Parameters<typeof save>[0]): Promise<ActionResult<{ saved: number }>> {
  const result = await save(input);
  return result.ok ? result.data : result;
}
