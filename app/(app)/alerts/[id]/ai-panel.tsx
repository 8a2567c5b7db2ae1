"use client";
import { useState, useTransition, type FormEvent } from "react";
import { askAboutAlert } from "@/lib/actions/alerts/ask-about-alert";
import type { AlertAnswer } from "@/lib/llm/answer-alert-question";
import { translator, type Locale } from "@/lib/i18n/messages";
import { useHydrated } from "@/app/_components/use-hydrated";

type Kind = "why_now" | "approach" | "free";

interface Entry extends AlertAnswer {
  key: number;
  label: string;
}

/** Asks the server (Gemini, or the deterministic explanation) about this alert; the key and the
 *  prompt never reach the browser, only the answer and where it came from. */
export function AiPanel({ alertId, locale }: { alertId: number; locale: Locale }) {
  const t = translator(locale);
  const hydrated = useHydrated();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [question, setQuestion] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const disabled = !hydrated || pending;

  function ask(kind: Kind, label: string, text?: string) {
    setError(null);
    startTransition(async () => {
      const result = await askAboutAlert({ alertId, kind, question: text });
      if (!result.ok) {
        setError(result.fieldErrors?.question?.join(" ") ?? result.error);
        return;
      }
      setEntries((current) => [{ ...result.data, key: Date.now(), label }, ...current]);
      if (kind === "free") setQuestion("");
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (question.trim().length > 0) ask("free", question.trim(), question.trim());
  }

  return (
    <section className="rounded-lg border bg-white p-4" data-testid="ai-panel">
      <h2 className="font-semibold">{t("ai.title")}</h2>
      <p className="mb-3 text-xs text-gray-500">{t("ai.intro")}</p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={disabled}
          onClick={() => ask("why_now", t("ai.whyNow"))}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
        >
          {t("ai.whyNow")}
        </button>
        <button
          type="button"
          disabled={disabled}
          onClick={() => ask("approach", t("ai.approach"))}
          className="rounded-md border border-indigo-200 bg-white px-3 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50 disabled:opacity-50"
        >
          {t("ai.approach")}
        </button>
      </div>
      <form onSubmit={onSubmit} className="mt-3 flex gap-2">
        <input
          type="text"
          value={question}
          onChange={(event) => setQuestion(event.target.value)}
          maxLength={500}
          placeholder={t("ai.placeholder")}
          aria-label={t("ai.placeholder")}
          className="block w-full rounded-md border-gray-300 py-1.5 text-sm"
        />
        <button type="submit" disabled={disabled || question.trim().length < 3} className="rounded-md border bg-white px-3 py-1.5 text-sm font-medium hover:bg-gray-50 disabled:opacity-50">
          {t("ai.ask")}
        </button>
      </form>
      {pending && (
        <p className="mt-3 text-sm text-gray-500" role="status">
          {t("ai.thinking")}
        </p>
      )}
      {error && (
        <p role="alert" className="mt-3 rounded-md bg-red-50 p-2 text-sm text-red-700" data-testid="ai-error">
          {error}
        </p>
      )}
      <div className="mt-4 space-y-4">
        {entries.map((entry) => (
          <article key={entry.key} className="rounded-md border border-gray-100 bg-gray-50 p-3" data-testid="ai-answer" data-source={entry.source}>
            <h3 className="text-sm font-medium text-gray-900">{entry.label}</h3>
            <p className="mt-1 text-xs text-gray-500" data-testid="ai-source">
              {entry.source === "gemini" ? t("ai.source.gemini", { model: entry.model ?? "" }) : t("ai.source.fallback")}
              {entry.cached ? ` · ${t("ai.cached")}` : ""}
            </p>
            <div className="mt-2 whitespace-pre-line text-sm leading-relaxed text-gray-800">{entry.answer}</div>
          </article>
        ))}
      </div>
    </section>
  );
}
