import type { ModelCard } from "@/lib/data/admin/get-model-cards";
import { translator, type Locale } from "@/lib/i18n/messages";
import { formatNumber } from "../_ui/format";

type Column = { key: "auc" | "averagePrecision" | "precisionAt5" | "precisionAt10" | "brier"; label: "auc" | "ap" | "p5" | "p10" | "brier"; higherIsBetter: boolean };

const COLUMNS: Column[] = [
  { key: "auc", label: "auc", higherIsBetter: true },
  { key: "averagePrecision", label: "ap", higherIsBetter: true },
  { key: "precisionAt5", label: "p5", higherIsBetter: true },
  { key: "precisionAt10", label: "p10", higherIsBetter: true },
  { key: "brier", label: "brier", higherIsBetter: false },
];

/** The model against the logistic regression and the recency/rhythm rule; the best of each column in bold. */
export function MetricsTable({ comparison, locale }: { comparison: ModelCard["comparison"]; locale: Locale }) {
  const t = translator(locale);
  const best = new Map(
    COLUMNS.map((c) => {
      const values = comparison.map((row) => row.metrics[c.key]).filter((v) => Number.isFinite(v));
      return [c.key, values.length ? (c.higherIsBetter ? Math.max(...values) : Math.min(...values)) : null];
    }),
  );
  return (
    <table className="w-full text-sm" data-testid="metrics-table">
      <thead className="border-b text-left text-gray-500">
        <tr>
          <th className="p-2 font-medium" />
          {COLUMNS.map((c) => (
            <th key={c.key} className="p-2 text-right font-medium">
              {t(`models.metric.${c.label}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {comparison.map((row) => (
          <tr key={row.label} className="border-b last:border-0" data-testid={`metrics-${row.label}`}>
            <td className="p-2">{t(`models.baseline.${row.label}`)}</td>
            {COLUMNS.map((c) => (
              <td key={c.key} className={`p-2 text-right tabular-nums ${best.get(c.key) === row.metrics[c.key] ? "font-semibold" : ""}`}>
                {formatNumber(row.metrics[c.key], locale, 3)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
