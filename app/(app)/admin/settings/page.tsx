import { requirePagePermission } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { getAlertSettingsAdmin } from "@/lib/data/admin/alert-setting-fields";
import { getTranslator } from "@/lib/i18n/server";
import { AdminHeader } from "../_ui/admin-header";
import { AlertSettingsForm } from "./alert-settings-form";
import { ChannelRulesEditor } from "./channel-rules-editor";
import { DelegateCapacityRow } from "./delegate-capacity-row";

export default async function SettingsPage() {
  const actor = await requirePagePermission("settings.manage");
  const [{ locale, t }, admin] = await Promise.all([getTranslator(), getAlertSettingsAdmin(db(), actor)]);
  return (
    <section className="space-y-8">
      <AdminHeader title={t("settings.title")} intro={t("settings.intro")} back={t("adminNav.back")} />
      <AlertSettingsForm fields={admin.fields} locale={locale} />
      <div className="rounded-lg border bg-white p-4">
        <h2 className="text-lg font-semibold">{t("settings.capacity.title")}</h2>
        <p className="mb-2 text-sm text-gray-600">{t("settings.capacity.help", { value: admin.globalCapacity })}</p>
        <table className="w-full max-w-xl text-sm" data-testid="capacity-table">
          <thead className="border-b text-left text-gray-500">
            <tr>
              <th className="p-2 font-medium">{t("settings.capacity.col.delegate")}</th>
              <th className="p-2 font-medium">{t("settings.capacity.col.capacity")}</th>
            </tr>
          </thead>
          <tbody>
            {admin.delegates.map((delegate) => (
              <DelegateCapacityRow key={delegate.id} delegate={delegate} globalCapacity={admin.globalCapacity} locale={locale} />
            ))}
          </tbody>
        </table>
      </div>
      <ChannelRulesEditor key={admin.channelRules.map((r) => `${r.id}:${r.position}`).join(",")} rules={admin.channelRules} areDefaults={admin.channelRulesAreDefaults} locale={locale} />
    </section>
  );
}
