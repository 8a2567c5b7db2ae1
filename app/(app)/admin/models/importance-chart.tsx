"use client";
// Global importance: mean |SHAP| per feature, labelled with its meaning in Spanish.
import { BarChart } from "@tremor/react";

export function ImportanceChart({ items, category, locale }: { items: { label: string; value: number }[]; category: string; locale: "es" | "en" }) {
  const tag = locale === "es" ? "es-ES" : "en-GB";
  // One row per feature, tall enough for a two-line label.
  return (
    <div data-testid="importance-chart" style={{ height: 40 + items.length * 34 }}>
      <BarChart
        className="h-full"
        data={items.map((item) => ({ feature: item.label, [category]: item.value }))}
        index="feature"
        categories={[category]}
        colors={["blue"]}
        layout="vertical"
        valueFormatter={(value: number) => value.toLocaleString(tag, { maximumFractionDigits: 3 })}
        yAxisWidth={300}
        showLegend={false}
        showAnimation={false}
      />
    </div>
  );
}
