import { requirePagePermission } from "@/lib/auth/actor";
import { pool } from "@/lib/db/pool";
import { getInboxPage } from "@/lib/data/inbox/get-inbox-page";
import { parseInboxQuery, type SearchParams } from "@/lib/data/inbox/inbox-query";
import { getTranslator } from "@/lib/i18n/server";
import { InboxFilters } from "./inbox-filters";
import { InboxPagination } from "./inbox-pagination";
import { InboxTable } from "./inbox-table";
import { InboxTabs } from "./inbox-tabs";
import { SoftNavigation } from "./soft-navigation";
import { formatCount } from "@/app/(app)/alerts/_ui/format";

/** The delegate's inbox: everything it shows is in the URL, so a view can be shared or reloaded. */
export default async function InboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("inbox.view");
  const query = parseInboxQuery(await searchParams);
  const [{ locale, t }, page] = await Promise.all([getTranslator(), getInboxPage(pool(), actor, query)]);
  const { territory: provinces, families } = page;
  const clients = provinces.reduce((sum, province) => sum + province.clients, 0);
  return (
    <section id="inbox" className="space-y-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("inbox.title")}</h1>
        <p className="text-sm text-gray-600">
          {t("inbox.territory")}: <span data-testid="territory-provinces">{provinces.map((p) => p.name).join(", ") || t("common.none")}</span> ·{" "}
          <span data-testid="territory-clients">{formatCount(clients)}</span> {t("inbox.clientsShort")}
        </p>
      </div>
      <InboxTabs query={query} counts={page.tabCounts} locale={locale} />
      <InboxFilters query={query} provinces={provinces} families={families} planDay={page.planDay} locale={locale} />
      <InboxTable rows={page.rows} query={query} locale={locale} showProvince={provinces.length !== 1} />
      <InboxPagination query={query} page={page} locale={locale} />
      {/* Tabs, sorting, pagination and rows are plain links: one handler keeps them client-side. */}
      <SoftNavigation within="inbox" />
    </section>
  );
}
