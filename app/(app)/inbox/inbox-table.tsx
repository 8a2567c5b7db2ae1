import Link from "next/link";
import type { InboxRow } from "@/lib/data/inbox/get-inbox-page";
import { hasFilters, type InboxQuery } from "@/lib/data/inbox/inbox-query";
import { translator, type Locale } from "@/lib/i18n/messages";
import { PriorityBadge } from "@/app/(app)/alerts/_ui/badges";
import { formatDay, formatEuros, formatWindow } from "@/app/(app)/alerts/_ui/format";

const COLUMNS = ["client", "family", "motive", "priority", "impact", "window", "channel", "reason"] as const;

// Cell and row styles are set once on the table (descendant variants) rather than on each of the
// 25 × 8 cells: the page's HTML and its RSC payload both carry every attribute.
const TABLE_CLASS =
  "w-full text-sm [&_td]:p-2 [&_th]:p-2 [&_th]:font-medium [&>tbody>tr]:border-b [&>tbody>tr]:align-top [&>tbody>tr:last-child]:border-0 [&>tbody>tr:hover]:bg-gray-50";

export function InboxTable({ rows, query, locale }: { rows: InboxRow[]; query: InboxQuery; locale: Locale }) {
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
      <table className={TABLE_CLASS} data-testid="inbox-table">
        <thead className="border-b bg-gray-50 text-left text-gray-500">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} className={column === "impact" ? "text-right" : undefined}>
                {t(`inbox.col.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="inbox-row" data-alert-id={row.id}>
              <td className="whitespace-nowrap">
                {/* No viewport prefetch: 25 alert pages prefetched on every inbox view would each run the
                    signed-in layout on the server; the one clicked loads on demand. */}
                <Link href={`/alerts/${row.id}`} prefetch={false} className="font-medium text-blue-700 hover:underline">
                  {row.clientExternalId}
                </Link>
                {row.provinceName && <div className="text-xs text-gray-500">{row.provinceName}</div>}
              </td>
              <td>{row.familyCode}</td>
              <td>{t(`motive.${row.motive}`)}</td>
              <td>
                <PriorityBadge band={row.priorityBand} score={row.priorityScore} locale={locale} />
              </td>
              <td className="whitespace-nowrap text-right tabular-nums">{formatEuros(row.expectedImpact, locale)}</td>
              <td className="whitespace-nowrap">
                {formatWindow(row.contactFrom, row.contactUntil, locale)}
                {row.status === "SNOOZED" && row.snoozedUntil && (
                  <div className="text-xs text-purple-700">
                    {t("status.SNOOZED")} {t("inbox.snoozedUntil", { date: formatDay(row.snoozedUntil, locale) })}
                  </div>
                )}
              </td>
              <td>{t(`channel.${row.channel}`)}</td>
              <td className="max-w-xs text-gray-600">{row.topReason ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
