import { CHANNELS, hasFilters, inboxHref, INBOX_SORTS, MOTIVES, PRIORITY_BANDS, type InboxQuery } from "@/lib/data/inbox/inbox-query";
import type { FamilyOption, InboxProvince } from "@/lib/data/inbox/get-inbox-page";
import { translator, type Locale } from "@/lib/i18n/messages";
import { formatDay } from "@/app/(app)/alerts/_ui/format";

const selectClass = "mt-1 block w-full rounded-md border-gray-300 py-1.5 text-sm";

/** A plain GET form: filtering works before (and without) JavaScript and lands in the URL. */
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
      <form method="get" action="/inbox" className="grid grid-cols-2 items-end gap-3 rounded-lg border bg-white p-3 sm:grid-cols-4 lg:grid-cols-7" data-testid="inbox-filters">
        {query.tab !== "pending" && <input type="hidden" name="tab" value={query.tab} />}
        {query.sort !== "priority" && <input type="hidden" name="sort" value={query.sort} />}
        {query.plan && <input type="hidden" name="plan" value="today" />}
        <label className="text-xs font-medium text-gray-600">
          {t("inbox.filter.band")}
          <select name="band" defaultValue={query.band ?? ""} className={selectClass}>
            <option value="">{t("inbox.filter.all")}</option>
            {PRIORITY_BANDS.map((band) => (
              <option key={band} value={band}>
                {t(`band.${band}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-gray-600">
          {t("inbox.filter.motive")}
          <select name="motive" defaultValue={query.motive ?? ""} className={selectClass}>
            <option value="">{t("inbox.filter.all")}</option>
            {MOTIVES.map((motive) => (
              <option key={motive} value={motive}>
                {t(`motive.${motive}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-gray-600">
          {t("inbox.filter.family")}
          <select name="family" defaultValue={query.family ?? ""} className={selectClass}>
            <option value="">{t("inbox.filter.all")}</option>
            {families.map((family) => (
              <option key={family.code} value={family.code}>
                {family.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-gray-600">
          {t("inbox.filter.province")}
          <select name="province" defaultValue={query.province ?? ""} className={selectClass}>
            <option value="">{t("inbox.filter.all")}</option>
            {provinces.map((province) => (
              <option key={province.code} value={province.code}>
                {province.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-gray-600">
          {t("inbox.filter.channel")}
          <select name="channel" defaultValue={query.channel ?? ""} className={selectClass}>
            <option value="">{t("inbox.filter.all")}</option>
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`channel.${channel}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-gray-600">
          {t("inbox.filter.q")}
          <input type="search" name="q" defaultValue={query.q ?? ""} placeholder={t("inbox.filter.qPlaceholder")} className={selectClass} />
        </label>
        <div className="flex items-center gap-3">
          <button type="submit" className="rounded-md bg-blue-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-700">
            {t("inbox.filter.apply")}
          </button>
          {hasFilters(query) && (
            <a href={inboxHref({ ...query, band: null, motive: null, family: null, province: null, channel: null, q: null }, { page: 1 })} className="text-sm text-gray-600 underline">
              {t("inbox.filter.clear")}
            </a>
          )}
        </div>
      </form>
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
