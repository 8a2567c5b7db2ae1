import "server-only";

// Reads an alert's `reasons` and `trace` JSON into shapes the UI and the AI panel can show.
// The alert engine owns these documents; this reader accepts the shapes it may write (a list of
// strings, a list of objects with a text and a weight, or an object holding such a list) so a
// change of detail on the engine's side degrades to "shown less nicely", never to a crash.

// Built once: an Intl formatter costs far more to build than to use (toLocaleString builds one per call).
const ES_INTEGER = new Intl.NumberFormat("es-ES");
const ES_DECIMAL = new Intl.NumberFormat("es-ES", { maximumFractionDigits: 3 });
const ES_WHOLE = new Intl.NumberFormat("es-ES", { maximumFractionDigits: 0 });
const ES_EUROS = new Intl.NumberFormat("es-ES", { useGrouping: "always" });

export interface AlertReason {
  code: string | null;
  text: string;
  /** Contribution (SHAP value, rule weight) when the engine gives one. */
  weight: number | null;
}

export interface TraceStep {
  rule: string;
  detail: string | null;
  passed: boolean | null;
}

export interface AlertTrace {
  steps: TraceStep[];
  /** Other facts of the trace (model version, thresholds, as-of date…), flattened to label → value. */
  facts: { label: string; value: string }[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const TEXT_KEYS = ["text", "es", "message", "label", "description", "reason", "summary"];
const WEIGHT_KEYS = ["weight", "contribution", "shap"];
const LIST_KEYS = ["reasons", "items", "top", "list"];
const STEP_LIST_KEYS = ["rules", "steps", "checks", "conditions"];

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function firstString(object: Record<string, Json>, keys: string[]): string | null {
  for (const key of keys) {
    const value = object[key];
    if (typeof value === "string" && value.trim()) return value.trim();
  }
  return null;
}

function firstNumber(object: Record<string, Json>, keys: string[]): number | null {
  for (const key of keys) {
    const value = object[key];
    if (typeof value === "number" && Number.isFinite(value)) return value;
  }
  return null;
}

/** "days_since_last_purchase" → "Days since last purchase". */
export function humanizeKey(key: string): string {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_.-]+/g, " ").trim().toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function formatJsonValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") return Number.isInteger(value) ? ES_INTEGER.format(value) : ES_DECIMAL.format(value);
  if (typeof value === "boolean") return value ? "sí" : "no";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(formatJsonValue).join(", ");
  return Object.entries(value as Record<string, unknown>)
    .map(([key, inner]) => `${humanizeKey(key)}: ${formatJsonValue(inner)}`)
    .join("; ");
}

function toReason(item: Json): AlertReason | null {
  if (typeof item === "string") return item.trim() ? { code: null, text: item.trim(), weight: null } : null;
  if (!isObject(item)) return null;
  const code = firstString(item, ["code", "feature", "rule", "key"]);
  const text = firstString(item, TEXT_KEYS) ?? (code ? humanizeKey(code) : null);
  if (!text) return null;
  return { code, text, weight: firstNumber(item, WEIGHT_KEYS) };
}

export function readAlertReasons(reasons: unknown): AlertReason[] {
  let list: Json[] = [];
  if (Array.isArray(reasons)) list = reasons as Json[];
  else if (isObject(reasons)) {
    const key = LIST_KEYS.find((candidate) => Array.isArray(reasons[candidate]));
    list = key ? (reasons[key] as Json[]) : [reasons];
  } else if (typeof reasons === "string") list = [reasons];
  return list.map(toReason).filter((reason): reason is AlertReason => reason !== null);
}

const OPERATORS: Record<string, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "=", in: "∈" };

/** Spanish names of the engine's inputs (lib/alerts/types.ts PairContext and scores). */
const INPUT_LABELS: Record<string, string> = {
  pBuy90d: "Probabilidad de compra a 90 días",
  pChurn90d: "Probabilidad de abandono a 90 días",
  pChurn180d: "Probabilidad de abandono a 180 días",
  previousPBuy90d: "Probabilidad de compra a 90 días (ejecución anterior)",
  expectedDaysToNext: "Días estimados hasta la próxima compra",
  shareOfWallet: "Cuota de cartera",
  potential: "Potencial anual",
  potentialUnreliable: "Potencial poco fiable",
  lastPurchaseDate: "Última compra",
  recencyDays: "Días desde la última compra",
  medianGapDays: "Ritmo habitual (días entre compras)",
  purchaseDays365: "Días con compra en 12 meses",
  value365: "Compras en 12 meses",
  value365PrevYear: "Compras en los 12 meses anteriores",
  value90: "Compras en 90 días",
  value90Prev: "Compras en los 90 días anteriores",
  meanOrderValue: "Pedido medio",
  daysSinceCampaignEnd: "Días desde el fin de la última campaña",
  sameSeasonLastYearValue: "Compras en la misma temporada del año pasado",
};

