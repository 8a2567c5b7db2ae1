import { inboxHref, INBOX_SORTS, type InboxQuery } from "@/lib/data/inbox/inbox-query";
import type { FamilyOption, InboxProvince } from "@/lib/data/inbox/get-inbox-page";
import { translator, type Locale } from "@/lib/i18n/messages";
import { formatDay } from "@/app/(app)/alerts/_ui/format";
import { inboxFilterFieldsHtml } from "./inbox-filters-html";

/** The filter form, the sort order and the view (all pending alerts, or the day's plan). */
export function InboxFilters({
  query,
  provinces,
  families,
  planDay,
  locale,
}: {
  query: InboxQuery;
  provinces: InboxProvince[];
  families: FamilyOption[];
  planDay: string | null;
  locale: Locale;
}) {
  const t = translator(locale);
  return (
    <div className="space-y-3">
      {/* A plain GET form (filtering works before and without JavaScript and lands in the URL); its
          fields are one HTML string (see inbox-filters-html.ts). */}
      <form
        method="get"
        action="/inbox"
        className="grid grid-cols-2 items-end gap-3 rounded-lg border bg-white p-3 sm:grid-cols-4 lg:grid-cols-7"
        data-testid="inbox-filters"
        dangerouslySetInnerHTML={{ __html: inboxFilterFieldsHtml(query, provinces, families, locale) }}
      />
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-gray-600">
        <div className="flex items-center gap-2" data-testid="inbox-sort">
          <span>{t("inbox.sort")}:</span>
          {INBOX_SORTS.map((sort) =>
            sort === query.sort ? (
              <span key={sort} className="rounded bg-gray-200 px-2 py-0.5 font-medium text-gray-900" aria-current="true">
                {t(`inbox.sort.${sort}`)}
              </span>
            ) : (
              <a key={sort} href={inboxHref(query, { sort, page: 1 })} className="rounded px-2 py-0.5 text-blue-700 hover:bg-blue-50">
                {t(`inbox.sort.${sort}`)}
              </a>
            ),
          )}
        </div>
        {/* All pending alerts, or only the engine's daily plan: what fits the delegate's daily capacity. */}
        <div className="flex items-center gap-2" data-testid="inbox-view">
          <span>{t("inbox.view")}:</span>
          {([false, true] as const).map((plan) =>
            plan === query.plan ? (
              <span key={String(plan)} className="rounded bg-gray-200 px-2 py-0.5 font-medium text-gray-900" aria-current="true">
                {t(plan ? "inbox.view.plan" : "inbox.view.all")}
              </span>
            ) : (
              <a key={String(plan)} href={inboxHref(query, { plan, page: 1 })} className="rounded px-2 py-0.5 text-blue-700 hover:bg-blue-50" data-testid={plan ? "view-plan" : "view-all"}>
                {t(plan ? "inbox.view.plan" : "inbox.view.all")}
              </a>
            ),
          )}
          {query.plan && planDay && (
            <span className="text-xs text-gray-500" data-testid="plan-day">
              {t("inbox.plan.day", { date: formatDay(planDay, locale) })}
            </span>
          )}
        </div>
      </div>
    </div>
  );
}
