import { Suspense } from "react";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/actor";
import { pool } from "@/lib/db/pool";
import { findScopedClient } from "@/lib/data/region/find-scoped-client";
import { getClientActions, getClientAlerts } from "@/lib/data/region/get-client-alerts";
import { getClientPurchaseHistory } from "@/lib/data/region/get-client-purchase-history";
import { getTranslator } from "@/lib/i18n/server";
import { Breadcrumbs } from "../../_ui/breadcrumbs";
import { BlockSkeleton } from "../../_ui/kpi-cards";
import { ClientActionsSection, ClientAlertsSection, PurchaseHistorySection } from "../../_ui/client-sections";

/** One client: purchase history per family, its alerts, the actions taken. 404 outside the scope. */
export default async function RegionClientPage({ params }: { params: Promise<{ clientId: string }> }) {
  const actor = await requirePagePermission("region.view");
  const { clientId: raw } = await params;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const db = pool();
  const [client, { locale, t }] = await Promise.all([findScopedClient(db, actor, Number(raw)), getTranslator()]);
  if (!client) notFound();
  const history = getClientPurchaseHistory(db, actor, client.id);
  const alerts = getClientAlerts(db, actor, client.id);
  const actions = getClientActions(db, actor, client.id);
  for (const promise of [history, alerts, actions]) promise.catch(() => {});
  return (
    <section className="space-y-6" data-testid="client-page" data-client-id={client.id}>
      <div>
        <Breadcrumbs
          items={[
            { label: t("region.title"), href: "/region" },
            ...(client.region ? [{ label: client.region.name, href: `/region/${client.region.code}` }] : []),
            ...(client.delegate ? [{ label: client.delegate.name, href: `/region/delegates/${client.delegate.id}` }] : []),
            { label: client.externalId },
          ]}
        />
        <h1 className="mt-1 text-2xl font-semibold">{t("region.client.title", { id: client.externalId })}</h1>
        <p className="mt-1 text-sm text-gray-600">
          {[client.province?.name, client.region?.name, client.postalCode && `${t("region.client.postalCode")} ${client.postalCode}`]
            .filter(Boolean)
            .join(" · ")}
          {!client.registered && <span className="ml-2 rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-700">{t("region.client.unregistered")}</span>}
        </p>
      </div>
      <Suspense fallback={<BlockSkeleton height={320} />}>
        <PurchaseHistorySection history={history} locale={locale} />
      </Suspense>
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <Suspense fallback={<BlockSkeleton height={240} />}>
            <ClientAlertsSection alerts={alerts} locale={locale} />
          </Suspense>
        </div>
        <Suspense fallback={<BlockSkeleton height={240} />}>
          <ClientActionsSection actions={actions} locale={locale} />
        </Suspense>
      </div>
    </section>
  );
}
