// The channel rule table: which channel and response deadline an alert gets. The first rule (by
// position) whose conditions all hold wins; a null condition matches anything. The defaults below are
// what `seedChannelRules` writes into `channel_rule`; an admin edits the table, not this code.
import { addDays, maxDate, minDate } from "./alert-dates";
import type { Channel, IsoDate, Motive, PriorityBand } from "./types";

export interface ChannelRule {
  /** Database id; null for the built-in defaults before they are seeded. */
  id: number | null;
  position: number;
  motive: Motive | null;
  priorityBand: PriorityBand | null;
  /** Expected impact (€) at least this. */
  minImpact: number | null;
  channel: Channel;
  responseDays: number;
  description: string;
}

type RuleSpec = Omit<ChannelRule, "id" | "position">;
const rule = (motive: Motive | null, priorityBand: PriorityBand | null, minImpact: number | null, channel: Channel, responseDays: number, description: string): RuleSpec => ({
  motive,
  priorityBand,
  minImpact,
  channel,
  responseDays,
  description,
});

export const DEFAULT_CHANNEL_RULES: readonly ChannelRule[] = [
  rule("CHURN_RISK", "HIGH", 1000, "FIELD_VISIT", 5, "Riesgo de abandono alto con mucho en juego: visita presencial en 5 días."),
  rule("DETERIORATION", "HIGH", 1000, "FIELD_VISIT", 7, "Cliente fiel que cae con mucho en juego: visita presencial en 7 días."),
  rule("CAPTURE", "HIGH", 1000, "FIELD_VISIT", 7, "Gran oportunidad de captura: visita presencial en 7 días."),
  rule(null, "HIGH", null, "DELEGATE_CALL", 3, "Prioridad alta: llamada del delegado en 3 días."),
  rule("REPLENISHMENT", "MEDIUM", null, "TELESALES", 5, "Reposición de valor medio: televenta en 5 días."),
  rule("REACTIVATION", "MEDIUM", null, "TELESALES", 10, "Reactivación de valor medio: televenta en 10 días."),
  rule(null, "MEDIUM", null, "DELEGATE_CALL", 7, "Prioridad media: llamada del delegado en 7 días."),
  rule("REPLENISHMENT", "LOW", null, "MARKETING_AUTOMATION", 7, "Reposición de poco valor: recordatorio automático (email) en 7 días."),
  rule("REACTIVATION", "LOW", null, "MARKETING_AUTOMATION", 14, "Reactivación de poco valor: campaña automática en 14 días."),
  rule(null, null, null, "TELESALES", 10, "Resto de alertas: televenta en 10 días."),
].map((spec, index) => ({ ...spec, id: null, position: (index + 1) * 10 }));

export function matchChannelRule(
  rules: readonly ChannelRule[],
  alert: { motive: Motive; priorityBand: PriorityBand; expectedImpact: number },
): ChannelRule {
  const ordered = [...rules].sort((a, b) => a.position - b.position || (a.id ?? 0) - (b.id ?? 0));
  const found = ordered.find(
    (r) =>
      (r.motive === null || r.motive === alert.motive) &&
      (r.priorityBand === null || r.priorityBand === alert.priorityBand) &&
      (r.minImpact === null || alert.expectedImpact >= r.minImpact),
  );
  // The defaults end with a catch-all; an edited table may not, and every alert needs a channel.
  return found ?? DEFAULT_CHANNEL_RULES[DEFAULT_CHANNEL_RULES.length - 1];
}

/** Respond within responseDays of the window opening, and never after it closes. */
export function responseDeadline(contactFrom: IsoDate, contactUntil: IsoDate, responseDays: number): IsoDate {
  return maxDate(contactFrom, minDate(addDays(contactFrom, responseDays), contactUntil));
}
