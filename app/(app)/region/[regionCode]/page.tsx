import { Suspense } from "react";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/actor";
import { pool } from "@/lib/db/pool";
import { findScopedRegion } from "@/lib/data/region/find-scoped-region";
import { getRegionDelegates } from "@/lib/data/region/get-region-delegates";
import { getWeeklyTrend } from "@/lib/data/region/get-weekly-trend";
import { todayInSpain } from "@/lib/data/region/today-in-spain";
import { getTranslator } from "@/lib/i18n/server";
import { AsyncKpiCards } from "../_ui/async-kpi-cards";
import { Breadcrumbs } from "../_ui/breadcrumbs";
import { DelegatesTable } from "../_ui/delegates-table";
import { BlockSkeleton, KpiCardsSkeleton } from "../_ui/kpi-cards";
import { TrendPanel } from "../_ui/trend-panel";

/** One community: its KPIs, its delegates' workload and results, its weekly trend. 404 outside the scope. */
export default async function RegionDrillDownPage({ params }: { params: Promise<{ regionCode: string }> }) {
  const actor = await requirePagePermission("region.view");
  const { regionCode } = await params;
  const region = findScopedRegion(actor, regionCode);
  if (!region) notFound();
  const { locale, t } = await getTranslator();
  const today = todayInSpain();
  const db = pool();
  const delegates = getRegionDelegates(db, actor, region.code, { today });
  const trend = getWeeklyTrend(db, actor, { regionCode: region.code }, { today });
  delegates.catch(() => {});
  trend.catch(() => {});
  return (
    <section className="space-y-6" data-testid="region-page" data-region-code={region.code}>
      <div>
        <Breadcrumbs items={[{ label: t("region.title"), href: "/region" }, { label: region.name }]} />
        <h1 className="mt-1 text-2xl font-semibold">{region.name}</h1>
      </div>
      <Suspense fallback={<KpiCardsSkeleton />}>
        <AsyncKpiCards kpis={delegates.then((d) => d!.total)} locale={locale} />
      </Suspense>
      <div className="space-y-3">
        <h2 className="text-lg font-semibold">{t("region.delegates.title")}</h2>
        <Suspense fallback={<BlockSkeleton height={240} />}>
          <DelegatesTable data={delegates} locale={locale} />
        </Suspense>
      </div>
      <Suspense fallback={<BlockSkeleton height={320} />}>
        <TrendPanel points={trend} locale={locale} />
      </Suspense>
    </section>
  );
}
