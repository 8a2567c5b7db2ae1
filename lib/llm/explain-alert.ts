import "server-only";
// The deterministic explanation: what the panel shows when there is no Gemini key or the call
// fails. Built only from the alert's facts, in plain Spanish a delegate can read before a call —
// it must stand on its own, because it is what most demos and every outage show.
import type { AlertFacts } from "./alert-facts";

export type QuestionKind = "why_now" | "approach" | "free";

const MOTIVE_NAME: Record<string, string> = {
  REPLENISHMENT: "reposición",
  CAPTURE: "ventana de captación",
  DETERIORATION: "deterioro",
  CHURN_RISK: "riesgo de abandono",
  REACTIVATION: "reactivación",
};
const CHANNEL_NAME: Record<string, string> = {
  FIELD_VISIT: "visita presencial",
  DELEGATE_CALL: "llamada del delegado",
  TELESALES: "televenta",
  MARKETING_AUTOMATION: "automatización de marketing",
};
const BAND_NAME: Record<string, string> = { HIGH: "alta", MEDIUM: "media", LOW: "baja" };
const SEGMENT_NAME: Record<string, string> = {
  LOYAL: "un cliente fiel, que compra con nosotros la mayor parte de lo que necesita",
  PROMISCUOUS: "un cliente que reparte sus compras entre Inibsa y otros proveedores",
  MARGINAL: "un cliente con compras residuales en esta familia",
  TECHNICAL: "un comprador de producto técnico",
};

// Grouped like the engine's reason texts (lib/alerts/format-spanish.ts): "1.427 €", not "1427 €".
const integer = new Intl.NumberFormat("es-ES", { maximumFractionDigits: 0, useGrouping: "always" });
const euros = (value: number) => `${integer.format(Math.round(value))} €`;
const percent = (value: number) => `${integer.format(Math.round(value * 100))} %`;
const date = (iso: string, withYear = true) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString("es-ES", { timeZone: "UTC", day: "numeric", month: "long", ...(withYear ? { year: "numeric" } : {}) });
/** "del 3 al 17 de marzo de 2026"-style ranges: the year only once when both dates share it. */
const dateRange = (from: string, until: string) => `del ${date(from, from.slice(0, 4) !== until.slice(0, 4))} al ${date(until)}`;
/** "la Familia T1" for the catalogue's labels, the label itself otherwise. */
const the = (label: string) => (/^familia /i.test(label) ? `la ${label}` : label);

function change(current: number, previous: number): string | null {
  if (previous <= 0) return null;
  const ratio = current / previous - 1;
  if (Math.abs(ratio) < 0.05) return "prácticamente lo mismo que en los 12 meses anteriores";
  return ratio < 0
    ? `un ${percent(-ratio)} menos que en los 12 meses anteriores (${euros(previous)})`
    : `un ${percent(ratio)} más que en los 12 meses anteriores (${euros(previous)})`;
}

function silenceSentence(facts: AlertFacts): string | null {
  const { daysSinceLastPurchase: days, usualGapDays: gap, lastPurchase } = facts.purchases;
  if (days === null) return null;
  const when = lastPurchase ? ` (última compra: ${date(lastPurchase)})` : "";
  if (gap && gap > 0) {
    const times = days / gap;
    const comparison = times >= 1.5 ? `, ${times.toLocaleString("es-ES", { maximumFractionDigits: 1 })} veces su ritmo habitual de una compra cada ${gap} días` : `; su ritmo habitual es de una compra cada ${gap} días`;
    return `Lleva ${days} días sin comprar productos de la familia${when}${comparison}.`;
  }
  return `Lleva ${days} días sin comprar productos de la familia${when}.`;
}

