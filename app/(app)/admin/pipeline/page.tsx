import { requirePagePermission } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { getActivePipelineRun, getPipelineRuns } from "@/lib/data/admin/get-pipeline-runs";
import { getPipelineSchedule } from "@/lib/data/admin/get-pipeline-schedule";
import { getTranslator } from "@/lib/i18n/server";
import { AdminHeader } from "../_ui/admin-header";
import { PipelineRunner } from "./pipeline-runner";
import { RunHistory } from "./run-history";
import { ScheduleForm } from "./schedule-form";

export default async function PipelinePage() {
  const actor = await requirePagePermission("pipeline.run");
  const [{ locale, t }, runs, active, schedule] = await Promise.all([
    getTranslator(),
    getPipelineRuns(db(), actor),
    getActivePipelineRun(db(), actor),
    getPipelineSchedule(db(), actor),
  ]);
  return (
    <section className="space-y-8">
      <AdminHeader title={t("pipeline.title")} intro={t("pipeline.intro")} back={t("adminNav.back")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <PipelineRunner locale={locale} initialRun={active} />
        <ScheduleForm locale={locale} initial={schedule} />
      </div>
      <div>
        <h2 className="mb-3 text-lg font-semibold">{t("pipeline.history")}</h2>
        <RunHistory runs={runs} locale={locale} />
      </div>
    </section>
  );
}
