"use client";
// Alerts created / attended / converted per week (Tremor's chart is a client component and its
// value formatter a function, so this wrapper owns both).
import { BarChart } from "@tremor/react";
import type { WeekPoint } from "@/lib/data/region/region-types";
import { formatWeek, numberFormatter } from "./format";

export function TrendChart({
  points,
  labels,
  locale,
}: {
  points: WeekPoint[];
  labels: { created: string; attended: string; converted: string };
  locale: "es" | "en";
}) {
  const data = points.map((p) => ({
    week: formatWeek(p.week, locale),
    [labels.created]: p.created,
    [labels.attended]: p.attended,
    [labels.converted]: p.converted,
  }));
  return (
    <div data-testid="trend-chart">
      <BarChart
        className="h-60"
        data={data}
        index="week"
        categories={[labels.created, labels.attended, labels.converted]}
        colors={["slate", "blue", "emerald"]}
        valueFormatter={numberFormatter(locale)}
        yAxisWidth={56}
        showAnimation={false}
      />
    </div>
  );
}
