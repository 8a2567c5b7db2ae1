import "server-only";
// Alert settings: the editable thresholds (checked field by field here, in Spanish, then as a whole
// by saveAlertSettings — its cross-field errors come back on the same field paths), each delegate's
// daily capacity override, and the channel rule table (rows updated in place, so the rule id an
// existing alert's trace points to keeps meaning the same rule).
import { z } from "zod";
import { ActionError } from "@/lib/actions/define-action";
import { saveAlertSettings, type AlertSettings, type DeepPartial } from "@/lib/alerts";
import type { Actor } from "@/lib/auth/load-actor";
import { EDITABLE_SETTING_FIELDS } from "@/lib/data/admin/alert-setting-fields";
import type { Db } from "@/lib/db/prisma";

export class FieldErrorsError extends ActionError {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super("Revisa los valores marcados.");
  }
}

const number = (min: number, max: number, integer: boolean) => {
  let schema = z.number({ error: "Escribe un número." }).min(min, `Como mínimo ${min}.`).max(max, `Como máximo ${max}.`);
  if (integer) schema = schema.int("Debe ser un número entero.");
  return schema;
};

export const saveAlertSettingsInput = z.object(
  Object.fromEntries(EDITABLE_SETTING_FIELDS.map((f) => [f.path, number(f.min, f.max, f.integer).optional()])) as Record<string, z.ZodOptional<z.ZodNumber>>,
);

function nest(flat: Record<string, number | undefined>): DeepPartial<AlertSettings> {
  const result: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    if (value === undefined) continue;
    const keys = path.split(".");
    let node = result;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys.at(-1)!] = value;
  }
  return result as DeepPartial<AlertSettings>;
}

export async function saveAlertSettingsCommand(db: Db, _actor: Actor, input: z.infer<typeof saveAlertSettingsInput>): Promise<{ saved: number }> {
  const result = await saveAlertSettings(db, nest(input));
  if (!result.ok) throw new FieldErrorsError(result.fieldErrors);
  return { saved: Object.values(input).filter((v) => v !== undefined).length };
}

export const setDelegateCapacityInput = z.object({
  delegateId: z.number().int().positive(),
  dailyCapacity: number(1, 500, true).nullable(),
});

export async function setDelegateCapacityCommand(db: Db, _actor: Actor, input: z.infer<typeof setDelegateCapacityInput>) {
  const updated = await db.delegate.updateMany({ where: { id: input.delegateId }, data: { dailyCapacity: input.dailyCapacity } });
  if (updated.count === 0) throw new ActionError("Ese delegado no existe.");
  return input;
}

const MOTIVES = ["REPLENISHMENT", "CAPTURE", "DETERIORATION", "CHURN_RISK", "REACTIVATION"] as const;
const BANDS = ["HIGH", "MEDIUM", "LOW"] as const;
const CHANNELS = ["FIELD_VISIT", "DELEGATE_CALL", "TELESALES", "MARKETING_AUTOMATION"] as const;

export const channelRuleInput = z.object({
  id: z.number().int().positive().nullable(),
  position: number(0, 100_000, true),
  motive: z.enum(MOTIVES, { error: "Motivo no válido." }).nullable(),
  priorityBand: z.enum(BANDS, { error: "Prioridad no válida." }).nullable(),
  minImpact: number(0, 10_000_000, false).nullable(),
  channel: z.enum(CHANNELS, { error: "Elige un canal." }),
  responseDays: number(0, 365, true),
  description: z.string().trim().min(3, "Describe la regla.").max(300, "Como mucho 300 caracteres."),
});

export const saveChannelRulesInput = z
  .object({ rules: z.array(channelRuleInput).min(1, "Debe haber al menos una regla.").max(100, "Como mucho 100 reglas.") })
  .superRefine(({ rules }, ctx) => {
    const seen = new Map<number, number>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.position)) ctx.addIssue({ code: "custom", path: ["rules", index, "position"], message: "Posición repetida." });
      seen.set(rule.position, index);
    });
  });

export interface SavedChannelRules {
  rules: number;
  /** No rule without conditions: alerts that match none fall back to the built-in catch-all (televenta, 10 días). */
  missingCatchAll: boolean;
}

export async function saveChannelRulesCommand(db: Db, _actor: Actor, input: z.infer<typeof saveChannelRulesInput>): Promise<SavedChannelRules> {
  return db.$transaction(async (tx) => {
    // The same lock as seedChannelRules: a pipeline seeding an empty table cannot interleave.
    await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('channel_rule:seed'))`);
    const keep = input.rules.flatMap((rule) => (rule.id === null ? [] : [rule.id]));
    const existing = new Set((await tx.channelRule.findMany({ where: { id: { in: keep } }, select: { id: true } })).map((r) => r.id));
    await tx.channelRule.deleteMany({ where: { id: { notIn: keep } } });
    for (const { id, ...rule } of input.rules) {
      if (id !== null && existing.has(id)) await tx.channelRule.update({ where: { id }, data: rule });
      else await tx.channelRule.create({ data: rule });
    }
    const missingCatchAll = !input.rules.some((r) => r.motive === null && r.priorityBand === null && r.minImpact === null);
    return { rules: input.rules.length, missingCatchAll };
  });
}
