// Business-date arithmetic on "YYYY-MM-DD" strings through UTC epoch days: a contact window or an
// as-of date has no time zone, so nothing here may depend on the server's.
import type { IsoDate } from "./types";

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  return fromEpochDay(toEpochDay(value)) === value;
}

export function toEpochDay(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + Math.round(days));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** A Date from the database (a DATE column read as UTC midnight) back to its business date. */
export function dateToIso(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** A business date as the Date Prisma writes into a DATE column. */
export function isoToDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}
