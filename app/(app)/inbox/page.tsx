import { requirePagePermission } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { getInboxPage } from "@/lib/data/inbox/get-inbox-page";
import { parseInboxQuery, type SearchParams } from "@/lib/data/inbox/inbox-query";
import { listFamilies } from "@/lib/data/inbox/list-families";
import { getTerritoryOverview } from "@/lib/data/get-territory-overview";
import { getTranslator } from "@/lib/i18n/server";
import { InboxFilters } from "./inbox-filters";
import { InboxPagination } from "./inbox-pagination";
import { InboxTable } from "./inbox-table";
import { InboxTabs } from "./inbox-tabs";

/** The delegate's inbox: everything it shows is in the URL, so a view can be shared or reloaded. */
export default async function InboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("inbox.view");
  const query = parseInboxQuery(await searchParams);
  const database = db();
  const [{ locale, t }, page, provinces, families] = await Promise.all([
    getTranslator(),
    getInboxPage(database, actor, query),
    getTerritoryOverview(database, actor),
    listFamilies(database),
  ]);
  const clients = provinces.reduce((sum, province) => sum + province.clients, 0);
  return (
    <section className="space-y-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("inbox.title")}</h1>
        <p className="text-sm text-gray-600">
          {t("inbox.territory")}: <span data-testid="territory-provinces">{provinces.map((p) => p.name).join(", ") || t("common.none")}</span> ·{" "}
          <span data-testid="territory-clients">{clients.toLocaleString("es-ES")}</span> {t("inbox.clientsShort")}
        </p>
      </div>
      <InboxTabs query={query} counts={page.tabCounts} locale={locale} />
      <InboxFilters query={query} provinces={provinces} families={families} locale={locale} />
      <InboxTable rows={page.rows} query={query} locale={locale} />
      <InboxPagination query={query} page={page} locale={locale} />
    </section>
  );
}
