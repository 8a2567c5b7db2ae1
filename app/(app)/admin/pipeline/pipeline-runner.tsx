"use client";
// "Ejecutar ahora" and the run it follows: the server action queues the run and starts its process;
// this component then polls the run's route every second for status, progress, step and the log's
// last lines, until the run ends (then the page's history is refreshed).
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { runPipelineNow } from "@/lib/actions/admin/run-pipeline-now";
import type { PipelineRunDetail } from "@/lib/data/admin/get-pipeline-runs";
import { translator, type Locale } from "@/lib/i18n/messages";
import { useHydrated } from "@/app/_components/use-hydrated";
import { ProgressBar } from "../_ui/progress-bar";
import { formatDuration } from "../_ui/format";
import { PipelineStatusBadge } from "./pipeline-status-badge";
import { stepLabel } from "./step-label";

const POLL_MS = 1000;

function queuedRun(id: number): PipelineRunDetail {
  return {
    id,
    asOf: "",
    status: "QUEUED",
    trigger: "MANUAL",
    userName: null,
    step: null,
    progress: 0,
    error: null,
    createdAt: new Date().toISOString(),
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    log: "",
    logLines: 0,
    stats: null,
  };
}

const isActive = (run: PipelineRunDetail | null) => run !== null && (run.status === "QUEUED" || run.status === "RUNNING");

export function PipelineRunner({ locale, initialRun }: { locale: Locale; initialRun: PipelineRunDetail | null }) {
  const t = translator(locale);
  const router = useRouter();
  const hydrated = useHydrated();
  const [run, setRun] = useState<PipelineRunDetail | null>(initialRun);
  const [polls, setPolls] = useState(0);
  const [asOf, setAsOf] = useState("");
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = isActive(run);

  useEffect(() => {
    if (!run || !isActive(run)) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/admin/pipeline/runs/${run.id}?tail=30`, { cache: "no-store" });
        if (cancelled) return;
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const next = (await response.json()) as PipelineRunDetail;
        if (cancelled) return;
        setRun(next);
        if (!isActive(next)) router.refresh();
      } catch {
        // A dropped request (server restarting): try again on the next beat.
      } finally {
        if (!cancelled) setPolls((n) => n + 1);
      }
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [run, polls, router]);

  async function start() {
    setStarting(true);
    setError(null);
    try {
      const result = await runPipelineNow(asOf ? { asOf } : {});
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setRun(queuedRun(result.data.runId));
      router.refresh();
    } catch {
      setError(t("adminCommon.unexpected"));
    } finally {
      setStarting(false);
    }
  }

  return (
    <div className="space-y-4 rounded-lg border bg-white p-4" data-testid="pipeline-runner">
      <div className="flex flex-wrap items-end gap-4">
        <button
          type="button"
          onClick={start}
          disabled={!hydrated || starting || active}
          className="rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50"
        >
          {starting ? t("pipeline.starting") : t("pipeline.runNow")}
        </button>
        <label className="text-sm">
          <span className="block text-gray-600">{t("pipeline.asOf")}</span>
          <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} disabled={!hydrated || starting || active} className="mt-1 rounded-md border-gray-300 text-sm" />
        </label>
      </div>
      <p className="text-xs text-gray-500">{t("pipeline.asOfHelp")}</p>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-700" data-testid="pipeline-start-error">
          {error}
        </p>
      )}
      {run && (
        <div className="space-y-3" data-testid="pipeline-run" data-run-id={run.id} data-status={run.status}>
          <div className="flex flex-wrap items-center gap-3">
            <h2 className="font-semibold">{t("pipeline.runTitle", { id: run.id })}</h2>
            <PipelineStatusBadge status={run.status} locale={locale} testId="pipeline-run-status" />
            {run.durationMs !== null && <span className="text-sm text-gray-500">{formatDuration(run.durationMs)}</span>}
          </div>
          <div className="flex items-center gap-3">
            <ProgressBar fraction={run.progress} label={t("pipeline.currentStep")} testId="pipeline-progress" />
            <span className="w-12 text-right text-sm tabular-nums text-gray-700" data-testid="pipeline-percent">
              {Math.round(run.progress * 100)} %
            </span>
          </div>
          <p className="text-sm text-gray-700">
            {t("pipeline.currentStep")}: <span data-testid="pipeline-step">{stepLabel(run.step, locale)}</span>
          </p>
          {run.status === "QUEUED" && <p className="text-sm text-gray-500">{t("pipeline.waitingProcess")}</p>}
          {run.status === "FAILED" && run.error && (
            <div className="rounded-md bg-red-50 p-3 text-sm text-red-800" data-testid="pipeline-run-error">
              <span className="font-medium">{t("pipeline.failedBecause")}:</span> {run.error}
            </div>
          )}
          {run.status === "SUCCEEDED" && <p className="text-sm text-green-700">{t("pipeline.finished")}</p>}
          {run.log && (
            <div>
              <h3 className="mb-1 text-sm font-medium text-gray-700">{t("pipeline.logTail")}</h3>
              <pre className="max-h-64 overflow-auto rounded bg-gray-900 p-3 text-xs leading-relaxed text-gray-100" data-testid="pipeline-log">
                {run.log}
              </pre>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
