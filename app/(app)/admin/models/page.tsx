import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { getFeatureDictionary, getModelHeads, MODEL_HEADS } from "@/lib/data/admin/get-model-cards";
import { getRollingOrigins } from "@/lib/data/admin/get-rolling-origins";
import { getTranslator } from "@/lib/i18n/server";
import { AdminHeader } from "../_ui/admin-header";
import { formatDateTime, formatDay, formatNumber } from "../_ui/format";
import { ActivateVersionButton } from "./activate-version-button";
import { FeatureDictionaryTable } from "./feature-dictionary-table";
import { ModelCard } from "./model-card";
import { RollingOriginsTable } from "./rolling-origins-table";

export default async function ModelsPage({ searchParams }: { searchParams: Promise<{ head?: string; version?: string }> }) {
  const actor = await requirePagePermission("pipeline.run");
  const query = await searchParams;
  const head = MODEL_HEADS.find((h) => h === query.head) ?? MODEL_HEADS[0];
  const versionId = Number(query.version) || undefined;
  const [{ locale, t }, heads, origins] = await Promise.all([
    getTranslator(),
    getModelHeads(db(), actor, { head, versionId }),
    getRollingOrigins(db(), actor, head),
  ]);
  const view = heads.find((h) => h.head === head)!;
  const dictionary = getFeatureDictionary(actor);
  const modelFeatures = new Set(view.card?.featureNames ?? dictionary.filter((e) => e.role === "model").map((e) => e.name));
  return (
    <section className="space-y-6">
      <AdminHeader title={t("models.title")} intro={t("models.intro")} back={t("adminNav.back")} />
      <nav className="flex flex-wrap gap-2 border-b pb-2 text-sm" aria-label={t("models.title")}>
        {heads.map((h) => (
          <Link
            key={h.head}
            href={`/admin/models?head=${h.head}`}
            className={`rounded-md px-3 py-1.5 ${h.head === head ? "bg-blue-600 text-white" : "text-gray-700 hover:bg-gray-100"}`}
            aria-current={h.head === head ? "page" : undefined}
          >
            {t(`models.head.${h.head}`)}
          </Link>
        ))}
      </nav>

      {view.versions.length === 0 ? (
        <p className="text-sm text-gray-500">{t("models.none")}</p>
      ) : (
        <>
          <div className="overflow-x-auto rounded-lg border bg-white">
            <h2 className="px-4 pt-3 font-semibold">{t("models.versions")}</h2>
            <table className="w-full text-sm" data-testid="model-versions">
              <thead className="border-b text-left text-gray-500">
                <tr>
                  <th className="p-2 font-medium">{t("models.col.version")}</th>
                  <th className="p-2 font-medium">{t("models.col.trainedAsOf")}</th>
                  <th className="p-2 font-medium">{t("models.col.created")}</th>
                  <th className="p-2 font-medium">{t("models.col.run")}</th>
                  <th className="p-2 text-right font-medium">{t("models.col.auc")}</th>
                  <th className="p-2" />
                </tr>
              </thead>
              <tbody>
                {view.versions.map((v) => (
                  <tr key={v.id} className={`border-b last:border-0 ${view.card?.id === v.id ? "bg-blue-50" : ""}`} data-testid="model-version-row" data-active={v.active}>
                    <td className="p-2 font-mono text-xs">
                      {v.version}
                      {v.active && <span className="ml-2 rounded bg-green-50 px-2 py-0.5 font-sans text-xs font-medium text-green-700">{t("models.active")}</span>}
                    </td>
                    <td className="p-2">{formatDay(v.trainedAsOf, locale)}</td>
                    <td className="p-2">{formatDateTime(v.createdAt, locale)}</td>
                    <td className="p-2">
                      {v.pipelineRunId ? (
                        <Link className="text-blue-700 underline" href={`/admin/pipeline/${v.pipelineRunId}`}>
                          {v.pipelineRunId}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="p-2 text-right tabular-nums">{formatNumber(v.auc, locale, 3)}</td>
                    <td className="flex items-center justify-end gap-3 p-2">
                      {view.card?.id !== v.id && (
                        <Link className="text-xs text-blue-700 underline" href={`/admin/models?head=${head}&version=${v.id}`}>
                          {t("models.view")}
                        </Link>
                      )}
                      {!v.active && <ActivateVersionButton versionId={v.id} version={v.version} locale={locale} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {view.card && (
            <div className="space-y-2">
              <h2 className="text-lg font-semibold">{t("models.viewing", { version: view.card.version })}</h2>
              <ModelCard card={view.card} locale={locale} />
            </div>
          )}
        </>
      )}

      {origins && (
        <div className="rounded-lg border bg-white p-4">
          <h2 className="mb-2 font-semibold">{t("models.origins")}</h2>
          <RollingOriginsTable view={origins} locale={locale} />
        </div>
      )}

      <div>
        <h2 className="mb-3 text-lg font-semibold">{t("models.dictionary")}</h2>
        <FeatureDictionaryTable entries={dictionary} modelFeatures={modelFeatures} locale={locale} />
      </div>
    </section>
  );
}
