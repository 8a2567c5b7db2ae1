// The weekly trend widget: awaits its own data inside its <Suspense>.
import type { WeekPoint } from "@/lib/data/region/region-types";
import { translator, type Locale } from "@/lib/i18n/messages";
import { TrendChart } from "./trend-chart";

export async function TrendPanel({ points, locale }: { points: Promise<WeekPoint[]>; locale: Locale }) {
  const t = translator(locale);
  const data = await points;
  return (
    <section className="rounded-lg border bg-white p-4">
      <h2 className="font-semibold">{t("region.trend.title")}</h2>
      <p className="mb-3 text-xs text-gray-500">{t("region.trend.subtitle")}</p>
      <TrendChart
        points={data}
        locale={locale}
        labels={{ created: t("region.trend.created"), attended: t("region.trend.attended"), converted: t("region.trend.converted") }}
      />
    </section>
  );
}
