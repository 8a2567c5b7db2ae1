// Known normal pauses in a dental clinic's buying: August (clinics close), the Christmas period, and the
// weeks after a campaign (campaigns pull demand forward, so the next gap is longer). "A normal pause is
// not churn" is the customer's first complaint about naive systems, so churn rules use this twice:
//   1. while today is inside a pause, no churn-risk alert is raised at all (silence is expected, and
//      nobody would answer the phone anyway);
//   2. after a pause, the days of pause inside the client's silence are discounted before the silence
//      is compared with the client's rhythm: the clock stops during a pause.
import type { AlertSettings } from "./alert-settings";
import { addDays, fromEpochDay, toEpochDay } from "./alert-dates";
import type { IsoDate } from "./types";

export type PauseKind = "AUGUST" | "CHRISTMAS" | "POST_CAMPAIGN";
type PauseSettings = AlertSettings["churnRisk"]["pauses"];

export const PAUSE_LABEL: Record<PauseKind, string> = {
  AUGUST: "de agosto",
  CHRISTMAS: "de Navidad",
  POST_CAMPAIGN: "posteriores a una campaña",
};

interface PauseInterval {
  kind: PauseKind;
  from: number; // epoch day, inclusive
  until: number; // epoch day, inclusive
}

/** The pause intervals of every year touching [fromDay, untilDay], in priority order. */
function pauseIntervals(fromDay: number, untilDay: number, asOf: IsoDate, daysSinceCampaignEnd: number | null, p: PauseSettings): PauseInterval[] {
  const intervals: PauseInterval[] = [];
  const firstYear = Number(fromEpochDay(fromDay).slice(0, 4)) - 1;
  const lastYear = Number(fromEpochDay(untilDay).slice(0, 4));
  const crossesNewYear = p.christmasFrom > p.christmasUntil;
  for (let year = firstYear; year <= lastYear; year++) {
    if (p.august) intervals.push({ kind: "AUGUST", from: toEpochDay(`${year}-08-01`), until: toEpochDay(`${year}-08-31`) });
    intervals.push({
      kind: "CHRISTMAS",
      from: toEpochDay(`${year}-${p.christmasFrom}`),
      until: toEpochDay(`${crossesNewYear ? year + 1 : year}-${p.christmasUntil}`),
    });
  }
  if (daysSinceCampaignEnd !== null && p.postCampaignGraceDays > 0) {
    const campaignEnd = toEpochDay(asOf) - daysSinceCampaignEnd;
    intervals.push({ kind: "POST_CAMPAIGN", from: campaignEnd + 1, until: campaignEnd + p.postCampaignGraceDays });
  }
  return intervals;
}

/** The pause `asOf` falls in, if any. */
export function activePause(asOf: IsoDate, daysSinceCampaignEnd: number | null, p: PauseSettings): PauseKind | null {
  const day = toEpochDay(asOf);
  for (const interval of pauseIntervals(day, day, asOf, daysSinceCampaignEnd, p)) {
    if (day >= interval.from && day <= interval.until) return interval.kind;
  }
  return null;
}

/**
 * Days of normal pause inside the silence (lastPurchase, asOf], by kind; a day in two pauses counts
 * once (under the first kind). The pause a silence *starts* in is counted too: buying on July 30
 * and then nothing in August is normal.
 */
export function pauseDaysInSilence(
  lastPurchase: IsoDate,
  asOf: IsoDate,
  daysSinceCampaignEnd: number | null,
  p: PauseSettings,
): Partial<Record<PauseKind, number>> {
  const from = toEpochDay(addDays(lastPurchase, 1));
  const until = toEpochDay(asOf);
  const counted = new Set<number>();
  const byKind: Partial<Record<PauseKind, number>> = {};
  if (from > until) return byKind;
  for (const interval of pauseIntervals(from, until, asOf, daysSinceCampaignEnd, p)) {
    for (let day = Math.max(from, interval.from); day <= Math.min(until, interval.until); day++) {
      if (counted.has(day)) continue;
      counted.add(day);
      byKind[interval.kind] = (byKind[interval.kind] ?? 0) + 1;
    }
  }
  return byKind;
}
