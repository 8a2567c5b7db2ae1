// The map widget: colours and tooltips of every KPI computed here, so the browser only switches them.
import { choropleth, type PaletteName } from "@/app/_components/map/choropleth";
import { SpainMap, type MapMetric, type MapRegion } from "@/app/_components/map/spain-map";
import { KPI_KEYS, type KpiKey, type RegionOverview } from "@/lib/data/region/region-types";
import { translator, type Locale } from "@/lib/i18n/messages";
import { formatKpi } from "./format";

const PALETTE: Record<KpiKey, PaletteName> = {
  openAlerts: "blue",
  eurosAtRisk: "red",
  eurosOpportunity: "green",
  attendRate: "green",
  medianResponseHours: "amber",
  conversionAttended: "green",
  overdueAlerts: "red",
};

export async function RegionMapPanel({ overview, locale }: { overview: Promise<RegionOverview>; locale: Locale }) {
  const t = translator(locale);
  const { regions } = await overview;
  const mapRegions: MapRegion[] = regions.map((r) => ({ code: r.code, name: r.name, href: r.inScope ? `/region/${r.code}` : null, values: {} }));
  const metrics: MapMetric[] = KPI_KEYS.map((key) => {
    const values = regions.map((r) => (r.kpis ? r.kpis[key] : null));
    const { fills, classes } = choropleth(values, PALETTE[key], { integer: key === "openAlerts" || key === "overdueAlerts" });
    regions.forEach((r, i) => {
      mapRegions[i]!.values[key] = { fill: fills[i]!, display: formatKpi(key, values[i] ?? null, locale, t) };
    });
    return {
      key,
      label: t(`region.kpi.${key}`),
      legend: classes.map((c) => ({
        colour: c.colour,
        label: c.from === c.to ? formatKpi(key, c.from, locale, t) : `${formatKpi(key, c.from, locale, t)} – ${formatKpi(key, c.to, locale, t)}`,
      })),
    };
  });
  return (
    <section className="rounded-lg border bg-white p-4">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">{t("region.map.title")}</h2>
        <p className="text-xs text-gray-500">{t("region.map.hint")}</p>
      </div>
      <SpainMap
        regions={mapRegions}
        metrics={metrics}
        initialMetric="openAlerts"
        labels={{
          colourBy: t("region.map.colourBy"),
          outOfScope: t("region.map.outOfScope"),
          noData: t("region.map.noData"),
          loading: t("region.map.loading"),
          error: t("region.map.error"),
        }}
      />
    </section>
  );
}
