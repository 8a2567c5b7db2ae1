import { requirePagePermission } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { getTerritoryOverview } from "@/lib/data/get-territory-overview";
import { getTranslator } from "@/lib/i18n/server";

export default async function InboxPage() {
  const actor = await requirePagePermission("inbox.view");
  const [{ t }, provinces] = await Promise.all([getTranslator(), getTerritoryOverview(db(), actor)]);
  const clients = provinces.reduce((sum, p) => sum + p.clients, 0);
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("inbox.title")}</h1>
      <p className="mt-4 text-gray-600">{t("inbox.empty")}</p>
      <dl className="mt-6 grid grid-cols-2 gap-4 sm:max-w-md">
        <div className="rounded-lg border bg-white p-4">
          <dt className="text-sm text-gray-500">{t("inbox.clients")}</dt>
          <dd className="text-2xl font-semibold" data-testid="territory-clients">{clients.toLocaleString("es-ES")}</dd>
        </div>
        <div className="rounded-lg border bg-white p-4">
          <dt className="text-sm text-gray-500">{t("inbox.provinces")}</dt>
          <dd className="text-sm" data-testid="territory-provinces">{provinces.map((p) => p.name).join(", ") || t("common.none")}</dd>
        </div>
      </dl>
    </section>
  );
}
