"use client";
// Reliability diagram: per bin, the mean predicted probability against the observed rate, beside the
// diagonal a perfectly calibrated model would follow (Tremor's chart is a client component).
import { LineChart } from "@tremor/react";

export interface CalibrationPoint {
  meanPredicted: number;
  observedRate: number;
  count: number;
}

export function CalibrationChart({
  bins,
  labels,
  locale,
}: {
  bins: CalibrationPoint[];
  labels: { observed: string; ideal: string; predicted: string };
  locale: "es" | "en";
}) {
  const tag = locale === "es" ? "es-ES" : "en-GB";
  const pct = (value: number) => `${(value * 100).toLocaleString(tag, { maximumFractionDigits: 1 })} %`;
  const data = bins
    .filter((bin) => bin.count > 0)
    .map((bin) => ({ [labels.predicted]: pct(bin.meanPredicted), [labels.observed]: bin.observedRate, [labels.ideal]: bin.meanPredicted }));
  return (
    <div data-testid="calibration-chart">
      <LineChart
        className="h-64"
        data={data}
        index={labels.predicted}
        categories={[labels.observed, labels.ideal]}
        colors={["blue", "gray"]}
        valueFormatter={pct}
        minValue={0}
        maxValue={1}
        yAxisWidth={56}
        xAxisLabel={labels.predicted}
        showAnimation={false}
      />
    </div>
  );
}
