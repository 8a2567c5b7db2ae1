import { INBOX_TABS, inboxHref, type InboxQuery, type InboxTab } from "@/lib/data/inbox/inbox-query";
import { translator, type Locale } from "@/lib/i18n/messages";
import { formatCount } from "@/app/(app)/alerts/_ui/format";

export function InboxTabs({ query, counts, locale }: { query: InboxQuery; counts: Record<InboxTab, number>; locale: Locale }) {
  const t = translator(locale);
  return (
    <nav className="flex gap-1 border-b border-gray-200" aria-label={t("inbox.title")}>
      {INBOX_TABS.map((tab) => {
        const active = tab === query.tab;
        return (
          <a
            key={tab}
            href={inboxHref(query, { tab, page: 1 })}
            aria-current={active ? "page" : undefined}
            data-testid={`tab-${tab}`}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${active ? "border-blue-600 text-blue-700" : "border-transparent text-gray-500 hover:text-gray-800"}`}
          >
            {t(`inbox.tab.${tab}`)}{" "}
            <span className={`ml-1 rounded-full px-2 py-0.5 text-xs ${active ? "bg-blue-100" : "bg-gray-100"}`} data-testid={`tab-count-${tab}`}>
              {formatCount(counts[tab])}
            </span>
          </a>
        );
      })}
    </nav>
  );
}
