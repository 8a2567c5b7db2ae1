import { requirePagePermission } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { getTerritoryAdmin } from "@/lib/data/admin/get-territories";
import { getTranslator } from "@/lib/i18n/server";
import { AdminHeader } from "../_ui/admin-header";
import { DelegateManagerRow } from "./delegate-manager-row";
import { ManagerRegionsForm } from "./manager-regions-form";
import { ProvinceRow } from "./province-row";

export default async function TerritoriesPage() {
  const actor = await requirePagePermission("users.manage");
  const [{ locale, t }, territory] = await Promise.all([getTranslator(), getTerritoryAdmin(db(), actor)]);
  const delegateOptions = territory.delegates
    .filter((d) => d.active)
    .map((d) => ({ id: d.id, label: d.name }));
  const managers = territory.managers.filter((m) => m.active).map((m) => ({ id: m.userId, name: m.name }));
  return (
    <section className="space-y-8">
      <AdminHeader title={t("territories.title")} intro={t("territories.intro")} back={t("adminNav.back")} />

      <div>
        <h2 className="mb-3 text-lg font-semibold">{t("territories.provinces")}</h2>
        <div className="overflow-x-auto rounded-lg border bg-white">
          <table className="w-full text-sm" data-testid="provinces-table">
            <thead className="border-b bg-gray-50 text-left text-gray-500">
              <tr>
                <th className="p-2 font-medium">{t("territories.col.province")}</th>
                <th className="p-2 font-medium">{t("territories.col.region")}</th>
                <th className="p-2 font-medium">{t("territories.col.delegate")}</th>
                <th className="p-2 text-right font-medium">{t("territories.col.clients")}</th>
                <th className="p-2 text-right font-medium">{t("territories.col.openAlerts")}</th>
              </tr>
            </thead>
            <tbody>
              {territory.provinces.map((province) => (
                <ProvinceRow key={province.code} province={province} delegates={delegateOptions} locale={locale} />
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <div>
        <h2 className="mb-3 text-lg font-semibold">{t("territories.delegates")}</h2>
        <div className="overflow-x-auto rounded-lg border bg-white">
          <table className="w-full text-sm" data-testid="delegates-table">
            <thead className="border-b bg-gray-50 text-left text-gray-500">
              <tr>
                <th className="p-2 font-medium">{t("territories.col.delegate")}</th>
                <th className="p-2 font-medium">{t("territories.col.manager")}</th>
                <th className="p-2 font-medium">{t("territories.col.provinces")}</th>
                <th className="p-2 text-right font-medium">{t("territories.col.openAlerts")}</th>
              </tr>
            </thead>
            <tbody>
              {territory.delegates.map((delegate) => (
                <DelegateManagerRow key={delegate.id} delegate={delegate} managers={managers} locale={locale} />
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <div>
        <h2 className="mb-3 text-lg font-semibold">{t("territories.managers")}</h2>
        <div className="grid gap-4 lg:grid-cols-2">
          {territory.managers.map((manager) => (
            <ManagerRegionsForm key={manager.userId} manager={manager} regions={territory.regions} locale={locale} />
          ))}
        </div>
      </div>
    </section>
  );
}
