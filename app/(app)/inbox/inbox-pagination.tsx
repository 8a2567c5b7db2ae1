import type { InboxPage } from "@/lib/data/inbox/get-inbox-page";
import { inboxHref, type InboxQuery } from "@/lib/data/inbox/inbox-query";
import { translator, type Locale } from "@/lib/i18n/messages";
import { formatCount } from "@/app/(app)/alerts/_ui/format";

export function InboxPagination({ query, page, locale }: { query: InboxQuery; page: InboxPage; locale: Locale }) {
  const t = translator(locale);
  const linkClass = "rounded-md border bg-white px-3 py-1 text-sm hover:bg-gray-50";
  return (
    <div className="flex items-center justify-between text-sm text-gray-600" data-testid="inbox-pagination">
      <span>
        {t("inbox.total", { total: formatCount(page.total) })} · {t("inbox.pageOf", { page: page.page, pages: page.pages })}
      </span>
      <div className="flex gap-2">
        {page.page > 1 && (
          <a href={inboxHref(query, { page: Math.min(page.page - 1, page.pages) })} className={linkClass} rel="prev">
            {t("inbox.prev")}
          </a>
        )}
        {page.page < page.pages && (
          <a href={inboxHref(query, { page: page.page + 1 })} className={linkClass} rel="next">
            {t("inbox.next")}
          </a>
        )}
      </div>
    </div>
  );
}
