// The seven KPI cards of a scope (all of Spain, the manager's regions, a region, a delegate).
import { Card, Metric, Text } from "@tremor/react";
import type { KpiKey, KpiSet } from "@/lib/data/region/region-types";
import { translator, type Locale } from "@/lib/i18n/messages";
import { formatInt, formatKpi, formatPercent, formatPoints } from "./format";

const ACCENT: Record<KpiKey, "blue" | "red" | "emerald" | "amber" | "gray"> = {
  openAlerts: "blue",
  eurosAtRisk: "red",
  eurosOpportunity: "emerald",
  attendRate: "blue",
  medianResponseHours: "gray",
  conversionAttended: "emerald",
  overdueAlerts: "amber",
};

export function KpiCards({ kpis, locale }: { kpis: KpiSet; locale: Locale }) {
  const t = translator(locale);
  const hints: Record<KpiKey, string> = {
    openAlerts: t("region.kpi.openAlerts.hint"),
    eurosAtRisk: t("region.kpi.eurosAtRisk.hint"),
    eurosOpportunity: t("region.kpi.eurosOpportunity.hint"),
    attendRate: t("region.kpi.attendRate.hint", { attended: formatInt(kpis.attendedAlerts, locale), closed: formatInt(kpis.closedAlerts, locale) }),
    medianResponseHours: t("region.kpi.medianResponseHours.hint", { n: formatInt(kpis.actedAlerts, locale) }),
    conversionAttended: t("region.kpi.conversionAttended.hint", {
      control: formatPercent(kpis.conversionControl, locale),
      diff: formatPoints(kpis.conversionLift, locale),
    }),
    overdueAlerts: t("region.kpi.overdueAlerts.hint"),
  };
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="kpi-cards">
      {(Object.keys(ACCENT) as KpiKey[]).map((key) => (
        <Card key={key} decoration="top" decorationColor={ACCENT[key]} className="p-4" data-testid={`kpi-${key}`}>
          <Text>{t(`region.kpi.${key}`)}</Text>
          <Metric className="mt-1 text-2xl">{formatKpi(key, kpis[key], locale, t)}</Metric>
          <Text className="mt-1 text-xs">{hints[key]}</Text>
        </Card>
      ))}
    </div>
  );
}

export function KpiCardsSkeleton() {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-busy="true">
      {Array.from({ length: 7 }, (_, i) => (
        <div key={i} className="h-[112px] animate-pulse rounded-tremor-default border bg-white p-4">
          <div className="h-3 w-24 rounded bg-gray-200" />
          <div className="mt-3 h-7 w-20 rounded bg-gray-200" />
          <div className="mt-3 h-2.5 w-40 rounded bg-gray-100" />
        </div>
      ))}
    </div>
  );
}

export function BlockSkeleton({ height = 240 }: { height?: number }) {
  return <div className="w-full animate-pulse rounded-lg border bg-white" style={{ height }} aria-busy="true" />;
}
