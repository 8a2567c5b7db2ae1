import type { ClientFamilyContext } from "@/lib/data/inbox/get-alert-detail";
import { translator, type Locale } from "@/lib/i18n/messages";
import { formatDay, formatEuros, formatPercent } from "@/app/(app)/alerts/_ui/format";

export function ClientContextCard({ context, locale }: { context: ClientFamilyContext; locale: Locale }) {
  const t = translator(locale);
  const unknown = t("alert.context.unknown");
  const rows: [string, string][] = [
    [t("alert.context.potential"), context.potential === null ? unknown : formatEuros(context.potential, locale)],
    [t("alert.context.share"), formatPercent(context.shareOfWallet, locale) ?? unknown],
    [t("alert.context.segment"), context.segment ? t(`segment.${context.segment}`) : unknown],
    [
      t("alert.context.lastPurchase"),
      context.lastPurchase
        ? `${formatDay(context.lastPurchase, locale)} (${t("alert.context.daysAgo", { days: context.daysSinceLastPurchase ?? 0 })})`
        : unknown,
    ],
    [t("alert.context.rhythm"), context.usualGapDays ? t("alert.context.rhythmValue", { days: context.usualGapDays }) : unknown],
    [t("alert.context.purchases12m"), formatEuros(context.purchases12m, locale)],
    [t("alert.context.returns12m"), formatEuros(context.returns12m, locale)],
    [t("alert.context.pBuy"), formatPercent(context.pBuy90d, locale) ?? unknown],
    [t("alert.context.pChurn"), formatPercent(context.pChurn90d, locale) ?? unknown],
  ];
  return (
    <section className="rounded-lg border bg-white p-4" data-testid="client-context">
      <h2 className="mb-3 font-semibold">{t("alert.context")}</h2>
      <dl className="space-y-1.5 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-3">
            <dt className="text-gray-500">{label}</dt>
            <dd className="text-right font-medium">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
