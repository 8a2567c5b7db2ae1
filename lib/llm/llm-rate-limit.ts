import "server-only";
// Per-user limit on questions to the assistant, persisted in PostgreSQL so it holds across server
// processes and restarts. There is no table of its own (a new table needs a migration, which this
// part of the product does not own): it reuses `login_throttle`, whose rows are exactly a keyed
// fixed-window counter — key "llm:user:<id>", `failures` = questions in the window, `window_start`.
// One atomic upsert per question, so two tabs asking at once cannot both slip under the limit.
// It is a fixed window (up to 2× the limit across a window boundary), which is fine for its job:
// capping the Gemini bill and abuse, not metering.
import type { DbTx } from "@/lib/db/prisma";

export const LLM_RATE_LIMIT = { questions: 20, windowMinutes: 10 } as const;

export function llmThrottleKey(userId: number): string {
  return `llm:user:${userId}`;
}

export interface QuotaDecision {
  allowed: boolean;
  used: number;
  /** When the window ends (the next question is allowed then, if this one was refused). */
  resetsAt: Date;
}

export async function consumeLlmQuota(
  db: DbTx,
  userId: number,
  limit: { questions: number; windowMinutes: number } = LLM_RATE_LIMIT,
): Promise<QuotaDecision> {
  const key = llmThrottleKey(userId);
  // The window's end is computed in SQL (seconds left), so the session's time zone cannot skew it.
  const [row] = await db.$queryRaw<{ failures: number; seconds_left: number }[]>`
    INSERT INTO login_throttle AS t (key, failures, window_start)
    VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_start <= now() - make_interval(mins => ${limit.windowMinutes}::int) THEN 1
                      ELSE least(t.failures + 1, ${limit.questions + 1}::int) END,
      window_start = CASE WHEN t.window_start <= now() - make_interval(mins => ${limit.windowMinutes}::int) THEN now()
                          ELSE t.window_start END
    RETURNING failures,
      greatest(0, extract(epoch FROM (window_start + make_interval(mins => ${limit.windowMinutes}::int) - now()::timestamp)))::float8 AS seconds_left`;
  const used = row!.failures;
  return { allowed: used <= limit.questions, used, resetsAt: new Date(Date.now() + row!.seconds_left * 1000) };
}
