import "server-only";
import { env } from "@/lib/env";

// Alerts' dates (contact window, snooze, response deadline) are calendar days in Spain: "today" is
// Madrid's date, whatever the server's time zone, as an ISO yyyy-mm-dd string — unless the product
// runs on a world with its own date (SIGNALS_TODAY: the demo's history ends on 2025-12-12, and its
// alerts must not all look overdue against the real calendar).
const MADRID_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Madrid", year: "numeric", month: "2-digit", day: "2-digit" });

export function madridToday(now?: Date): string {
  if (now === undefined) {
    const fixed = env().SIGNALS_TODAY;
    if (fixed) return fixed;
  }
  return MADRID_DATE.format(now ?? new Date());
}

/** yyyy-mm-dd plus `days` calendar days. */
export function addIsoDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A @db.Date value (UTC midnight) as yyyy-mm-dd. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
