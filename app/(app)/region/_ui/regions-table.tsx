// The communities of the actor's scope with their KPIs (the map's figures as a table).
import type { RegionOverview } from "@/lib/data/region/region-types";
import { translator, type Locale } from "@/lib/i18n/messages";
import { KpiTable } from "./kpi-table";

export async function RegionsTable({ overview, locale }: { overview: Promise<RegionOverview>; locale: Locale }) {
  const t = translator(locale);
  const { regions } = await overview;
  const rows = regions
    .filter((r) => r.inScope && r.kpis)
    .map((r) => ({ key: r.code, label: r.name, href: `/region/${r.code}`, kpis: r.kpis! }));
  return (
    <section>
      <h2 className="mb-3 text-lg font-semibold">{t("region.table.title")}</h2>
      <KpiTable rows={rows} firstColumn={t("region.col.region")} locale={locale} testId="regions-table" />
    </section>
  );
}
