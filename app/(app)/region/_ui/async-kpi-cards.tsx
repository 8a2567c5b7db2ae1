// KPI cards that await their figures inside their own <Suspense>.
import type { KpiSet } from "@/lib/data/region/region-types";
import type { Locale } from "@/lib/i18n/messages";
import { KpiCards } from "./kpi-cards";

export async function AsyncKpiCards({ kpis, locale }: { kpis: Promise<KpiSet>; locale: Locale }) {
  return <KpiCards kpis={await kpis} locale={locale} />;
}
