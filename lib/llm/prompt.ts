import "server-only";
// The prompt sent to Gemini. Versioned: any change to the wording or to the facts' shape bumps
// PROMPT_VERSION, which is part of the answer cache's key, so no answer outlives its prompt.
import type { AlertFacts } from "./alert-facts";
import type { QuestionKind } from "./explain-alert";

export const PROMPT_VERSION = "alert-assistant/1";

export const PRESET_QUESTIONS: Record<Exclude<QuestionKind, "free">, string> = {
  why_now: "¿Por qué debería actuar ahora con este cliente en esta familia? Explícalo a partir de los datos y termina con el enfoque recomendado.",
  approach: "¿Qué enfoque me recomiendas para el contacto: canal, momento, qué decir y qué preguntar?",
};

export const SYSTEM_INSTRUCTION = [
  "Eres el asistente comercial de Inibsa, fabricante español de material dental, y ayudas a un delegado de ventas a preparar el contacto con una clínica.",
  "Te damos en JSON los datos de una alerta: familia de producto, motivo (REPLENISHMENT = reposición, CAPTURE = ventana de captación, DETERIORATION = deterioro, CHURN_RISK = riesgo de abandono, REACTIVATION = reactivación), prioridad, importe en juego en euros, probabilidades de los modelos, motivos, reglas comprobadas y agregados de compras.",
  "Responde en español, de tú, en texto plano sin markdown, en 180 palabras como máximo.",
  "Usa solo los datos proporcionados; si algo no está en los datos, dilo en vez de inventarlo. No especules sobre personas.",
  "Las compras a la competencia no se ven: un cliente que compra poco frente a su potencial puede estar comprando en otro sitio.",
  "Si la pregunta no trata sobre esta alerta o este cliente, dilo brevemente.",
].join("\n");

export function buildUserPrompt(facts: AlertFacts, question: string): string {
  return `Datos de la alerta (JSON):\n${JSON.stringify(facts)}\n\nPregunta del delegado:\n${question}`;
}
