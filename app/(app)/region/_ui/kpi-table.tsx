// One row per community or per delegate with its KPIs; the name links one level down.
import Link from "next/link";
import type { KpiSet } from "@/lib/data/region/region-types";
import { translator, type Locale } from "@/lib/i18n/messages";
import { formatEuros, formatHours, formatInt, formatPercent } from "./format";

export interface KpiTableRow {
  key: string;
  label: string;
  href: string | null;
  kpis: KpiSet;
}

export function KpiTable({ rows, firstColumn, locale, testId }: { rows: KpiTableRow[]; firstColumn: string; locale: Locale; testId: string }) {
  const t = translator(locale);
  return (
    <div className="overflow-x-auto rounded-lg border bg-white">
      <table className="w-full text-sm" data-testid={testId}>
        <thead className="border-b bg-gray-50 text-left text-gray-500">
          <tr>
            <th className="p-2 font-medium">{firstColumn}</th>
            <th className="p-2 text-right font-medium">{t("region.col.openAlerts")}</th>
            <th className="p-2 text-right font-medium">{t("region.col.eurosAtRisk")}</th>
            <th className="p-2 text-right font-medium">{t("region.col.eurosOpportunity")}</th>
            <th className="p-2 text-right font-medium">{t("region.col.attendRate")}</th>
            <th className="p-2 text-right font-medium">{t("region.col.response")}</th>
            <th className="p-2 text-right font-medium">{t("region.col.conversion")}</th>
            <th className="p-2 text-right font-medium">{t("region.col.overdue")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b last:border-0" data-testid={`${testId}-row`} data-key={row.key}>
              <td className="p-2">
                {row.href ? (
                  <Link href={row.href} className="font-medium text-blue-700 hover:underline">
                    {row.label}
                  </Link>
                ) : (
                  <span className="text-gray-600">{row.label}</span>
                )}
              </td>
              <td className="p-2 text-right tabular-nums">{formatInt(row.kpis.openAlerts, locale)}</td>
              <td className="p-2 text-right tabular-nums">{formatEuros(row.kpis.eurosAtRisk, locale)}</td>
              <td className="p-2 text-right tabular-nums">{formatEuros(row.kpis.eurosOpportunity, locale)}</td>
              <td className="p-2 text-right tabular-nums">{formatPercent(row.kpis.attendRate, locale)}</td>
              <td className="p-2 text-right tabular-nums">{formatHours(row.kpis.medianResponseHours, locale, t)}</td>
              <td className="p-2 text-right tabular-nums">
                {formatPercent(row.kpis.conversionAttended, locale)} / {formatPercent(row.kpis.conversionControl, locale)}
              </td>
              <td className="p-2 text-right tabular-nums">{formatInt(row.kpis.overdueAlerts, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
