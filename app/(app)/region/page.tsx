import { Suspense } from "react";
import { requirePagePermission } from "@/lib/auth/actor";
import { pool } from "@/lib/db/pool";
import { getRegionOverview } from "@/lib/data/region/get-region-overview";
import { getWeeklyTrend } from "@/lib/data/region/get-weekly-trend";
import { todayInSpain } from "@/lib/data/region/today-in-spain";
import { REGIONS } from "@/lib/geo/spain";
import { getTranslator } from "@/lib/i18n/server";
import { AsyncKpiCards } from "./_ui/async-kpi-cards";
import { BlockSkeleton, KpiCardsSkeleton } from "./_ui/kpi-cards";
import { RegionMapPanel } from "./_ui/region-map-panel";
import { RegionsTable } from "./_ui/regions-table";
import { TrendPanel } from "./_ui/trend-panel";

/** The manager's regions (an admin: all of Spain): KPI cards, the map, the communities, the trend.
 *  Each widget awaits its own data in its own <Suspense>; the page itself waits for nothing. */
export default async function RegionPage() {
  const actor = await requirePagePermission("region.view");
  const { locale, t } = await getTranslator();
  const today = todayInSpain();
  const db = pool();
  const overview = getRegionOverview(db, actor, { today });
  const trend = getWeeklyTrend(db, actor, {}, { today });
  // The widgets await these; a failure reaches them (and the error page), not the process log.
  overview.catch(() => {});
  trend.catch(() => {});
  const scope =
    actor.role === "ADMIN"
      ? t("region.scopeAll")
      : REGIONS.filter((r) => actor.regionCodes.includes(r.code))
          .map((r) => r.name)
          .join(", ") || t("common.none");
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("region.title")}</h1>
        <p className="mt-1 text-sm text-gray-600">{actor.role === "ADMIN" ? t("region.introAdmin") : t("region.intro")}</p>
        <p className="mt-1 text-sm text-gray-600" data-testid="region-names">
          {t("region.regions")}: {scope}
        </p>
      </div>
      <Suspense fallback={<KpiCardsSkeleton />}>
        <AsyncKpiCards kpis={overview.then((o) => o.total)} locale={locale} />
      </Suspense>
      <div className="grid gap-6 xl:grid-cols-5">
        <div className="xl:col-span-3">
          <Suspense fallback={<BlockSkeleton height={520} />}>
            <RegionMapPanel overview={overview} locale={locale} />
          </Suspense>
        </div>
        <div className="xl:col-span-2">
          <Suspense fallback={<BlockSkeleton height={320} />}>
            <TrendPanel points={trend} locale={locale} />
          </Suspense>
        </div>
      </div>
      <Suspense fallback={<BlockSkeleton height={200} />}>
        <RegionsTable overview={overview} locale={locale} />
      </Suspense>
    </section>
  );
}
