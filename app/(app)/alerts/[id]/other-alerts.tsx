import Link from "next/link";
import type { OtherOpenAlert } from "@/lib/data/inbox/get-alert-detail";
import { translator, type Locale } from "@/lib/i18n/messages";
import { PriorityBadge } from "@/app/(app)/alerts/_ui/badges";
import { formatEuros } from "@/app/(app)/alerts/_ui/format";

export function OtherAlerts({ alerts, locale }: { alerts: OtherOpenAlert[]; locale: Locale }) {
  const t = translator(locale);
  return (
    <section className="rounded-lg border bg-white p-4" data-testid="other-alerts">
      <h2 className="mb-3 font-semibold">{t("alert.otherAlerts")}</h2>
      {alerts.length === 0 ? (
        <p className="text-sm text-gray-500">{t("alert.otherAlerts.none")}</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {alerts.map((other) => (
            <li key={other.id} className="flex items-center justify-between gap-2">
              <Link href={`/alerts/${other.id}`} className="text-blue-700 hover:underline">
                {other.familyCode} · {t(`motive.${other.motive}`)}
              </Link>
              <span className="flex items-center gap-2">
                <span className="tabular-nums text-gray-600">{formatEuros(other.expectedImpact, locale)}</span>
                <PriorityBadge band={other.priorityBand} locale={locale} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
