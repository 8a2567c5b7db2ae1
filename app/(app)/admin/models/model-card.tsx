import type { ModelCard as Card } from "@/lib/data/admin/get-model-cards";
import { translator, type Locale } from "@/lib/i18n/messages";
import { formatDay, formatNumber } from "../_ui/format";
import { CalibrationChart } from "./calibration-chart";
import { ImportanceChart } from "./importance-chart";
import { MetricsTable } from "./metrics-table";

const TOP_FEATURES = 15;

const shorten = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

export function ModelCard({ card, locale }: { card: Card; locale: Locale }) {
  const t = translator(locale);
  const model = card.comparison.find((row) => row.label === "model")?.metrics;
  const m = card.metrics;
  const snapshots = m?.snapshots;
  const days = (list: string[] | undefined) => (list?.length ? list.map((d) => formatDay(d, locale)).join(", ") : "—");
  const importance = card.importance.slice(0, TOP_FEATURES).map((item) => ({
    label: shorten(item.meaning.replace(/\.$/, ""), 70),
    value: item.meanAbsShap,
  }));
  return (
    <div className="space-y-6" data-testid="model-card" data-version-id={card.id}>
      <div className="rounded-lg border bg-white p-4">
        <h3 className="mb-2 font-semibold">{t("models.metrics")}</h3>
        {card.comparison.length > 0 ? (
          <>
            <MetricsTable comparison={card.comparison} locale={locale} />
            {model && (
              <p className="mt-2 text-xs text-gray-500">
                {t("models.metricsHelp", { rows: formatNumber(model.rows, locale), positives: formatNumber(model.positives, locale) })}
              </p>
            )}
          </>
        ) : (
          <p className="text-sm text-gray-700">{t("models.regression", { days: formatNumber(m?.medianAbsoluteErrorDays ?? null, locale, 1) })}</p>
        )}
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        {model?.calibration && (
          <div className="rounded-lg border bg-white p-4">
            <h3 className="font-semibold">{t("models.calibration")}</h3>
            <p className="mb-2 text-xs text-gray-500">{t("models.calibrationHelp")}</p>
            <CalibrationChart
              bins={model.calibration}
              locale={locale}
              labels={{ observed: t("models.calibration.observed"), ideal: t("models.calibration.ideal"), predicted: t("models.calibration.predicted") }}
            />
          </div>
        )}
        <div className="rounded-lg border bg-white p-4 text-sm">
          <h3 className="mb-2 font-semibold">{t("models.window")}</h3>
          <dl className="space-y-2">
            <div>
              <dt className="text-gray-500">{t("models.window.trainedAsOf")}</dt>
              <dd>{formatDay(card.trainedAsOf, locale)}</dd>
            </div>
            <div>
              <dt className="text-gray-500">{t("models.window.refit")}</dt>
              <dd data-testid="train-window">
                {formatDay(card.trainFrom, locale)} → {formatDay(card.trainUntil, locale)}
              </dd>
            </div>
            <div>
              <dt className="text-gray-500">{t("models.window.train")}</dt>
              <dd>{days(snapshots?.train)}</dd>
            </div>
            <div>
              <dt className="text-gray-500">{t("models.window.valid")}</dt>
              <dd>{snapshots ? formatDay(snapshots.valid, locale) : "—"}</dd>
            </div>
            <div>
              <dt className="text-gray-500">{t("models.window.holdout")}</dt>
              <dd>{snapshots ? formatDay(snapshots.holdout, locale) : "—"}</dd>
            </div>
          </dl>
          {m && (
            <p className="mt-3 text-xs text-gray-500">
              {t("models.window.rows", {
                train: formatNumber(m.trainRows ?? null, locale),
                valid: formatNumber(m.validRows ?? null, locale),
                holdout: formatNumber(m.holdoutRows ?? null, locale),
                trees: formatNumber(m.bestRound === undefined ? null : m.bestRound + 1, locale),
              })}
            </p>
          )}
        </div>
      </div>

      {importance.length > 0 && (
        <div className="rounded-lg border bg-white p-4">
          <h3 className="font-semibold">{t("models.importance")}</h3>
          <p className="mb-2 text-xs text-gray-500">{t("models.importanceHelp")}</p>
          <ImportanceChart items={importance} category="|SHAP|" locale={locale} />
          <table className="mt-4 w-full text-xs" data-testid="importance-table">
            <thead className="border-b text-left text-gray-500">
              <tr>
                <th className="p-1 font-medium">{t("models.dict.name")}</th>
                <th className="p-1 font-medium">{t("models.dict.meaning")}</th>
                <th className="p-1 text-right font-medium">|SHAP|</th>
              </tr>
            </thead>
            <tbody>
              {card.importance.slice(0, TOP_FEATURES).map((item) => (
                <tr key={item.feature} className="border-b last:border-0">
                  <td className="p-1 font-mono">{item.feature}</td>
                  <td className="p-1">{item.meaning}</td>
                  <td className="p-1 text-right tabular-nums">{formatNumber(item.meanAbsShap, locale, 3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
