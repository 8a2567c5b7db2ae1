// The ground truth behind the generated files, for scoring models: one row per client, one per
// client × family it buys, one per pause. Dates are ISO; an empty cell means "none". Churn dates can
// lie after the generated period on purpose: they are what "churned within 90 days" is scored on.
import path from "node:path";
import { START_DAY, type World } from "./build-clients";
import { isoFromDay, partsOfDay, type Day } from "./calendar";
import { pauseWindowsOfYear } from "./pauses";
import { writeLines } from "./text-file-writer";

export const TRUTH_FILES = {
  clients: "truth-clients.csv",
  families: "truth-client-families.csv",
  pauses: "truth-pauses.csv",
} as const;

const date = (day: Day | null) => (day === null ? "" : isoFromDay(day));
const round = (value: number, digits: number) => String(Math.round(value * 10 ** digits) / 10 ** digits);

export const TRUTH_FAMILY_COLUMNS = [
  "client_id",
  "family",
  "segment",
  "share_of_wallet",
  "orders_per_year",
  "mean_gap_days",
  "regularity",
  "campaign_sensitivity",
  "first_order",
  "churn_date",
  "churn_cause",
  "deterioration_start",
  "portfolio",
] as const;

export async function writeTruth(world: World, dir: string, until: Day): Promise<void> {
  const clients = world.clients.filter((c) => c.joined <= until);
  await writeLines(path.join(dir, TRUTH_FILES.clients), [
    "client_id,registered,buyer,is_new,joined,province_code,postal_code,chairs,discount,churn_date,need_c1,need_c2,need_t1,potential_c1,potential_c2,potential_t1",
    ...clients.map((c) =>
      [
        c.id,
        c.registered,
        c.buyer,
        c.isNew,
        date(c.joined),
        c.province ?? "",
        c.postalCode,
        c.chairs,
        round(c.discount, 4),
        date(c.churn),
        round(c.needs.C1, 2),
        round(c.needs.C2, 2),
        round(c.needs.T1, 2),
        round(c.reportedPotential.C1, 2),
        round(c.reportedPotential.C2, 2),
        round(c.reportedPotential.T1, 2),
      ].join(","),
    ),
  ]);
  await writeLines(path.join(dir, TRUTH_FILES.families), [
    TRUTH_FAMILY_COLUMNS.join(","),
    ...clients.flatMap((c) =>
      c.families.map((f) =>
        [
          c.id,
          f.family,
          f.segment,
          round(f.shareOfWallet, 4),
          round(f.ordersPerYear, 3),
          round(365 / f.ordersPerYear, 1),
          round(f.regularity, 3),
          round(f.campaignSensitivity, 3),
          date(f.firstOrder),
          date(f.churn),
          f.churnCause ?? "",
          date(f.deteriorationStart),
          f.portfolio.map((s) => s.id).join("|"),
        ].join(","),
      ),
    ),
  ]);
  const lastYear = partsOfDay(until).year;
  // From the Christmas that runs into the world's first January.
  const firstYear = partsOfDay(START_DAY).year - 1;
  const pauseLines = ["client_id,start,end,reason"];
  for (const c of clients) {
    if (!c.buyer) continue;
    for (let year = firstYear; year <= lastYear; year++) {
      for (const p of pauseWindowsOfYear(c, year)) pauseLines.push(`${c.id},${date(p.start)},${date(p.end)},${p.reason}`);
    }
  }
  await writeLines(path.join(dir, TRUTH_FILES.pauses), pauseLines);
}
