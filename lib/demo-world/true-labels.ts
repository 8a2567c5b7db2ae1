// Turns the ground truth into the labels a model is scored on, as of a given date: is the client
// already gone, deteriorating, about to churn within the horizon (the "churned by D+90" target),
// merely pausing (a silence that is not churn), or not a client yet.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { FamilyCode } from "@/lib/import/parse/types";
import { TRUTH_FILES } from "./write-truth";

export interface TruthFamilyRow {
  clientId: string;
  family: FamilyCode;
  segment: string;
  shareOfWallet: number;
  ordersPerYear: number;
  meanGapDays: number;
  firstOrder: string;
  churnDate: string | null;
  churnCause: "client" | "family" | null;
  deteriorationStart: string | null;
}

export interface TruthPauseRow {
  clientId: string;
  start: string;
  end: string;
  reason: string;
}

export type TrueState = "not_yet_client" | "active" | "deteriorating" | "churned";

export interface TrueLabel {
  clientId: string;
  family: FamilyCode;
  segment: string;
  state: TrueState;
  /** Churns after the date and no later than date + horizon. */
  churnsWithinHorizon: boolean;
  /** Days from the date to the churn, when the churn is after the date. */
  daysToChurn: number | null;
  /** Inside one of the client's pauses on that date (August, Christmas, a closure). */
  paused: boolean;
}

async function readCsv(file: string): Promise<Record<string, string>[]> {
  return parse(await readFile(file, "utf8"), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

const orNull = (value: string | undefined) => (value ? value : null);

export async function readTruthFamilies(truthDir: string): Promise<TruthFamilyRow[]> {
  return (await readCsv(path.join(truthDir, TRUTH_FILES.families))).map((r) => ({
    clientId: r.client_id,
    family: r.family as FamilyCode,
    segment: r.segment,
    shareOfWallet: Number(r.share_of_wallet),
    ordersPerYear: Number(r.orders_per_year),
    meanGapDays: Number(r.mean_gap_days),
    firstOrder: r.first_order,
    churnDate: orNull(r.churn_date),
    churnCause: orNull(r.churn_cause) as TruthFamilyRow["churnCause"],
    deteriorationStart: orNull(r.deterioration_start),
  }));
}

export async function readTruthPauses(truthDir: string): Promise<TruthPauseRow[]> {
  return (await readCsv(path.join(truthDir, TRUTH_FILES.pauses))).map((r) => ({ clientId: r.client_id, start: r.start, end: r.end, reason: r.reason }));
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Labels per client × family as of `asOf` (ISO date), churn horizon in days (90 by default). */
export function deriveTrueLabels(families: TruthFamilyRow[], asOf: string, options: { horizonDays?: number; pauses?: TruthPauseRow[] } = {}): TrueLabel[] {
  const horizonEnd = addDays(asOf, options.horizonDays ?? 90);
  const pausedClients = new Set((options.pauses ?? []).filter((p) => p.start <= asOf && asOf <= p.end).map((p) => p.clientId));
  return families.map((row) => {
    const { churnDate, deteriorationStart } = row;
    let state: TrueState = "active";
    if (row.firstOrder > asOf) state = "not_yet_client";
    else if (churnDate !== null && churnDate <= asOf) state = "churned";
    else if (deteriorationStart !== null && deteriorationStart <= asOf) state = "deteriorating";
    const churnAhead = churnDate !== null && churnDate > asOf;
    return {
      clientId: row.clientId,
      family: row.family,
      segment: row.segment,
      state,
      churnsWithinHorizon: churnAhead && churnDate! <= horizonEnd,
      daysToChurn: churnAhead ? daysBetween(asOf, churnDate!) : null,
      paused: pausedClients.has(row.clientId),
    };
  });
}
