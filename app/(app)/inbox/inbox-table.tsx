import type { InboxRow } from "@/lib/data/inbox/get-inbox-page";
import { hasFilters, type InboxQuery } from "@/lib/data/inbox/inbox-query";
import { translator, type Locale } from "@/lib/i18n/messages";
import { PriorityBadge } from "@/app/(app)/alerts/_ui/badges";
import { formatDay, formatEuros, formatWindow } from "@/app/(app)/alerts/_ui/format";
import { SoftNavigation } from "./soft-navigation";

const COLUMNS = ["client", "family", "motive", "priority", "impact", "window", "channel", "reason"] as const;

/**
 * The page's rows. Every element here is written twice per request (HTML and RSC payload) and 25
 * times per page, so cells are bare: their look is set once per column in app/globals.css
 * (`.inbox-table`), and the client links are plain anchors — one `SoftNavigation` for the table
 * keeps clicks client-side instead of 25 `next/link` client components.
 */
export function InboxTable({ rows, query, locale, showProvince }: { rows: InboxRow[]; query: InboxQuery; locale: Locale; showProvince: boolean }) {
  const t = translator(locale);
  if (!rows.length) {
    return (
      <p className="rounded-lg border bg-white p-6 text-sm text-gray-500" data-testid="inbox-empty">
        {hasFilters(query) ? t("inbox.noResults") : t("inbox.noAlerts")}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border bg-white">
      <table id="inbox-table" className="inbox-table" data-testid="inbox-table">
        <thead className="border-b bg-gray-50 text-left text-gray-500">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column}>{t(`inbox.col.${column}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="inbox-row" data-alert-id={row.id}>
              <td>
                <a href={`/alerts/${row.id}`}>{row.clientExternalId}</a>
                {/* One province: the header already names it. */}
                {showProvince && row.provinceName && <small>{row.provinceName}</small>}
              </td>
              <td>{row.familyCode}</td>
              <td>{t(`motive.${row.motive}`)}</td>
              <td>
                <PriorityBadge band={row.priorityBand} score={row.priorityScore} locale={locale} />
              </td>
              <td>{formatEuros(row.expectedImpact, locale)}</td>
              <td>
                {formatWindow(row.contactFrom, row.contactUntil, locale)}
                {row.status === "SNOOZED" && row.snoozedUntil && (
                  <small className="snoozed">
                    {t("status.SNOOZED")} {t("inbox.snoozedUntil", { date: formatDay(row.snoozedUntil, locale) })}
                  </small>
                )}
              </td>
              <td>{t(`channel.${row.channel}`)}</td>
              <td>{row.topReason ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <SoftNavigation within="inbox-table" />
    </div>
  );
}
