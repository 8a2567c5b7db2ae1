// Formatting of the managers' area, on the server and in the browser.
import type { KpiKey } from "@/lib/data/region/region-types";
import { MESSAGES, type Locale, type MessageKey, type Translate } from "@/lib/i18n/messages";

const tag = (locale: Locale) => (locale === "es" ? "es-ES" : "en-GB");

// Intl formatters are costly to build (toLocaleString(locale, options) builds one per call, which
// showed up in the server's CPU profile under load): one per locale and style, built once.
function memo<T>(build: (locale: Locale) => T): (locale: Locale) => T {
  const made = new Map<Locale, T>();
  return (locale) => {
    let value = made.get(locale);
    if (!value) made.set(locale, (value = build(locale)));
    return value;
  };
}
const integer = memo((l) => new Intl.NumberFormat(tag(l), { maximumFractionDigits: 0 }));
const oneDecimal = memo((l) => new Intl.NumberFormat(tag(l), { maximumFractionDigits: 1 }));
const signedOneDecimal = memo((l) => new Intl.NumberFormat(tag(l), { maximumFractionDigits: 1, signDisplay: "always" }));
const day = memo((l) => new Intl.DateTimeFormat(tag(l), { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }));
const instant = memo((l) => new Intl.DateTimeFormat(tag(l), { timeZone: "Europe/Madrid", dateStyle: "short", timeStyle: "short" }));

export function formatInt(value: number, locale: Locale): string {
  return integer(locale).format(Math.round(value));
}

export function formatEuros(value: number, locale: Locale): string {
  return `${integer(locale).format(Math.round(value))} €`;
}

/** 0.4167 → "41,7 %". */
export function formatPercent(value: number | null, locale: Locale): string {
  return value === null ? "—" : `${oneDecimal(locale).format(value * 100)} %`;
}

/** A difference of rates in percentage points: "+12,5 pp". */
export function formatPoints(value: number | null, locale: Locale): string {
  return value === null ? "—" : `${signedOneDecimal(locale).format(value * 100)} pp`;
}

/** Hours under two days as hours ("7,5 h"), longer as days ("3,2 días"). */
export function formatHours(value: number | null, locale: Locale, t: Translate): string {
  if (value === null) return "—";
  if (value < 48) return t("region.unit.hours", { n: oneDecimal(locale).format(value) });
  return t("region.unit.days", { n: oneDecimal(locale).format(value / 24) });
}

/** A business date (yyyy-mm-dd): "3 mar 2026". */
export function formatDay(iso: string | null, locale: Locale): string {
  return iso ? day(locale).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : "—";
}

/** An instant in Spain's time: "21/11/2026, 18:04". */
export function formatInstant(iso: string, locale: Locale): string {
  return instant(locale).format(new Date(iso));
}

const weekDay = memo((l) => new Intl.DateTimeFormat(tag(l), { timeZone: "UTC", day: "numeric", month: "short" }));
const monthYear = memo((l) => new Intl.DateTimeFormat(tag(l), { timeZone: "UTC", month: "short", year: "2-digit" }));

/** A week's Monday (yyyy-mm-dd) on a chart axis: "9 mar". */
export function formatWeek(iso: string, locale: Locale): string {
  return weekDay(locale).format(new Date(`${iso}T00:00:00Z`));
}

/** A month (yyyy-mm) on a chart axis: "mar 26". */
export function formatMonth(month: string, locale: Locale): string {
  return monthYear(locale).format(new Date(`${month}-01T00:00:00Z`));
}

export function numberFormatter(locale: Locale, suffix = ""): (value: number) => string {
  return (value) => `${integer(locale).format(value)}${suffix}`;
}

export function formatKpi(key: KpiKey, value: number | null, locale: Locale, t: Translate): string {
  if (value === null) return "—";
  switch (key) {
    case "openAlerts":
    case "overdueAlerts":
      return formatInt(value, locale);
    case "eurosAtRisk":
    case "eurosOpportunity":
      return formatEuros(value, locale);
    case "attendRate":
    case "conversionAttended":
      return formatPercent(value, locale);
    case "medianResponseHours":
      return formatHours(value, locale, t);
  }
}

/** A code's label (motive, status, band, event…) when the dictionaries have one, the code otherwise. */
export function codeLabel(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return key in MESSAGES.es ? t(key as MessageKey) : code;
}
