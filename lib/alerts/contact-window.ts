// When to contact, per motive. Timing motives aim at the due date: from leadDays before it (never
// before today) until daysAfterDue after it (or after today when already overdue). Risk motives start
// today and last a fixed number of days: the sooner the better, and after that the alert is stale.
//   REPLENISHMENT  [max(asOf, due − leadDays), max(asOf, due) + daysAfterDue]
//   CAPTURE        same with capture's lead/after days; without a due date [asOf, asOf + windowDays]
//   DETERIORATION  [asOf, asOf + windowDays]   (default 21)
//   CHURN_RISK     [asOf, asOf + windowDays]   (default 14)
//   REACTIVATION   [asOf, asOf + windowDays]   (default 30)
import type { AlertSettings } from "./alert-settings";
import { addDays, maxDate } from "./alert-dates";
import type { MotiveFacts } from "./rules/finding";
import type { ContactWindow, IsoDate } from "./types";

function aroundDue(asOf: IsoDate, daysToDue: number, leadDays: number, daysAfterDue: number): ContactWindow {
  const due = addDays(asOf, daysToDue);
  return { contactFrom: maxDate(asOf, addDays(due, -leadDays)), contactUntil: addDays(maxDate(asOf, due), daysAfterDue) };
}

function fromToday(asOf: IsoDate, windowDays: number): ContactWindow {
  return { contactFrom: asOf, contactUntil: addDays(asOf, windowDays) };
}

export function contactWindow(asOf: IsoDate, facts: MotiveFacts, settings: AlertSettings): ContactWindow {
  switch (facts.motive) {
    case "REPLENISHMENT":
      return aroundDue(asOf, facts.daysToDue, settings.replenishment.leadDays, settings.replenishment.daysAfterDue);
    case "CAPTURE":
      return facts.daysToDue === null
        ? fromToday(asOf, settings.capture.windowDays)
        : aroundDue(asOf, facts.daysToDue, settings.capture.leadDays, settings.capture.daysAfterDue);
    case "DETERIORATION":
      return fromToday(asOf, settings.deterioration.windowDays);
    case "CHURN_RISK":
      return fromToday(asOf, settings.churnRisk.windowDays);
    case "REACTIVATION":
      return fromToday(asOf, settings.reactivation.windowDays);
  }
}