/** Spanish names of the engine's rule checks (lib/alerts/rules/*: check("churnRisk.silenceDays", …)). */
const RULE_LABELS: Record<string, string> = {
  "replenishment.dueInDays": "Días hasta su próxima compra esperada",
  "replenishment.overdueRatio": "Retraso frente a su ritmo (veces)",
  "replenishment.pBuy90d": "Probabilidad de compra a 90 días",
  "replenishment.segment": "Segmento",
  "capture.dueInDays": "Días hasta su próxima compra esperada",
  "capture.gap": "Hueco entre potencial y compras",
  "capture.overdueDays": "Días de retraso sobre su ritmo",
  "capture.pBuy90d": "Probabilidad de compra a 90 días",
  "capture.potentialReliable": "Potencial fiable",
  "capture.segment": "Segmento",
  "deterioration.pBuy90d": "Probabilidad de compra a 90 días",
  "deterioration.pBuy90dDrop": "Caída de la probabilidad de compra",
  "deterioration.segment": "Segmento",
  "deterioration.trend365": "Tendencia anual (12 meses frente a los 12 anteriores)",
  "deterioration.trend90": "Tendencia trimestral (90 días frente a los 90 anteriores)",
  "deterioration.value365PrevYear": "Compras del año anterior",
  "churnRisk.active": "Cliente activo en la familia",
  "churnRisk.asOfInNormalPause": "Dentro de una pausa normal (vacaciones, tras campaña)",
  "churnRisk.block": "Bloque de producto",
  "churnRisk.hasRhythm": "Tiene un ritmo de compra conocido",
  "churnRisk.overdueRatio": "Silencio frente a su ritmo (veces)",
  "churnRisk.pChurn90d": "Probabilidad de abandono a 90 días",
  "churnRisk.silenceDays": "Días sin comprar (sin contar pausas normales)",
  "reactivation.daysLapsed": "Días desde que dejó de comprar",
  "reactivation.daysLapsedMax": "Días desde que dejó de comprar (tope)",
  "reactivation.daysLapsedVsRhythm": "Días sin comprar frente a su ritmo (veces)",
  "reactivation.everBought": "Ha comprado alguna vez la familia",
  "segment.share365": "Cuota de cartera (12 meses)",
  "segment.sharePrev365": "Cuota de cartera (12 meses anteriores)",
  "segment.hysteresis.stayShare": "Cuota mínima para conservar el segmento",
  "segment.history.valueVsLastYear": "Compras frente al año anterior",
  "segment.history.purchaseDays365": "Días con compra en 12 meses",
};

const MONEY_INPUTS = new Set(["potential", "value365", "value365PrevYear", "value90", "value90Prev", "meanOrderValue", "sameSeasonLastYearValue"]);

export function inputLabel(key: string): string {
  return INPUT_LABELS[key] ?? humanizeKey(key);
}

function toStep(item: Json, index: number): TraceStep {
  if (typeof item === "string") return { rule: item, detail: null, passed: null };
  if (!isObject(item)) return { rule: `#${index + 1}`, detail: formatJsonValue(item), passed: null };
  const rule = firstString(item, ["rule", "name", "id", "code", "check", "label"]) ?? `#${index + 1}`;
  const passedValue = item.passed ?? item.fired ?? item.matched ?? item.ok ?? item.result;
  const passed = typeof passedValue === "boolean" ? passedValue : null;
  // The engine's RuleCheck: { rule, value, op, threshold, passed } → "75 ≥ 45".
  if (typeof item.op === "string" && "value" in item && "threshold" in item) {
    const detail = `${formatJsonValue(item.value)} ${OPERATORS[item.op] ?? item.op} ${formatJsonValue(item.threshold)}`;
    return { rule: humanizeRuleName(rule), detail, passed };
  }
  const used = new Set(["rule", "name", "id", "code", "check", "label", "passed", "fired", "matched", "ok", "result"]);
  const explicit = firstString(item, ["detail", "description", "text", "es", "condition", "explanation"]);
  const rest = Object.entries(item).filter(([key]) => !used.has(key) && !["detail", "description", "text", "es", "explanation"].includes(key));
  const restText = rest
    .filter(([key]) => key !== "condition" || !explicit)
    .map(([key, value]) => `${humanizeKey(key)}: ${formatJsonValue(value)}`)
    .join(" · ");
  const detail = [explicit, restText].filter(Boolean).join(" · ") || null;
  return { rule: humanizeRuleName(rule), detail, passed };
}

function humanizeRuleName(rule: string): string {
  if (RULE_LABELS[rule]) return RULE_LABELS[rule];
  return /^[a-z0-9_.-]+$/i.test(rule) && /[_.]/.test(rule) ? humanizeKey(rule) : rule;
}

