import "server-only";
// How to reach Gemini, from the environment (lib/env.ts). No key → null: the product explains
// alerts deterministically. The key stays on the server; nothing here is sent to the browser.
import { env } from "@/lib/env";

export interface LlmSettings {
  apiKey: string;
  model: string;
  /** Only for tests and proxies (GEMINI_BASE_URL). */
  baseUrl?: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Extra attempts after a 429 or a 5xx. */
  retries: number;
  /** First retry waits this long, then twice as long, and so on. */
  backoffMs: number;
}

export const LLM_DEFAULTS = { timeoutMs: 8_000, retries: 2, backoffMs: 500 } as const;

export function llmSettingsFromEnv(): LlmSettings | null {
  const { GEMINI_API_KEY, GEMINI_MODEL, GEMINI_BASE_URL } = env();
  if (!GEMINI_API_KEY) return null;
  return { apiKey: GEMINI_API_KEY, model: GEMINI_MODEL, baseUrl: GEMINI_BASE_URL, ...LLM_DEFAULTS };
}
