// A delegate's clients, most € at stake first, paginated through the URL (?page=).
import Link from "next/link";
import type { DelegateClientsPage } from "@/lib/data/region/get-delegate-clients";
import { translator, type Locale } from "@/lib/i18n/messages";
import { codeLabel, formatDay, formatEuros, formatInt } from "./format";

const BAND_STYLE = { HIGH: "bg-red-50 text-red-700", MEDIUM: "bg-amber-50 text-amber-700", LOW: "bg-gray-100 text-gray-600" } as const;

export async function ClientsTable({ data, basePath, locale }: { data: Promise<DelegateClientsPage>; basePath: string; locale: Locale }) {
  const t = translator(locale);
  const page = await data;
  if (!page.total) return <p className="text-sm text-gray-500">{t("region.delegate.clients.none")}</p>;
  return (
    <div className="space-y-3">
      <p className="text-sm text-gray-600">{t("region.delegate.clientsTotal", { total: formatInt(page.total, locale) })}</p>
      <div className="overflow-x-auto rounded-lg border bg-white">
        <table className="w-full text-sm" data-testid="clients-table">
          <thead className="border-b bg-gray-50 text-left text-gray-500">
            <tr>
              <th className="p-2 font-medium">{t("region.col.client")}</th>
              <th className="p-2 font-medium">{t("region.col.province")}</th>
              <th className="p-2 text-right font-medium">{t("region.col.openAlerts")}</th>
              <th className="p-2 font-medium">{t("region.col.priority")}</th>
              <th className="p-2 text-right font-medium">{t("region.col.stake")}</th>
              <th className="p-2 font-medium">{t("region.col.lastPurchase")}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row) => (
              <tr key={row.clientId} className="border-b last:border-0" data-testid="clients-table-row">
                <td className="p-2">
                  <Link href={`/region/clients/${row.clientId}`} className="font-medium text-blue-700 hover:underline">
                    {row.externalId}
                  </Link>
                </td>
                <td className="p-2">{row.provinceName ?? "—"}</td>
                <td className="p-2 text-right tabular-nums">{formatInt(row.openAlerts, locale)}</td>
                <td className="p-2">
                  {row.topBand && <span className={`rounded px-2 py-0.5 text-xs font-medium ${BAND_STYLE[row.topBand]}`}>{codeLabel(t, "band", row.topBand)}</span>}
                </td>
                <td className="p-2 text-right tabular-nums">{formatEuros(row.eurosAtStake, locale)}</td>
                <td className="p-2 whitespace-nowrap">{formatDay(row.lastPurchase, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.pages > 1 && (
        <nav className="flex items-center justify-between text-sm" aria-label="pagination">
          {page.page > 1 ? (
            <Link href={`${basePath}?page=${page.page - 1}`} className="text-blue-700 hover:underline">
              ← {t("region.prev")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-gray-500">{t("region.pageOf", { page: page.page, pages: page.pages })}</span>
          {page.page < page.pages ? (
            <Link href={`${basePath}?page=${page.page + 1}`} className="text-blue-700 hover:underline">
              {t("region.next")} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}