function openingByMotive(facts: AlertFacts): string[] {
  const { family, scores, purchases } = facts;
  const client = `El cliente ${facts.clientId}`;
  const lines: string[] = [];
  switch (facts.motive) {
    case "REPLENISHMENT": {
      const rhythm = purchases.usualGapDays ? ` Suele comprar cada ${purchases.usualGapDays} días` : "";
      const last = purchases.daysSinceLastPurchase !== null ? `${rhythm ? " y" : " Su"} última compra fue hace ${purchases.daysSinceLastPurchase} días` : "";
      lines.push(`${client} está a punto de necesitar reponer productos de ${the(family.label)}.${rhythm}${last}${rhythm || last ? "." : ""}`);
      if (scores.expectedDaysToNext !== null) lines.push(`El modelo espera su próxima compra en unos ${Math.max(0, Math.round(scores.expectedDaysToNext))} días.`);
      if (scores.pBuy90d !== null) lines.push(`Probabilidad de que compre la familia en los próximos 90 días: ${percent(scores.pBuy90d)}. Llegar antes que la competencia asegura ese pedido.`);
      break;
    }
    case "CAPTURE": {
      if (scores.potentialYearly !== null && scores.potentialYearly > 0) {
        const share = scores.shareOfWallet !== null ? ` (una cuota de cartera del ${percent(scores.shareOfWallet)})` : "";
        lines.push(`${client} compra a Inibsa solo una parte de lo que podría en ${the(family.label)}: su potencial anual es de ${euros(scores.potentialYearly)} y en los últimos 12 meses nos ha comprado ${euros(purchases.last12Months)}${share}.`);
      } else {
        lines.push(`${client} tiene margen para comprarnos más productos de ${the(family.label)}: en los últimos 12 meses nos ha comprado ${euros(purchases.last12Months)}.`);
      }
      lines.push("El resto de su consumo se lo lleva hoy otro proveedor o un depósito: ahora hay una ventana para captarlo.");
      break;
    }
    case "DETERIORATION": {
      const trend = change(purchases.last12Months, purchases.previous12Months);
      lines.push(`Las compras de ${the(family.label)} del cliente ${facts.clientId} se están debilitando: ${euros(purchases.last12Months)} en los últimos 12 meses${trend ? `, ${trend}` : ""}.`);
      const silence = silenceSentence(facts);
      if (silence) lines.push(silence);
      break;
    }
    case "CHURN_RISK": {
      const silence = silenceSentence(facts);
      lines.push(silence ? `${client} puede estar dejándonos en ${the(family.label)}. ${silence}` : `${client} puede estar dejándonos en ${the(family.label)}.`);
      if (scores.pChurn90d !== null) lines.push(`El modelo estima un ${percent(scores.pChurn90d)} de probabilidad de que no vuelva a comprar la familia en los próximos 90 días.`);
      break;
    }
    case "REACTIVATION": {
      const silence = silenceSentence(facts);
      lines.push(`${client} compraba productos de ${the(family.label)} y dejó de hacerlo.${silence ? ` ${silence}` : ""}`);
      if (scores.pBuy90d !== null) lines.push(`Aun así, el modelo le da un ${percent(scores.pBuy90d)} de probabilidad de volver a comprar en 90 días: vale la pena intentarlo.`);
      break;
    }
    default:
      lines.push(`${client} tiene una alerta de ${MOTIVE_NAME[facts.motive] ?? facts.motive} en ${the(family.label)}.`);
  }
  return lines;
}

function whyNow(facts: AlertFacts): string {
  const { priority, contact, scores, purchases, family } = facts;
  const paragraphs: string[] = [];
  paragraphs.push(openingByMotive(facts).join(" "));

  const stakes = [
    `Hay ${euros(priority.expectedImpactEur)} en juego`,
    `con una probabilidad estimada de conversión del ${percent(priority.conversionProbability)}`,
  ].join(" ");
  const deadline = contact.responseDeadline ? ` Conviene actuar antes del ${date(contact.responseDeadline)}.` : "";
  paragraphs.push(`${stakes}: por eso la prioridad es ${BAND_NAME[priority.band] ?? priority.band}. La ventana de contacto va ${dateRange(contact.from, contact.until)}.${deadline}`);

  const reasons = facts.reasons.slice(0, 3).map((reason) => `• ${reason.text.replace(/\.$/, "")}.`);
  if (reasons.length === 0) {
    for (const check of facts.ruleChecks.filter((step) => step.passed).slice(0, 3)) reasons.push(`• ${check.rule}${check.detail ? ` (${check.detail})` : ""}.`);
  }
  if (reasons.length) paragraphs.push(["Lo que ha hecho saltar la alerta:", ...reasons].join("\n"));

  const notes: string[] = [];
  if (scores.segment && SEGMENT_NAME[scores.segment]) notes.push(`Es ${SEGMENT_NAME[scores.segment]}.`);
  if (purchases.returnsLast12Months > 0 && purchases.returnsLast12Months >= 0.1 * Math.max(purchases.last12Months, 1)) {
    notes.push(`Ojo: en los últimos 12 meses ha devuelto ${euros(purchases.returnsLast12Months)} de esta familia; pregunta si hubo algún problema.`);
  }
  if (scores.potentialUnreliable) notes.push("Su potencial declarado es poco fiable, así que la cuota de cartera es solo orientativa.");
  if (family.block === "TECHNICAL" && ["CHURN_RISK", "DETERIORATION", "REACTIVATION"].includes(facts.motive)) {
    notes.push("En producto técnico las compras son irregulares: el silencio preocupa cuando, como aquí, supera claramente su propio ritmo.");
  }
  if (notes.length) paragraphs.push(notes.join(" "));
  return paragraphs.join("\n\n");
}