const SEGMENT_LABELS: Record<string, string> = {
  LOYAL: "fiel",
  PROMISCUOUS: "compra también a otros proveedores",
  MARGINAL: "compras residuales",
  TECHNICAL: "comprador de técnicos",
};

const percent = (value: unknown) => (typeof value === "number" ? `${ES_WHOLE.format(value * 100)} %` : "—");

/** The engine's own trace (lib/alerts/types.ts AlertTrace, engine "alerts/v1"), section by section. */
function readEngineTrace(trace: Record<string, Json>): AlertTrace {
  const steps = Array.isArray(trace.checks) ? trace.checks.map(toStep) : [];
  const facts: { label: string; value: string }[] = [];
  const segment = trace.segment;
  if (isObject(segment)) {
    const method = segment.method === "share" ? "por cuota de cartera" : segment.method === "history" ? "por su propio historial (potencial poco fiable)" : "familia técnica";
    const shares = segment.share365 !== null && segment.share365 !== undefined ? `, cuota ${percent(segment.share365)} este año y ${percent(segment.sharePrev365)} el anterior` : "";
    facts.push({
      label: "Segmento",
      value: `${SEGMENT_LABELS[String(segment.segment)] ?? formatJsonValue(segment.segment)} (${method}${shares}${segment.heldByHysteresis ? "; se mantiene por histéresis" : ""})`,
    });
    if (Array.isArray(segment.checks)) steps.push(...segment.checks.map((check, index) => ({ ...toStep(check, index), rule: `Segmento · ${toStep(check, index).rule}` })));
  }
  const priority = trace.priority;
  if (isObject(priority)) {
    const money = typeof priority.expectedImpact === "number" ? `${ES_EUROS.format(Math.round(priority.expectedImpact))} €` : "—";
    facts.push({ label: "Impacto esperado", value: `${money}${typeof priority.impactBasis === "string" ? ` — ${priority.impactBasis}` : ""}` });
    facts.push({ label: "Probabilidad de conversión", value: `${percent(priority.conversionProbability)}${typeof priority.conversionBasis === "string" ? ` — ${priority.conversionBasis}` : ""}` });
    facts.push({ label: "Urgencia", value: `${formatJsonValue(priority.urgency)}${typeof priority.urgencyBasis === "string" ? ` — ${priority.urgencyBasis}` : ""}` });
    facts.push({ label: "Puntuación de prioridad", value: `${formatJsonValue(priority.score)} (${formatJsonValue(priority.band)})` });
  }
  const channel = trace.channel;
  if (isObject(channel)) {
    facts.push({ label: "Regla de canal", value: `${formatJsonValue(channel.description)} · responder en ${formatJsonValue(channel.responseDays)} días` });
  }
  if (isObject(trace.pauseDays)) {
    facts.push({ label: "Pausas normales descontadas", value: Object.entries(trace.pauseDays).map(([kind, days]) => `${humanizeKey(kind)}: ${formatJsonValue(days)} días`).join("; ") });
  }
  if (isObject(trace.inputs)) {
    for (const [key, value] of Object.entries(trace.inputs)) {
      if (value === null) continue;
      const shown =
        typeof value === "number" && /^p[A-Z]|shareOfWallet/.test(key)
          ? percent(value)
          : typeof value === "number" && MONEY_INPUTS.has(key)
            ? `${ES_EUROS.format(Math.round(value))} €`
            : typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
              ? value.split("-").reverse().join("/")
              : formatJsonValue(value);
      facts.push({ label: inputLabel(key), value: shown });
    }
  }
  for (const key of ["asOf", "runId"]) {
    const value = trace[key];
    if (value === undefined || value === null) continue;
    facts.push(key === "asOf" ? { label: "Fecha de los datos", value: String(value).split("-").reverse().join("/") } : { label: "Ejecución", value: formatJsonValue(value) });
  }
  return { steps, facts };
}

export function readAlertTrace(trace: unknown): AlertTrace {
  if (Array.isArray(trace)) return { steps: (trace as Json[]).map(toStep), facts: [] };
  if (!isObject(trace)) return { steps: [], facts: trace === null || trace === undefined ? [] : [{ label: "Traza", value: formatJsonValue(trace) }] };
  if (typeof trace.engine === "string" && trace.engine.startsWith("alerts/")) return readEngineTrace(trace);
  const stepKey = STEP_LIST_KEYS.find((candidate) => Array.isArray(trace[candidate]));
  const steps = stepKey ? (trace[stepKey] as Json[]).map(toStep) : [];
  const facts = Object.entries(trace)
    .filter(([key]) => key !== stepKey)
    .map(([key, value]) => ({ label: humanizeKey(key), value: formatJsonValue(value) }));
  return { steps, facts };
}
