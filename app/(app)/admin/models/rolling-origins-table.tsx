import type { RollingOriginsView } from "@/lib/data/admin/get-rolling-origins";
import { translator, type Locale } from "@/lib/i18n/messages";
import { formatDay, formatNumber } from "../_ui/format";

const METHODS = ["model", "logisticRegression", "recencyCadence"] as const;
const METRICS = [
  ["auc", "auc"],
  ["averagePrecision", "ap"],
  ["precisionAt10", "p10"],
  ["brier", "brier"],
] as const;

/** Rolling-origin evaluation (`signals evaluate`): mean ± sd over the origins, then each origin's AUC. */
export function RollingOriginsTable({ view, locale }: { view: RollingOriginsView; locale: Locale }) {
  const t = translator(locale);
  const pm = (s: { mean: number; sd: number }) => `${formatNumber(s.mean, locale, 3)} ± ${formatNumber(s.sd, locale, 3)}`;
  return (
    <div className="space-y-3" data-testid="rolling-origins">
      <table className="w-full text-sm">
        <thead className="border-b text-left text-gray-500">
          <tr>
            <th className="p-2 font-medium" />
            {METRICS.map(([key, label]) => (
              <th key={key} className="p-2 text-right font-medium">{t(`models.metric.${label}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {METHODS.map((m) => (
            <tr key={m} className="border-b last:border-0">
              <td className="p-2">{t(`models.baseline.${m}`)}</td>
              {METRICS.map(([key]) => (
                <td key={key} className="p-2 text-right tabular-nums">{pm(view.summary[m][key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <table className="w-full text-xs text-gray-600">
        <thead className="border-b text-left">
          <tr>
            <th className="p-1 font-medium">{t("models.origins.origin")}</th>
            <th className="p-1 text-right font-medium">{t("models.origins.rows")}</th>
            {METHODS.map((m) => (
              <th key={m} className="p-1 text-right font-medium">AUC · {t(`models.baseline.${m}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.origins.map((o) => (
            <tr key={o.origin}>
              <td className="p-1">{formatDay(o.origin, locale)}</td>
              <td className="p-1 text-right tabular-nums">{formatNumber(o.rows, locale)} ({formatNumber(o.positives, locale)})</td>
              {METHODS.map((m) => (
                <td key={m} className="p-1 text-right tabular-nums">{formatNumber(o.auc[m], locale, 3)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-gray-500">{t("models.originsHelp", { asOf: formatDay(view.asOf, locale), spacing: view.spacingDays })}</p>
    </div>
  );
}
