// Formatting shared by the inbox and the alert page, on the server and in the browser. Each
// Intl formatter is built once per (locale, options) and reused: building one costs far more than
// formatting with it, and a page of 25 alerts formats a hundred values.
import type { Locale } from "@/lib/i18n/messages";

const tag = (locale: Locale) => (locale === "es" ? "es-ES" : "en-GB");

// Keyed by the options object itself (callers pass module-level constants), then by locale tag.
const numberFormats = new Map<Intl.NumberFormatOptions, Map<string, Intl.NumberFormat>>();
const dateFormats = new Map<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

function memo<O, F>(cache: Map<O, Map<string, F>>, options: O, localeTag: string, make: () => F): F {
  let byTag = cache.get(options);
  if (!byTag) {
    byTag = new Map();
    // An options object built per call would grow the cache without bound: past 200, not kept.
    if (cache.size < 200) cache.set(options, byTag);
  }
  let formatter = byTag.get(localeTag);
  if (!formatter) {
    formatter = make();
    byTag.set(localeTag, formatter);
  }
  return formatter;
}

const PLAIN: Intl.NumberFormatOptions = {};
const GROUPED: Intl.NumberFormatOptions = { useGrouping: "always" };

/** Intl.NumberFormat for a locale tag and options, built once (pass a module-level options object). */
export function numberFormat(localeTag: string, options: Intl.NumberFormatOptions = PLAIN): Intl.NumberFormat {
  return memo(numberFormats, options, localeTag, () => new Intl.NumberFormat(localeTag, options));
}

/** Intl.DateTimeFormat for a locale tag and options, built once (pass a module-level options object). */
export function dateFormat(localeTag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return memo(dateFormats, options, localeTag, () => new Intl.DateTimeFormat(localeTag, options));
}

/** A count as Spanish readers group it ("8.057"), whatever the interface language. */
export function formatCount(value: number): string {
  return numberFormat("es-ES").format(value);
}

/** Grouped from four digits, like the engine's reason texts ("1.427 €"). */
export function formatEuros(value: number, locale: Locale): string {
  return `${numberFormat(tag(locale), GROUPED).format(Math.round(value))} €`;
}

export function formatPercent(value: number | null, locale: Locale): string | null {
  return value === null ? null : `${numberFormat(tag(locale)).format(Math.round(value * 100))} %`;
}

const DAY_WITH_YEAR: Intl.DateTimeFormatOptions = { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" };
const DAY_WITHOUT_YEAR: Intl.DateTimeFormatOptions = { timeZone: "UTC", day: "numeric", month: "short" };

// Formatted business dates, by locale and style: a page shows few distinct dates many times (every
// row of an inbox page shares one contact window or two), and formatting one costs a Date and an
// Intl call. Bounded: emptied once it holds a few thousand dates.
const formattedDays = new Map<string, string>();

/** A business date (yyyy-mm-dd, no time zone): "3 mar 2026". */
export function formatDay(iso: string, locale: Locale, withYear = true): string {
  const key = `${locale}${withYear ? "Y" : "-"}${iso}`;
  let text = formattedDays.get(key);
  if (text === undefined) {
    text = dateFormat(tag(locale), withYear ? DAY_WITH_YEAR : DAY_WITHOUT_YEAR).format(new Date(`${iso}T00:00:00Z`));
    if (formattedDays.size >= 4096) formattedDays.clear();
    formattedDays.set(key, text);
  }
  return text;
}

const INSTANT: Intl.DateTimeFormatOptions = { timeZone: "Europe/Madrid", dateStyle: "short", timeStyle: "short" };

/** An instant, shown in Spain's time: "21/11/2026, 18:04". */
export function formatInstant(iso: string, locale: Locale): string {
  return dateFormat(tag(locale), INSTANT).format(new Date(iso));
}

export function formatWindow(from: string, until: string, locale: Locale): string {
  const sameYear = from.slice(0, 4) === until.slice(0, 4);
  return `${formatDay(from, locale, !sameYear)} – ${formatDay(until, locale)}`;
}
