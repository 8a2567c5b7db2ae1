import "server-only";
// Response deadlines are calendar days in Spain: "today" is Madrid's date, whatever the server's
// time zone, as yyyy-mm-dd.
export function todayInSpain(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Madrid", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
