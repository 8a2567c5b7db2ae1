// The alert settings in the `setting` table, key "alerts": only what an admin changed is stored;
// reading merges it over the defaults and validates the whole. A stored value that no longer
// validates (a bad hand edit) stops the run loudly rather than alerting with settings nobody chose.
import type { Db, DbTx } from "@/lib/db/prisma";
import { mergeDeep, resolveAlertSettings, type AlertSettings, type DeepPartial, type SettingsValidation } from "./alert-settings";

export const ALERT_SETTINGS_KEY = "alerts";

export class AlertSettingsError extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(`Invalid alert settings: ${Object.entries(fieldErrors).map(([k, v]) => `${k}: ${v.join("; ")}`).join(" | ")}`);
  }
}

async function storedOverrides(db: DbTx): Promise<Record<string, unknown>> {
  const row = await db.setting.findUnique({ where: { key: ALERT_SETTINGS_KEY }, select: { value: true } });
  const value = row?.value;
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export async function loadAlertSettings(db: DbTx): Promise<AlertSettings> {
  const resolved = resolveAlertSettings(await storedOverrides(db));
  if (!resolved.ok) throw new AlertSettingsError(resolved.fieldErrors);
  return resolved.settings;
}

/**
 * Merges `changes` into the stored overrides, validates the result as a whole and stores it.
 * Returns the effective settings, or the field errors (nothing is stored then).
 */
export async function saveAlertSettings(db: Db, changes: DeepPartial<AlertSettings>): Promise<SettingsValidation> {
  return db.$transaction(async (tx) => {
    // Two admins saving at once must not lose each other's keys: serialise read-merge-write.
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('setting:alerts'))`;
    const overrides = mergeDeep(await storedOverrides(tx), changes);
    const resolved = resolveAlertSettings(overrides);
    if (!resolved.ok) return resolved;
    await tx.setting.upsert({
      where: { key: ALERT_SETTINGS_KEY },
      create: { key: ALERT_SETTINGS_KEY, value: overrides as object },
      update: { value: overrides as object },
    });
    return resolved;
  });
}
