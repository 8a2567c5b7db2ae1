import Link from "next/link";
import type { InboxRow } from "@/lib/data/inbox/get-inbox-page";
import { hasFilters, type InboxQuery } from "@/lib/data/inbox/inbox-query";
import { translator, type Locale } from "@/lib/i18n/messages";
import { PriorityBadge } from "@/app/(app)/alerts/_ui/badges";
import { formatDay, formatEuros, formatWindow } from "@/app/(app)/alerts/_ui/format";

const COLUMNS = ["client", "family", "motive", "priority", "impact", "window", "channel", "reason"] as const;

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
      <table className="w-full text-sm" data-testid="inbox-table">
        <thead className="border-b bg-gray-50 text-left text-gray-500">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} className={`p-2 font-medium ${column === "impact" ? "text-right" : ""}`}>
                {t(`inbox.col.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b align-top last:border-0 hover:bg-gray-50" data-testid="inbox-row" data-alert-id={row.id}>
              <td className="whitespace-nowrap p-2">
                <Link href={`/alerts/${row.id}`} className="font-medium text-blue-700 hover:underline">
                  {row.clientExternalId}
                </Link>
                {row.provinceName && <div className="text-xs text-gray-500">{row.provinceName}</div>}
              </td>
              <td className="p-2">{row.familyCode}</td>
              <td className="p-2">{t(`motive.${row.motive}`)}</td>
              <td className="p-2">
                <PriorityBadge band={row.priorityBand} score={row.priorityScore} locale={locale} />
              </td>
              <td className="whitespace-nowrap p-2 text-right tabular-nums">{formatEuros(row.expectedImpact, locale)}</td>
              <td className="whitespace-nowrap p-2">
                {formatWindow(row.contactFrom, row.contactUntil, locale)}
                {row.status === "SNOOZED" && row.snoozedUntil && (
                  <div className="text-xs text-purple-700">
                    {t("status.SNOOZED")} {t("inbox.snoozedUntil", { date: formatDay(row.snoozedUntil, locale) })}
                  </div>
                )}
              </td>
              <td className="p-2">{t(`channel.${row.channel}`)}</td>
              <td className="max-w-xs p-2 text-gray-600">{row.topReason ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
