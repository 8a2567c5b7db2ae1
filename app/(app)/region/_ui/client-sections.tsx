// The client page's widgets, each awaiting its own data inside its <Suspense>.
import Link from "next/link";
import type { ClientActionRow, ClientAlertRow } from "@/lib/data/region/get-client-alerts";
import type { ClientPurchaseHistory } from "@/lib/data/region/get-client-purchase-history";
import { translator, type Locale, type Translate } from "@/lib/i18n/messages";
import { codeLabel, formatDay, formatEuros, formatInstant } from "./format";
import { PurchaseHistoryChart } from "./purchase-history-chart";

const STATUS_STYLE: Record<ClientAlertRow["status"], string> = {
  OPEN: "bg-blue-50 text-blue-700",
  SNOOZED: "bg-amber-50 text-amber-700",
  ATTENDED: "bg-green-50 text-green-700",
  DISMISSED: "bg-gray-100 text-gray-600",
  EXPIRED: "bg-gray-100 text-gray-500",
};

export async function PurchaseHistorySection({ history, locale }: { history: Promise<ClientPurchaseHistory>; locale: Locale }) {
  const t = translator(locale);
  const data = await history;
  const bought = data.months.some((m) => Object.values(m.byFamily).some((v) => v > 0));
  return (
    <section className="rounded-lg border bg-white p-4">
      <h2 className="mb-3 font-semibold">{t("region.client.history")}</h2>
      {bought ? (
        <PurchaseHistoryChart months={data.months} families={data.families} locale={locale} />
      ) : (
        <p className="text-sm text-gray-500">{t("region.client.history.empty")}</p>
      )}
      {Object.keys(data.lastPurchase).length > 0 && (
        <p className="mt-3 text-xs text-gray-500" data-testid="client-last-purchase">
          {t("region.client.lastPurchase")}:{" "}
          {Object.entries(data.lastPurchase)
            .map(([family, day]) => `${family} ${formatDay(day, locale)}`)
            .join(" · ")}
        </p>
      )}
    </section>
  );
}

export async function ClientAlertsSection({ alerts, locale }: { alerts: Promise<ClientAlertRow[]>; locale: Locale }) {
  const t = translator(locale);
  const rows = await alerts;
  return (
    <section className="rounded-lg border bg-white p-4">
      <h2 className="mb-3 font-semibold">{t("region.client.alerts")}</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-gray-500">{t("region.client.alerts.none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="client-alerts">
            <thead className="border-b text-left text-gray-500">
              <tr>
                <th className="p-2 font-medium">{t("region.col.family")}</th>
                <th className="p-2 font-medium">{t("region.col.motive")}</th>
                <th className="p-2 font-medium">{t("region.col.status")}</th>
                <th className="p-2 font-medium">{t("region.col.priority")}</th>
                <th className="p-2 text-right font-medium">{t("region.col.impact")}</th>
                <th className="p-2 font-medium">{t("region.col.deadline")}</th>
                <th className="p-2 font-medium">{t("region.col.created")}</th>
                <th className="p-2 font-medium">{t("region.col.delegate")}</th>
                <th className="p-2 text-right font-medium">{t("region.col.attributed")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((alert) => (
                <tr key={alert.id} className="border-b last:border-0" data-testid="client-alert-row">
                  <td className="p-2">{alert.familyCode}</td>
                  <td className="p-2">
                    <Link href={`/alerts/${alert.id}`} className="text-blue-700 hover:underline">
                      {codeLabel(t, "motive", alert.motive)}
                    </Link>
                  </td>
                  <td className="p-2">
                    <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[alert.status]}`}>{codeLabel(t, "status", alert.status)}</span>
                  </td>
                  <td className="p-2">{codeLabel(t, "band", alert.priorityBand)}</td>
                  <td className="p-2 text-right tabular-nums">{formatEuros(alert.expectedImpact, locale)}</td>
                  <td className="p-2 whitespace-nowrap">{formatDay(alert.responseDeadline, locale)}</td>
                  <td className="p-2 whitespace-nowrap">{formatInstant(alert.createdAt, locale)}</td>
                  <td className="p-2">{alert.delegateName ?? "—"}</td>
                  <td className="p-2 text-right tabular-nums">{alert.attributedAmount > 0 ? formatEuros(alert.attributedAmount, locale) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function describeAction(payload: Record<string, unknown> | null, t: Translate, locale: Locale): string {
  if (!payload) return "";
  const parts: string[] = [];
  if (typeof payload.channelUsed === "string") parts.push(codeLabel(t, "channel", payload.channelUsed));
  if (typeof payload.result === "string") parts.push(codeLabel(t, "actions.result", payload.result));
  if (typeof payload.amount === "number") parts.push(formatEuros(payload.amount, locale));
  if (typeof payload.reasonCode === "string") parts.push(codeLabel(t, "actions.reason", payload.reasonCode));
  if (typeof payload.until === "string") parts.push(`→ ${formatDay(payload.until, locale)}`);
  if (typeof payload.notes === "string" && payload.notes) parts.push(`“${payload.notes}”`);
  return parts.join(" · ");
}

export async function ClientActionsSection({ actions, locale }: { actions: Promise<ClientActionRow[]>; locale: Locale }) {
  const t = translator(locale);
  const rows = await actions;
  return (
    <section className="rounded-lg border bg-white p-4">
      <h2 className="mb-3 font-semibold">{t("region.client.actions")}</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-gray-500">{t("region.client.actions.none")}</p>
      ) : (
        <ol className="space-y-3 text-sm" data-testid="client-actions">
          {rows.map((action) => (
            <li key={action.id} className="border-l-2 border-blue-200 pl-3" data-testid="client-action" data-type={action.type}>
              <div className="font-medium">
                {codeLabel(t, "event", action.type)} · {action.familyCode} · {codeLabel(t, "motive", action.motive)}
              </div>
              <div className="text-xs text-gray-500">
                {formatInstant(action.at, locale)} · {action.userName ?? t("region.client.system")}
              </div>
              {describeAction(action.payload, t, locale) && <div className="mt-0.5 text-gray-700">{describeAction(action.payload, t, locale)}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
