// Silences that are not churn: most clinics close a few weeks in August and over Christmas, and now
// and then one closes for a few weeks (works, illness). Drawn per client and year from the client's
// own stream, so they are the same whichever part of the history is generated.
import { PAUSES } from "./calibration";
import { dayFromParts, partsOfDay, type Day } from "./calendar";
import { deriveSeed, Random } from "./random";
import type { DemoClient, PauseWindow } from "./world-types";

const PAUSE_STREAM = 7;

export function pauseWindowsOfYear(client: Pick<DemoClient, "seed">, year: number): PauseWindow[] {
  const random = new Random(deriveSeed(client.seed, PAUSE_STREAM, year));
  // Every draw is made whatever the outcomes, so one kind of pause never shifts another.
  const august = random.chance(PAUSES.august);
  const augustStart = dayFromParts(year, 8, random.int(1, 10));
  const augustLength = random.int(14, 28);
  const christmas = random.chance(PAUSES.christmas);
  const christmasStart = dayFromParts(year, 12, random.int(20, 23));
  const christmasEnd = dayFromParts(year + 1, 1, random.int(2, 8));
  const closure = random.chance(PAUSES.closure);
  const closureStart = dayFromParts(year, 1, 1) + random.int(0, 364);
  const closureLength = random.int(14, 42);
  const windows: PauseWindow[] = [];
  if (closure) windows.push({ start: closureStart, end: closureStart + closureLength - 1, reason: "closure" });
  if (august) windows.push({ start: augustStart, end: augustStart + augustLength - 1, reason: "august" });
  if (christmas) windows.push({ start: christmasStart, end: christmasEnd, reason: "christmas" });
  return windows.sort((a, b) => a.start - b.start);
}

/** The pause containing `day`, looking at this year's windows and last year's Christmas. */
export function pauseContaining(client: Pick<DemoClient, "seed">, day: Day): PauseWindow | undefined {
  const { year } = partsOfDay(day);
  for (const y of [year - 1, year]) {
    for (const window of pauseWindowsOfYear(client, y)) if (day >= window.start && day <= window.end) return window;
  }
  return undefined;
}
