// A SHAP contribution turned into a sentence a sales rep understands, using the client's own
// values ("Lleva 47 días sin comprar Familia C1; su ritmo habitual es cada 21 días").
import { featureDictionary } from "@/lib/features";

export interface Reason {
  feature: string;
  /** SHAP value (log-odds): > 0 pushes the head's probability up. */
  contribution: number;
  text: string;
}

const meaning = new Map(featureDictionary().map((entry) => [entry.name, entry.es]));
// Formatters built once: toLocaleString builds one per call, which cost seconds over 150k scored rows.
const WHOLE = new Intl.NumberFormat("es-ES");
const TWO_DECIMALS = new Intl.NumberFormat("es-ES", { maximumFractionDigits: 2 });
const int = (v: number) => WHOLE.format(Math.round(v));
const euros = (v: number) => `${WHOLE.format(Math.round(v))} €`;
const pct = (v: number) => `${WHOLE.format(Math.round(v * 100))} %`;
const known = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);

type Values = Record<string, number>;
type Template = (v: Values, family: string) => string | null;

const windowed = (kind: "days" | "value"): Template => (v, family) => {
  for (const w of [90, 180, 365, 730]) {
    const x = v[`purchase_${kind}_${w}`];
    if (known(x)) {
      return kind === "days"
        ? `${int(x)} días con compra de ${family} en los últimos ${w} días.`
        : `Compras de ${family} por ${euros(x)} en los últimos ${w} días.`;
    }
  }
  return null;
};

const trend = (feature: string, label: string): Template => (v) => {
  const r = v[feature];
  if (!known(r)) return null;
  if (Math.abs(r - 1) < 0.05) return `${label} estable.`;
  return r < 1 ? `${label} ${pct(1 - r)} por debajo del periodo anterior.` : `${label} ${pct(r - 1)} por encima del periodo anterior.`;
};

const TEMPLATES: Record<string, Template> = {
  recency_days: (v, family) => {
    if (!known(v.recency_days)) return null;
    const gap = v.gap_median_days;
    return known(gap)
      ? `Lleva ${int(v.recency_days)} días sin comprar ${family}; su ritmo habitual es cada ${int(gap)} días.`
      : `Lleva ${int(v.recency_days)} días sin comprar ${family}.`;
  },
  overdue_days: (v) => {
    if (!known(v.overdue_days)) return null;
    return v.overdue_days > 0
      ? `Va ${int(v.overdue_days)} días tarde respecto a su ritmo habitual de compra.`
      : `Según su ritmo habitual, le tocaría comprar dentro de ${int(-v.overdue_days)} días.`;
  },
  overdue_ratio: (v) => (known(v.overdue_ratio) ? `Han pasado ${v.overdue_ratio.toFixed(1).replace(".", ",")} veces su intervalo habitual entre compras.` : null),
  gap_median_days: (v, family) => (known(v.gap_median_days) ? `Compra ${family} cada ${int(v.gap_median_days)} días de mediana.` : null),
  gap_cv: (v) => (known(v.gap_cv) ? (v.gap_cv < 0.5 ? "Compra con un ritmo muy regular." : "Compra con un ritmo irregular.") : null),
  trend_value_90: trend("trend_value_90", "Compras de los últimos 90 días"),
  trend_days_90: trend("trend_days_90", "Frecuencia de compra de los últimos 90 días"),
  trend_value_365: trend("trend_value_365", "Compras del último año"),
  trend_days_365: trend("trend_days_365", "Frecuencia de compra del último año"),
  share_of_wallet_365: (v) => (known(v.share_of_wallet_365) ? `Nos compra el ${pct(v.share_of_wallet_365)} de su potencial anual.` : null),
  potential_amount: (v) => (known(v.potential_amount) ? `Potencial anual de compra: ${euros(v.potential_amount)}.` : null),
  potential_unreliable: (v) => (v.potential_unreliable === 1 ? "El potencial declarado no es fiable (falta, es cero o es menor que lo que ya compra)." : null),
  returns_365: (v) => (known(v.returns_365) && v.returns_365 > 0 ? `${int(v.returns_365)} devoluciones en el último año.` : "Sin devoluciones en el último año."),
  replacements_365: (v) => (known(v.replacements_365) && v.replacements_365 > 0 ? `${int(v.replacements_365)} reposiciones sin cargo en el último año.` : null),
  campaign_day_share_730: (v) => (known(v.campaign_day_share_730) ? `El ${pct(v.campaign_day_share_730)} de sus días de compra caen en campañas.` : null),
  days_since_campaign_end: (v) => (known(v.days_since_campaign_end) ? `Hace ${int(v.days_since_campaign_end)} días que terminó la última campaña.` : null),
  campaign_active: (v) => (v.campaign_active === 1 ? "Hay una campaña en curso." : null),
  same_season_ly_value: (v) => (known(v.same_season_ly_value) ? `Hace un año, en estas fechas, compró ${euros(v.same_season_ly_value)}.` : null),
  same_season_ly_days: (v) => (known(v.same_season_ly_days) ? `Hace un año, en estas fechas, compró ${int(v.same_season_ly_days)} días.` : null),
  other_families_365: (v) => (known(v.other_families_365) ? `Compra otras ${int(v.other_families_365)} familias de productos.` : null),
  tenure_days: (v) => (known(v.tenure_days) ? `Cliente desde hace ${(v.tenure_days / 365).toFixed(1).replace(".", ",")} años.` : null),
  order_value_mean_365: (v) => (known(v.order_value_mean_365) ? `Pedido medio de ${euros(v.order_value_mean_365)} en el último año.` : null),
  last_order_value: (v) => (known(v.last_order_value) ? `Su último pedido fue de ${euros(v.last_order_value)}.` : null),
};

function templateFor(feature: string): Template | undefined {
  if (TEMPLATES[feature]) return TEMPLATES[feature];
  if (feature.startsWith("purchase_days_")) return windowed("days");
  if (feature.startsWith("purchase_value_")) return windowed("value");
  return undefined;
}

function fallback(feature: string, value: number | undefined): string {
  const label = meaning.get(feature) ?? feature;
  return known(value) ? `${label}: ${TWO_DECIMALS.format(value)}.` : `${label}: sin dato.`;
}

export function phraseReason(feature: string, contribution: number, values: Values, familyLabel: string): Reason {
  const text = templateFor(feature)?.(feature.startsWith("purchase_") ? { [feature]: values[feature]! } : values, familyLabel);
  return { feature, contribution, text: text ?? fallback(feature, values[feature]) };
}
