import { Suspense } from "react";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/actor";
import { pool } from "@/lib/db/pool";
import { findScopedDelegate } from "@/lib/data/region/find-scoped-delegate";
import { getDelegateClients } from "@/lib/data/region/get-delegate-clients";
import { getDelegateKpis } from "@/lib/data/region/get-delegate-kpis";
import { getWeeklyTrend } from "@/lib/data/region/get-weekly-trend";
import { todayInSpain } from "@/lib/data/region/today-in-spain";
import { REGIONS } from "@/lib/geo/spain";
import { getTranslator } from "@/lib/i18n/server";
import { AsyncKpiCards } from "../../_ui/async-kpi-cards";
import { Breadcrumbs } from "../../_ui/breadcrumbs";
import { ClientsTable } from "../../_ui/clients-table";
import { BlockSkeleton, KpiCardsSkeleton } from "../../_ui/kpi-cards";
import { TrendPanel } from "../../_ui/trend-panel";

/** One delegate: KPIs, weekly trend and clients (most € at stake first). 404 outside the scope. */
export default async function DelegatePage({
  params,
  searchParams,
}: {
  params: Promise<{ delegateId: string }>;
  searchParams: Promise<{ page?: string | string[] }>;
}) {
  const actor = await requirePagePermission("region.view");
  const [{ delegateId: raw }, query] = await Promise.all([params, searchParams]);
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const db = pool();
  const [delegate, { locale, t }] = await Promise.all([findScopedDelegate(db, actor, Number(raw)), getTranslator()]);
  if (!delegate) notFound();
  const today = todayInSpain();
  const pageNumber = Number(typeof query.page === "string" ? query.page : 1) || 1;
  const kpis = getDelegateKpis(db, actor, delegate.id, { today });
  const trend = getWeeklyTrend(db, actor, { delegateId: delegate.id }, { today });
  const clients = getDelegateClients(db, actor, delegate.id, { page: pageNumber });
  for (const promise of [kpis, trend, clients]) promise.catch(() => {});
  // The breadcrumb goes back to the delegate's community (the first one, when they span several).
  const region = REGIONS.find((r) => r.code === delegate.provinces[0]?.regionCode);
  return (
    <section className="space-y-6" data-testid="delegate-page" data-delegate-id={delegate.id}>
      <div>
        <Breadcrumbs
          items={[
            { label: t("region.title"), href: "/region" },
            ...(region ? [{ label: region.name, href: `/region/${region.code}` }] : []),
            { label: delegate.name },
          ]}
        />
        <h1 className="mt-1 text-2xl font-semibold">{delegate.name}</h1>
        <p className="mt-1 text-sm text-gray-600">
          {t("region.delegate.provinces")}: {delegate.provinces.map((p) => p.name).join(", ") || t("common.none")}
        </p>
      </div>
      <Suspense fallback={<KpiCardsSkeleton />}>
        <AsyncKpiCards kpis={kpis} locale={locale} />
      </Suspense>
      <Suspense fallback={<BlockSkeleton height={320} />}>
        <TrendPanel points={trend} locale={locale} />
      </Suspense>
      <div className="space-y-3">
        <h2 className="text-lg font-semibold">{t("region.delegate.clients")}</h2>
        <Suspense fallback={<BlockSkeleton height={480} />}>
          <ClientsTable data={clients} basePath={`/region/delegates/${delegate.id}`} locale={locale} />
        </Suspense>
      </div>
    </section>
  );
}
