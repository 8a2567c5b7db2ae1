// A community's delegates with their workload and results; each name opens the delegate's clients.
import type { RegionDelegates } from "@/lib/data/region/region-types";
import { translator, type Locale } from "@/lib/i18n/messages";
import { KpiTable } from "./kpi-table";

export async function DelegatesTable({ data, locale }: { data: Promise<RegionDelegates | null>; locale: Locale }) {
  const t = translator(locale);
  const region = await data;
  if (!region) return null;
  if (!region.delegates.length) return <p className="text-sm text-gray-500">{t("region.delegates.none")}</p>;
  const rows = region.delegates.map((d) => ({
    key: d.delegateId === null ? "none" : String(d.delegateId),
    label: d.name ?? t("region.unassigned"),
    href: d.delegateId === null ? null : `/region/delegates/${d.delegateId}`,
    kpis: d.kpis,
  }));
  return <KpiTable rows={rows} firstColumn={t("region.col.delegate")} locale={locale} testId="delegates-table" />;
}
