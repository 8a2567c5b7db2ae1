// Which labels a snapshot date can have: a horizon is observable only when it ends on or before the
// last sales date. Training on an unobservable horizon would read "no data yet" as "no purchase".
import { addDays, toIsoDate } from "./dates";
import type { HorizonObservability, IsoDate } from "./types";

export function observableHorizons(asOf: IsoDate | Date, lastSalesDate: IsoDate | null): HorizonObservability {
  if (!lastSalesDate) return { h90: false, h180: false, daysToNext: false };
  const d = toIsoDate(asOf);
  return {
    h90: addDays(d, 90) <= lastSalesDate,
    h180: addDays(d, 180) <= lastSalesDate,
    daysToNext: d < lastSalesDate,
  };
}

/** The latest snapshot date whose `horizonDays` label is observable. */
export function lastObservableSnapshot(lastSalesDate: IsoDate, horizonDays: number): IsoDate {
  return addDays(lastSalesDate, -horizonDays);
}
