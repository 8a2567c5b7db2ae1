import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { getPipelineRun } from "@/lib/data/admin/get-pipeline-runs";
import { getTranslator } from "@/lib/i18n/server";
import { AdminHeader } from "../../_ui/admin-header";
import { formatDateTime, formatDay, formatDuration, formatNumber } from "../../_ui/format";
import { PipelineStatusBadge } from "../pipeline-status-badge";
import { stepLabel } from "../step-label";

export default async function PipelineRunPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("pipeline.run");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const [{ locale, t }, run] = await Promise.all([getTranslator(), getPipelineRun(db(), actor, id)]);
  if (!run) notFound();
  const stats = run.stats as { scored?: number; alerts?: Record<string, number> } | null;
  const facts: [string, string][] = [
    [t("pipeline.col.asOf"), formatDay(run.asOf, locale)],
    [t("pipeline.col.trigger"), t(`pipeline.trigger.${run.trigger}`)],
    [t("pipeline.col.by"), run.userName ?? "—"],
    [t("pipeline.col.created"), formatDateTime(run.createdAt, locale)],
    [t("pipeline.detail.started"), formatDateTime(run.startedAt, locale)],
    [t("pipeline.detail.finishedAt"), formatDateTime(run.finishedAt, locale)],
    [t("pipeline.col.duration"), formatDuration(run.durationMs)],
    [t("pipeline.currentStep"), stepLabel(run.step, locale)],
  ];
  return (
    <section className="space-y-6">
      <AdminHeader title={t("pipeline.runTitle", { id: run.id })} back={t("pipeline.detail.back")} backHref="/admin/pipeline">
        <PipelineStatusBadge status={run.status} locale={locale} testId="pipeline-run-status" />
      </AdminHeader>
      <dl className="grid grid-cols-2 gap-4 rounded-lg border bg-white p-4 text-sm md:grid-cols-4">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-gray-500">{label}</dt>
            <dd className="font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      {run.error && (
        <div className="rounded-md bg-red-50 p-3 text-sm text-red-800" data-testid="pipeline-run-error">
          <span className="font-medium">{t("pipeline.failedBecause")}:</span> {run.error}
        </div>
      )}
      {stats && (
        <div className="rounded-lg border bg-white p-4 text-sm">
          <h2 className="mb-2 font-semibold">{t("pipeline.detail.results")}</h2>
          <p>
            {t("pipeline.detail.scored")}: <span className="font-medium">{formatNumber(stats.scored ?? null, locale)}</span>
          </p>
          {stats.alerts && (
            <p className="mt-1 text-gray-700">
              {t("pipeline.detail.alerts")}:{" "}
              {Object.entries(stats.alerts)
                .map(([key, value]) => `${key} ${formatNumber(value, locale)}`)
                .join(" · ")}
            </p>
          )}
          <Link href="/admin/models" className="mt-2 inline-block text-blue-700 underline">
            {t("pipeline.detail.models")}
          </Link>
        </div>
      )}
      <div>
        <h2 className="mb-2 font-semibold">{t("pipeline.detail.log")}</h2>
        <pre className="max-h-[32rem] overflow-auto rounded bg-gray-900 p-3 text-xs leading-relaxed text-gray-100" data-testid="pipeline-full-log">
          {run.log || "—"}
        </pre>
      </div>
    </section>
  );
}
