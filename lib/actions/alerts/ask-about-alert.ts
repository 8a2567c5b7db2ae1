"use server";
import "server-only";
import { z } from "zod";
import { ActionError, defineAction } from "@/lib/actions/define-action";
import { AlertQuestionNotFoundError, answerAlertQuestion, LlmRateLimitedError } from "@/lib/llm/answer-alert-question";

const askInput = z
  .object({
    alertId: z.number().int().positive(),
    kind: z.enum(["why_now", "approach", "free"]),
    question: z.string().trim().max(500, "Como mucho 500 caracteres.").optional(),
  })
  .refine((input) => input.kind !== "free" || (input.question ?? "").length >= 3, {
    path: ["question"],
    message: "Escribe una pregunta.",
  });

/** The AI panel: an explanation, an approach or a free question about one alert within the actor's scope. */
export const askAboutAlert = defineAction({ input: askInput, permission: "alert.view" }, async (input, { actor, db }) => {
  try {
    return await answerAlertQuestion(db, actor, input);
  } catch (error) {
    if (error instanceof AlertQuestionNotFoundError) throw new ActionError("No se ha encontrado la alerta o no tienes acceso a ella.");
    if (error instanceof LlmRateLimitedError) {
      const time = error.resetsAt.toLocaleTimeString("es-ES", { timeZone: "Europe/Madrid", hour: "2-digit", minute: "2-digit" });
      throw new ActionError(`Has hecho muchas preguntas seguidas. Podrás volver a preguntar a las ${time}.`);
    }
    throw error;
  }
});
