import "server-only";
// Alerts' dates (contact window, snooze) are calendar days in Spain: "today" is Madrid's date,
// whatever the server's time zone, as an ISO yyyy-mm-dd string.
export function madridToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Madrid", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
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
