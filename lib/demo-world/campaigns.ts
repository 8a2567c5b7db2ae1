// The demo world's promotion windows: short (1–12 days), mostly around late November, with a few in
// spring and early autumn, 2021-11 → 2025-11 like the customer's, on invented dates.
import { dayFromIso, type Day } from "./calendar";

export interface Campaign {
  name: string;
  start: Day;
  end: Day;
}

const WINDOWS: ReadonlyArray<[string, string, string]> = [
  ["2021_1", "2021-11-22", "2021-11-26"],
  ["2022_1", "2022-03-21", "2022-03-31"],
  ["2022_2", "2022-11-21", "2022-11-25"],
  ["2023_1", "2023-05-15", "2023-05-19"],
  ["2023_2", "2023-11-27", "2023-11-29"],
  ["2024_1", "2024-03-11", "2024-03-22"],
  ["2024_2", "2024-06-10", "2024-06-13"],
  ["2024_3", "2024-09-16", "2024-09-20"],
  ["2024_4", "2024-11-25", "2024-11-28"],
  ["2025_1", "2025-11-24", "2025-11-27"],
];

export const CAMPAIGNS: readonly Campaign[] = WINDOWS.map(([name, start, end]) => ({ name, start: dayFromIso(start), end: dayFromIso(end) }));
