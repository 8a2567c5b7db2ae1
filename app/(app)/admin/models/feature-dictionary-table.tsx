import type { FeatureDictionaryEntry } from "@/lib/features/feature-dictionary";
import { translator, type Locale } from "@/lib/i18n/messages";

export function FeatureDictionaryTable({ entries, modelFeatures, locale }: { entries: FeatureDictionaryEntry[]; modelFeatures: ReadonlySet<string>; locale: Locale }) {
  const t = translator(locale);
  return (
    <div className="overflow-x-auto rounded-lg border bg-white">
      <table className="w-full text-sm" data-testid="feature-dictionary">
        <thead className="border-b bg-gray-50 text-left text-gray-500">
          <tr>
            <th className="p-2 font-medium">{t("models.dict.name")}</th>
            <th className="p-2 font-medium">{t("models.dict.meaning")}</th>
            <th className="p-2 font-medium">{t("models.dict.formula")}</th>
            <th className="p-2 font-medium">{t("models.dict.unit")}</th>
            <th className="p-2 font-medium">{t("models.dict.inModel")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.name} className="border-b align-top last:border-0">
              <td className="p-2 font-mono text-xs">{entry.name}</td>
              <td className="p-2">{locale === "es" ? entry.es : entry.en}</td>
              <td className="p-2 font-mono text-xs text-gray-600">{entry.formula}</td>
              <td className="p-2 text-gray-600">{entry.unit}</td>
              <td className="p-2">{modelFeatures.has(entry.name) ? t("adminCommon.yes") : t("adminCommon.no")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