const MOTIVE_APPROACH: Record<string, (facts: AlertFacts) => string> = {
  REPLENISHMENT: (facts) =>
    `Ten preparado su pedido habitual de ${the(facts.family.label)} y propónselo antes de que se quede sin existencias; recuérdale cuándo compró por última vez. Si ya ha comprado en otro sitio, anótalo al descartar la alerta.`,
  CAPTURE: (facts) =>
    `Pregunta cuánto consume al mes de ${the(facts.family.label)} y a quién compra el resto. Ofrece cubrir esa parte con condiciones por volumen o un pedido de prueba${facts.scores.potentialYearly ? `: la diferencia entre su potencial (${euros(facts.scores.potentialYearly)}) y lo que nos compra (${euros(facts.purchases.last12Months)}) es la oportunidad` : ""}.`,
  DETERIORATION: (facts) =>
    `Antes de vender, averigua qué ha cambiado con ${the(facts.family.label)}: menos actividad en la clínica, un cambio de producto, una incidencia de servicio o una oferta de la competencia. Confirma si hay devoluciones o reclamaciones pendientes y propón una solución concreta.`,
  CHURN_RISK: (facts) =>
    `Plantéala como una llamada de retención: interésate por cómo le va con ${the(facts.family.label)}, pregunta si ha cambiado de proveedor o de necesidades y resuelve cualquier incidencia abierta. Solo después propón un pedido, con alguna condición que le facilite volver.`,
  REACTIVATION: (facts) =>
    `Retoma el contacto recordando lo que compraba de ${the(facts.family.label)} y presentando las novedades; una muestra o una oferta de bienvenida puede facilitar el primer pedido.`,
};

function approach(facts: AlertFacts): string {
  const { contact } = facts;
  const lines = [
    `Canal recomendado: ${CHANNEL_NAME[contact.channel] ?? contact.channel}, ${dateRange(contact.from, contact.until)}.`,
    (MOTIVE_APPROACH[facts.motive] ?? (() => "Contacta con el cliente para entender su situación con esta familia."))(facts),
  ];
  if (facts.otherOpenAlerts.length) {
    const listed = facts.otherOpenAlerts.slice(0, 3).map((other) => `${MOTIVE_NAME[other.motive] ?? other.motive} en ${other.familyCode}`);
    const rest = facts.otherOpenAlerts.length - listed.length;
    const others = `${listed.join(", ")}${rest > 0 ? ` y ${rest} más` : ""}`;
    lines.push(`Aprovecha el mismo contacto: tiene además ${facts.otherOpenAlerts.length === 1 ? "otra alerta abierta" : `${facts.otherOpenAlerts.length} alertas abiertas`} (${others}).`);
  }
  lines.push("Cuando termines, registra el resultado con «Atender»: así el sistema aprende qué alertas funcionan.");
  return lines.join(" ");
}

export function explainAlert(facts: AlertFacts, kind: QuestionKind): string {
  switch (kind) {
    case "why_now":
      // The panel titles the answer with the question; the approach gets its own heading.
      return `${whyNow(facts)}\n\nEnfoque recomendado\n\n${approach(facts)}`;
    case "approach":
      return approach(facts);
    case "free":
      return `El asistente de IA no está disponible ahora mismo, así que no puedo responder a esa pregunta concreta. Esto es lo que dicen los datos de la alerta:\n\n${whyNow(facts)}\n\n${approach(facts)}`;
  }
}
