// Formatting shared by the inbox and the alert page, on the server and in the browser.
import type { Locale } from "@/lib/i18n/messages";

const tag = (locale: Locale) => (locale === "es" ? "es-ES" : "en-GB");

/** Grouped from four digits, like the engine's reason texts ("1.427 €"). */
export function formatEuros(value: number, locale: Locale): string {
  return `${Math.round(value).toLocaleString(tag(locale), { useGrouping: "always" })} €`;
}

export function formatPercent(value: number | null, locale: Locale): string | null {
  return value === null ? null : `${Math.round(value * 100).toLocaleString(tag(locale))} %`;
}

/** A business date (yyyy-mm-dd, no time zone): "3 mar 2026". */
export function formatDay(iso: string, locale: Locale, withYear = true): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(tag(locale), {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    ...(withYear ? { year: "numeric" } : {}),
  });
}

/** An instant, shown in Spain's time: "21/11/2026, 18:04". */
export function formatInstant(iso: string, locale: Locale): string {
  return new Date(iso).toLocaleString(tag(locale), { timeZone: "Europe/Madrid", dateStyle: "short", timeStyle: "short" });
}

export function formatWindow(from: string, until: string, locale: Locale): string {
  const sameYear = from.slice(0, 4) === until.slice(0, 4);
  return `${formatDay(from, locale, !sameYear)} – ${formatDay(until, locale)}`;
}
