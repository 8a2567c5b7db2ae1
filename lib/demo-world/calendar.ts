// Days as integers (days since 1970-01-01, UTC) make the simulation fast and free of time zones.
// Invoices are only issued on working days: no weekends, no Spanish national holidays.

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayFromIso(iso: string): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Invalid ISO date "${iso}"`);
  const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
  if (isoFromDay(day) !== iso) throw new Error(`Invalid calendar date "${iso}"`);
  return day;
}

export function dayFromParts(year: number, month: number, dayOfMonth: number): Day {
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY;
}

/** Civil date of a day number, without allocating a Date (Howard Hinnant's days-to-civil algorithm). */
export function partsOfDay(day: Day): { year: number; month: number; day: number; weekday: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day: d, weekday: (((day + 4) % 7) + 7) % 7 };
}

export function isoFromDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The customer's export writes dates as M/D/YYYY. */
export function usDateFromDay(day: Day): string {
  const { year, month, day: d } = partsOfDay(day);
  return `${month}/${d}/${year}`;
}

// National holidays with a fixed date (regional ones vary by community and are left out), plus
// Christmas Eve and New Year's Eve, when the company does not invoice.
const FIXED_CLOSED_DAYS = new Set([101, 106, 501, 815, 1012, 1101, 1206, 1208, 1224, 1225, 1231]); // month * 100 + day

export function isWorkingDay(day: Day): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  if (weekday === 0 || weekday === 6) return false;
  const { month, day: d } = partsOfDay(day);
  return !FIXED_CLOSED_DAYS.has(month * 100 + d);
}

/** The first working day on or after `day`. */
export function nextWorkingDay(day: Day): Day {
  let d = day;
  while (!isWorkingDay(d)) d++;
  return d;
}

export function monthKey(day: Day): string {
  const { year, month } = partsOfDay(day);
  return `${year}-${String(month).padStart(2, "0")}`;
}

/**
 * Working days of a period, indexed, so the simulation can step "n working days ahead": gaps between
 * orders are drawn in working days, which keeps orders spread evenly over the week.
 */
export class WorkingCalendar {
  private readonly days: Day[] = [];
  /** For each calendar day of the period, the index of the first working day on or after it. */
  private readonly indexFrom: Int32Array;

  constructor(
    private readonly first: Day,
    private readonly last: Day,
  ) {
    this.indexFrom = new Int32Array(last - first + 1);
    for (let day = first; day <= last; day++) if (isWorkingDay(day)) this.days.push(day);
    let k = 0;
    for (let day = first; day <= last; day++) {
      while (k < this.days.length && this.days[k] < day) k++;
      this.indexFrom[day - first] = k;
    }
  }

  /** The working day `count` working days after `day` (beyond the period: calendar days at 7/5). */
  addWorkingDays(day: Day, count: number): Day {
    if (day < this.first || day > this.last) return day + Math.round((count * 7) / 5);
    const base = this.indexFrom[day - this.first] + (isWorkingDay(day) ? 0 : -1);
    const target = base + count;
    if (target < this.days.length) return this.days[Math.max(0, target)];
    return this.last + Math.round(((target - this.days.length + 1) * 7) / 5);
  }
}

/** Share of calendar days that are working days (≈ 250 / 365), to turn calendar gaps into working ones. */
export const WORKING_DAY_SHARE = 250 / 365;
