// Calendar dates as plain "YYYY-MM-DD" strings: the engine never needs a time of day, and strings
// avoid the time-zone shift that pg's Date parsing of DATE columns would introduce.
import type { IsoDate } from "./types";

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export function toIsoDate(value: IsoDate | Date): IsoDate {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error("Invalid date");
    return value.toISOString().slice(0, 10);
  }
  if (!ISO.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new Error(`Expected a date as YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from 1970-01-01: how date columns travel inside the Float32 matrix (exact up to year 45,000). */
export function toEpochDay(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

// Formatting a date costs ~1.5 µs and the scorer formats one per client × family, while a run only
// ever sees a few thousand distinct days: remembered, bounded so that no caller can grow it forever.
const formattedDays = new Map<number, IsoDate>();
const MAX_FORMATTED_DAYS = 100_000;

export function fromEpochDay(day: number): IsoDate {
  let formatted = formattedDays.get(day);
  if (formatted === undefined) {
    formatted = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (formattedDays.size >= MAX_FORMATTED_DAYS) formattedDays.clear();
    formattedDays.set(day, formatted);
  }
  return formatted;
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}
