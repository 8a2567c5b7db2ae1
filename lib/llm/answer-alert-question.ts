import "server-only";
// The AI panel's one entry point: scope → facts → cache → per-user limit → Gemini → cache, and the
// deterministic explanation whenever there is no key or Gemini fails (timeout, 429/5xx after the
// retries, empty or blocked answer). Only Gemini's answers are cached: the fallback is cheap and
// must not hide Gemini once it is configured or back.
import type { Actor } from "@/lib/auth/load-actor";
import type { DbTx } from "@/lib/db/prisma";
import { getAlertDetail } from "@/lib/data/inbox/get-alert-detail";
import { buildAlertFacts } from "./alert-facts";
import { explainAlert, type QuestionKind } from "./explain-alert";
import { generateWithGemini } from "./generate-with-gemini";
import { consumeLlmQuota, LLM_RATE_LIMIT } from "./llm-rate-limit";
import { llmSettingsFromEnv, type LlmSettings } from "./llm-settings";
import { buildUserPrompt, PRESET_QUESTIONS, PROMPT_VERSION, SYSTEM_INSTRUCTION } from "./prompt";
import { normalizeQuestion, questionHash } from "./question-hash";

export interface AlertQuestion {
  alertId: number;
  kind: QuestionKind;
  /** Required for kind "free"; ignored for the preset questions. */
  question?: string;
}

export interface AlertAnswer {
  question: string;
  answer: string;
  source: "gemini" | "fallback";
  /** The Gemini model that answered; null for the fallback. */
  model: string | null;
  cached: boolean;
  promptVersion: string;
}

/** The alert does not exist or is outside the actor's scope (same answer for both). */
export class AlertQuestionNotFoundError extends Error {
  constructor() {
    super("alert not found in scope");
  }
}

export class LlmRateLimitedError extends Error {
  constructor(readonly resetsAt: Date) {
    super("llm rate limit reached");
  }
}

export interface AnswerOptions {
  /** Gemini settings; undefined → from the environment; null → no Gemini (fallback only). */
  llm?: LlmSettings | null;
  rateLimit?: { questions: number; windowMinutes: number };
}

export async function answerAlertQuestion(db: DbTx, actor: Actor, input: AlertQuestion, options: AnswerOptions = {}): Promise<AlertAnswer> {
  const detail = await getAlertDetail(db, actor, input.alertId);
  if (!detail) throw new AlertQuestionNotFoundError();
  const facts = buildAlertFacts(detail);
  const question = input.kind === "free" ? normalizeQuestion(input.question ?? "") : PRESET_QUESTIONS[input.kind];
  const settings = options.llm === undefined ? llmSettingsFromEnv() : options.llm;
  const fallback = (): AlertAnswer => ({
    question,
    answer: explainAlert(facts, input.kind),
    source: "fallback",
    model: null,
    cached: false,
    promptVersion: PROMPT_VERSION,
  });

  if (!settings) return fallback();

  const hash = questionHash(question, facts);
  const cached = await db.llmResponse.findUnique({
    where: { alertId_questionHash_promptVersion_model: { alertId: input.alertId, questionHash: hash, promptVersion: PROMPT_VERSION, model: settings.model } },
    select: { answer: true, model: true },
  });
  if (cached) return { question, answer: cached.answer, source: "gemini", model: cached.model, cached: true, promptVersion: PROMPT_VERSION };

  // Only questions that would cost a Gemini call count: cache hits and the keyless fallback are free.
  const quota = await consumeLlmQuota(db, actor.userId, options.rateLimit ?? LLM_RATE_LIMIT);
  if (!quota.allowed) throw new LlmRateLimitedError(quota.resetsAt);

  try {
    const { text } = await generateWithGemini(settings, { system: SYSTEM_INSTRUCTION, user: buildUserPrompt(facts, question) });
    const answer = text.replace(/\*\*/g, "");
    // skipDuplicates: two people asking the same question at once both get an answer; one row is kept.
    await db.llmResponse.createMany({
      data: [{ alertId: input.alertId, questionHash: hash, question, promptVersion: PROMPT_VERSION, model: settings.model, answer, source: "gemini" }],
      skipDuplicates: true,
    });
    return { question, answer, source: "gemini", model: settings.model, cached: false, promptVersion: PROMPT_VERSION };
  } catch (error) {
    // Never the prompt or the answer in the log; the class and status say enough to diagnose.
    const status = (error as { status?: number }).status;
    console.warn(`[llm] alert ${input.alertId}: Gemini failed (${error instanceof Error ? error.constructor.name : typeof error}${status ? ` ${status}` : ""}); deterministic explanation used`);
    return fallback();
  }
}
