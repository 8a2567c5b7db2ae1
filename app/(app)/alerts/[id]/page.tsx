import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { pool } from "@/lib/db/pool";
import { getAlertDetail } from "@/lib/data/inbox/get-alert-detail";
import { addIsoDays, madridToday } from "@/lib/data/inbox/madrid-today";
import { DISMISS_REASONS, SNOOZE_MAX_DAYS } from "@/lib/actions/alerts/alert-commands";
import { getTranslator } from "@/lib/i18n/server";
import { MonthlyPurchasesChart } from "@/app/_components/charts/monthly-purchases-chart";
import { AlertActions } from "./alert-actions";
import { AiPanel } from "./ai-panel";
import { AlertHeader } from "./alert-header";
import { ClientContextCard } from "./client-context-card";
import { EventHistory } from "./event-history";
import { OtherAlerts } from "./other-alerts";
import { ReasonsAndTrace } from "./reasons-and-trace";

/** One alert, for whoever's scope covers its client (delegate, manager of the region, admin); 404 for anyone else. */
export default async function AlertPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("alert.view");
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const today = madridToday();
  const [{ locale, t }, detail] = await Promise.all([getTranslator(), getAlertDetail(pool(), actor, Number(id), today)]);
  if (!detail) notFound();
  const { alert } = detail;

  return (
    <article className="space-y-6" data-testid="alert-detail" data-alert-id={alert.id} data-version={alert.version}>
      {can(actor.role, "inbox.view") && (
        <Link href="/inbox" className="text-sm text-blue-700 hover:underline">
          ← {t("alert.back")}
        </Link>
      )}
      <AlertHeader alert={alert} locale={locale} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section className="rounded-lg border bg-white p-4">
            <h2 className="mb-3 font-semibold">{t("alert.history", { family: alert.familyLabel })}</h2>
            {detail.history.some((month) => month.purchases > 0 || month.returns > 0) ? (
              <MonthlyPurchasesChart
                data={detail.history}
                purchasesLabel={t("alert.history.purchases")}
                returnsLabel={t("alert.history.returns")}
                locale={locale}
              />
            ) : (
              <p className="text-sm text-gray-500">{t("alert.history.empty")}</p>
            )}
          </section>
          <ReasonsAndTrace reasons={detail.reasons} trace={detail.trace} locale={locale} />
          <AiPanel alertId={alert.id} locale={locale} />
        </div>
        <div className="space-y-6">
          {can(actor.role, "alert.act") && (
            <AlertActions
              key={alert.id}
              alert={{
                id: alert.id,
                version: alert.version,
                status: alert.status,
                snoozeElapsed: alert.snoozeElapsed,
                snoozedUntil: alert.snoozedUntil,
                channel: alert.channel,
              }}
              today={today}
              maxSnooze={addIsoDays(today, SNOOZE_MAX_DAYS)}
              dismissReasons={DISMISS_REASONS}
              locale={locale}
            />
          )}
          <ClientContextCard context={detail.context} locale={locale} />
          <OtherAlerts alerts={detail.otherOpenAlerts} locale={locale} />
          <EventHistory events={detail.events} locale={locale} />
        </div>
      </div>
    </article>
  );
}
