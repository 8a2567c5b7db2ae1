import "server-only";
// One answer from Gemini through the official SDK: a timeout per attempt (our own AbortController,
// so no timer outlives the call), and retries with exponential backoff on 429 and 5xx only — a
// timeout is not retried, the caller falls back instead of keeping the delegate waiting.
import { GoogleGenerativeAI, GoogleGenerativeAIFetchError } from "@google/generative-ai";
import type { LlmSettings } from "./llm-settings";

export class EmptyAnswerError extends Error {
  constructor() {
    super("Gemini returned no text");
  }
}

function isRetryable(error: unknown): boolean {
  return error instanceof GoogleGenerativeAIFetchError && typeof error.status === "number" && (error.status === 429 || error.status >= 500);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface GeminiPrompt {
  system: string;
  user: string;
}

export async function generateWithGemini(settings: LlmSettings, prompt: GeminiPrompt): Promise<{ text: string; attempts: number }> {
  const model = new GoogleGenerativeAI(settings.apiKey).getGenerativeModel(
    { model: settings.model, systemInstruction: prompt.system, generationConfig: { temperature: 0.3, maxOutputTokens: 700 } },
    settings.baseUrl ? { baseUrl: settings.baseUrl } : undefined,
  );
  for (let attempt = 0; ; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
    try {
      const result = await model.generateContent(
        { contents: [{ role: "user", parts: [{ text: prompt.user }] }] },
        { signal: controller.signal },
      );
      const text = result.response.text().trim();
      if (!text) throw new EmptyAnswerError();
      return { text, attempts: attempt + 1 };
    } catch (error) {
      if (attempt < settings.retries && isRetryable(error)) {
        await sleep(settings.backoffMs * 2 ** attempt);
        continue;
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
