"use client";
// Monthly € of purchases and returns of one client × family (Tremor's bar chart is a client
// component, and its value formatter is a function, so this wrapper owns both).
import { BarChart } from "@tremor/react";
import { dateFormat, numberFormat } from "@/app/(app)/alerts/_ui/format";

export interface MonthlyPurchasesPoint {
  /** yyyy-mm */
  month: string;
  purchases: number;
  returns: number;
}

const MONTH: Intl.DateTimeFormatOptions = { timeZone: "UTC", month: "short", year: "2-digit" };

export function MonthlyPurchasesChart({
  data,
  purchasesLabel,
  returnsLabel,
  locale,
}: {
  data: MonthlyPurchasesPoint[];
  purchasesLabel: string;
  returnsLabel: string;
  locale: "es" | "en";
}) {
  const tag = locale === "es" ? "es-ES" : "en-GB";
  const rows = data.map((point) => ({
    month: dateFormat(tag, MONTH).format(new Date(`${point.month}-01T00:00:00Z`)),
    [purchasesLabel]: Math.round(point.purchases),
    [returnsLabel]: Math.round(point.returns),
  }));
  return (
    <div data-testid="purchase-history-chart">
      <BarChart
        className="h-56"
        data={rows}
        index="month"
        categories={[purchasesLabel, returnsLabel]}
        colors={["blue", "rose"]}
        valueFormatter={(value: number) => `${numberFormat(tag).format(value)} €`}
        yAxisWidth={72}
        showAnimation={false}
      />
    </div>
  );
}
