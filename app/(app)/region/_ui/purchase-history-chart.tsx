"use client";
// A client's monthly purchases stacked by family (Tremor's chart is a client component and its value
// formatter a function, so this wrapper owns both).
import { BarChart } from "@tremor/react";
import type { MonthlyFamilyPurchases } from "@/lib/data/region/get-client-purchase-history";
import { formatMonth, numberFormatter } from "./format";

const COLOURS = ["blue", "cyan", "amber", "rose", "violet", "emerald"];

export function PurchaseHistoryChart({ months, families, locale }: { months: MonthlyFamilyPurchases[]; families: string[]; locale: "es" | "en" }) {
  const data = months.map((m) => ({
    month: formatMonth(m.month, locale),
    ...Object.fromEntries(families.map((f) => [f, Math.round(m.byFamily[f] ?? 0)])),
  }));
  return (
    <div data-testid="client-purchase-chart">
      <BarChart
        className="h-64"
        data={data}
        index="month"
        categories={families}
        colors={COLOURS.slice(0, families.length)}
        stack
        valueFormatter={numberFormatter(locale, " €")}
        yAxisWidth={72}
        showAnimation={false}
      />
    </div>
  );
}
