import { requirePagePermission } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { getImportHistory } from "@/lib/data/get-import-batch";
import { getTranslator } from "@/lib/i18n/server";
import { ImportUploader } from "./import-uploader";
import { ImportTable } from "./import-table";

export default async function ImportsPage() {
  const actor = await requirePagePermission("data.import");
  const [{ locale, t }, history] = await Promise.all([getTranslator(), getImportHistory(db(), actor)]);
  return (
    <section className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("imports.title")}</h1>
        <p className="mt-2 max-w-3xl text-sm text-gray-600">{t("imports.intro")}</p>
      </div>
      <ImportUploader locale={locale} />
      <div>
        <h2 className="mb-3 text-lg font-semibold">{t("imports.history")}</h2>
        <ImportTable locale={locale} imports={history} />
      </div>
    </section>
  );
}
