import { requirePagePermission } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { getTerritoryOverview } from "@/lib/data/get-territory-overview";
import { getTranslator } from "@/lib/i18n/server";

export default async function RegionPage() {
  const actor = await requirePagePermission("region.view");
  const [{ t }, provinces] = await Promise.all([getTranslator(), getTerritoryOverview(db(), actor)]);
  const regions = [...new Set(provinces.map((p) => p.regionName))];
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("region.title")}</h1>
      <p className="mt-2 text-gray-600" data-testid="region-names">
        {t("region.regions")}: {regions.join(", ") || t("common.none")}
      </p>
      <table className="mt-6 w-full max-w-3xl border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b text-left text-gray-500">
            <th className="p-2">{t("inbox.provinces")}</th>
            <th className="p-2">{t("region.delegates")}</th>
            <th className="p-2 text-right">{t("region.clients")}</th>
          </tr>
        </thead>
        <tbody>
          {provinces.map((province) => (
            <tr key={province.code} className="border-b">
              <td className="p-2">{province.name}</td>
              <td className="p-2">{province.delegateName ?? "—"}</td>
              <td className="p-2 text-right">{province.clients.toLocaleString("es-ES")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
