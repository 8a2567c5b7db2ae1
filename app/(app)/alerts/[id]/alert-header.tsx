import type { AlertSummary } from "@/lib/data/inbox/get-alert-detail";
import { translator, type Locale } from "@/lib/i18n/messages";
import { PriorityBadge, StatusBadge } from "@/app/(app)/alerts/_ui/badges";
import { formatDay, formatEuros, formatPercent, formatWindow } from "@/app/(app)/alerts/_ui/format";

export function AlertHeader({ alert, locale }: { alert: AlertSummary; locale: Locale }) {
  const t = translator(locale);
  const status = alert.snoozeElapsed ? "OPEN" : alert.status;
  const facts: { label: string; value: string; testId?: string }[] = [
    { label: t("alert.impact"), value: formatEuros(alert.expectedImpact, locale), testId: "alert-impact" },
    { label: t("alert.probability"), value: formatPercent(alert.conversionProbability, locale) ?? "—" },
    { label: t("alert.window"), value: formatWindow(alert.contactFrom, alert.contactUntil, locale) },
    { label: t("alert.deadline"), value: alert.responseDeadline ? formatDay(alert.responseDeadline, locale) : "—" },
    { label: t("alert.channel"), value: t(`channel.${alert.channel}`) },
    { label: t("alert.asOf"), value: formatDay(alert.asOf, locale) },
  ];
  return (
    <header className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t("alert.title", { client: alert.clientExternalId, family: alert.familyLabel })}</h1>
        <span className="rounded bg-blue-50 px-2 py-0.5 text-sm font-medium text-blue-800" data-testid="alert-motive">
          {t(`motive.${alert.motive}`)}
        </span>
        <PriorityBadge band={alert.priorityBand} score={alert.priorityScore} locale={locale} />
        <StatusBadge status={status} locale={locale} />
        {alert.provinceName && <span className="text-sm text-gray-500">{alert.provinceName}</span>}
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label={t("alert.kpis")}>
        {facts.map((fact) => (
          <div key={fact.label} className="rounded-lg border bg-white p-3">
            <dt className="text-xs text-gray-500">{fact.label}</dt>
            <dd className="mt-1 font-semibold" data-testid={fact.testId}>
              {fact.value}
            </dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
