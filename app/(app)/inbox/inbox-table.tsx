import type { InboxRow } from "@/lib/data/inbox/get-inbox-page";
import { hasFilters, type InboxQuery } from "@/lib/data/inbox/inbox-query";
import { translator, type Locale } from "@/lib/i18n/messages";
import { inboxRowsHtml } from "./inbox-rows-html";

const COLUMNS = ["client", "family", "motive", "priority", "impact", "window", "channel", "reason"] as const;

/**
 * The page's rows. Every element here is written twice per request (HTML and RSC payload) and 25
 * times per page, so the rows are one HTML string whose cells are bare: their look is set once per
 * column in app/globals.css (`.inbox-table`), and the client links are plain anchors (the
 * page's one `SoftNavigation` keeps clicks client-side) instead of 25 `next/link` client components.
 */
export function InboxTable({ rows, query, locale, showProvince }: { rows: InboxRow[]; query: InboxQuery; locale: Locale; showProvince: boolean }) {
  const t = translator(locale);
  if (!rows.length) {
    return (
      <p className="rounded-lg border bg-white p-6 text-sm text-gray-500" data-testid="inbox-empty">
        {hasFilters(query) ? t("inbox.noResults") : query.plan ? t("inbox.plan.empty") : t("inbox.noAlerts")}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border bg-white">
      <table className="inbox-table" data-testid="inbox-table">
        <thead className="border-b bg-gray-50 text-left text-gray-500">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column}>{t(`inbox.col.${column}`)}</th>
            ))}
          </tr>
        </thead>
        {/* The rows are one HTML string (see inbox-rows-html.ts): 25 × 11 elements fewer to serialise,
            parse back and render on every request. */}
        <tbody dangerouslySetInnerHTML={{ __html: inboxRowsHtml(rows, locale, showProvince) }} />
      </table>
    </div>
  );
}
