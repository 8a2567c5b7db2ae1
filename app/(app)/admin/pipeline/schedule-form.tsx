"use client";
import { useState } from "react";
import { savePipelineScheduleAction } from "@/lib/actions/admin/save-pipeline-schedule";
import type { PipelineScheduleView } from "@/lib/data/admin/get-pipeline-schedule";
import { translator, type Locale } from "@/lib/i18n/messages";
import { useHydrated } from "@/app/_components/use-hydrated";
import { FeedbackLine, FieldError, type Feedback } from "../_ui/feedback";
import { formatDay } from "../_ui/format";

export function ScheduleForm({ locale, initial }: { locale: Locale; initial: PipelineScheduleView }) {
  const t = translator(locale);
  const hydrated = useHydrated();
  const [view, setView] = useState(initial);
  const [enabled, setEnabled] = useState(initial.enabled);
  const [time, setTime] = useState(initial.time);
  const [saving, setSaving] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>();

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    setFeedback(null);
    const result = await savePipelineScheduleAction({ enabled, time });
    setSaving(false);
    if (result.ok) {
      setView(result.data);
      setFieldErrors(undefined);
      setFeedback({ kind: "ok", text: t("pipeline.schedule.saved") });
    } else {
      setFieldErrors(result.fieldErrors);
      setFeedback({ kind: "error", text: result.error });
    }
  }

  const next =
    view.next === null
      ? t("pipeline.schedule.off")
      : view.next === "now"
        ? t("pipeline.schedule.nextNow")
        : t("pipeline.schedule.next", { day: formatDay(view.next.day, locale), time: view.next.time });

  return (
    <form onSubmit={save} className="space-y-3 rounded-lg border bg-white p-4" data-testid="schedule-form">
      <h2 className="font-semibold">{t("pipeline.schedule.title")}</h2>
      <div className="flex flex-wrap items-end gap-6">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} disabled={!hydrated} className="rounded" />
          {t("pipeline.schedule.enabled")}
        </label>
        <label className="text-sm">
          <span className="block text-gray-600">{t("pipeline.schedule.time")}</span>
          <input type="time" value={time} onChange={(e) => setTime(e.target.value)} disabled={!hydrated} required className="mt-1 rounded-md border-gray-300 text-sm" />
          <FieldError errors={fieldErrors} field="time" />
        </label>
        <button type="submit" disabled={!hydrated || saving} className="rounded-md border px-4 py-2 text-sm font-medium hover:bg-gray-50 disabled:opacity-50">
          {saving ? t("adminCommon.saving") : t("pipeline.schedule.save")}
        </button>
      </div>
      <p className="text-sm text-gray-700" data-testid="schedule-next">
        {next}
        {view.lastRunDay && <span className="ml-2 text-gray-500">{t("pipeline.schedule.lastRun", { day: formatDay(view.lastRunDay, locale) })}</span>}
      </p>
      <FeedbackLine feedback={feedback} testId="schedule-feedback" />
    </form>
  );
}
