// Formatting shared by the admin pages (server and browser): dates, durations, numbers.
import type { Locale } from "@/lib/i18n/messages";

const tag = (locale: Locale) => (locale === "es" ? "es-ES" : "en-GB");

/** An instant in Spain's time, e.g. "12/11/2026, 06:00:03". */
export function formatDateTime(iso: string | null, locale: Locale): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString(tag(locale), { timeZone: "Europe/Madrid", dateStyle: "short", timeStyle: "medium" });
}

/** A calendar day (yyyy-mm-dd), e.g. "12/11/2026". */
export function formatDay(day: string | null, locale: Locale): string {
  if (!day) return "—";
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(tag(locale), { timeZone: "UTC" });
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, "0")} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

export function formatNumber(value: number | null | undefined, locale: Locale, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return value.toLocaleString(tag(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
