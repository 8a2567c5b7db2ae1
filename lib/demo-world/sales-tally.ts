// Counts what the generator writes to Ventas, for the command's summary and for the tests: lines by
// kind and family, distinct buying clients per family, months covered, unregistered clients.
import type { FamilyCode, SalesLineKind } from "@/lib/import/parse/types";
import { isoFromDay, monthKey, type Day } from "./calendar";
import { FAMILIES } from "./catalogue";
import type { GeneratedLine } from "./simulate-sales";

export interface SalesSummary {
  lines: number;
  firstDate: string | null;
  lastDate: string | null;
  months: string[];
  byKind: Record<SalesLineKind, number>;
  byFamily: Record<FamilyCode, { lines: number; clients: number }>;
  buyingClients: number;
  unregisteredClients: number;
  unregisteredLines: number;
  returnsShare: number;
  returnsInOwnSeriesShare: number;
}

const FAMILY_BIT: Record<FamilyCode, number> = { C1: 1, C2: 2, T1: 4, T2: 8 };

export class SalesTally {
  private lines = 0;
  private first: Day | null = null;
  private last: Day | null = null;
  private readonly months = new Set<string>();
  private readonly byKind: Record<SalesLineKind, number> = { purchase: 0, return: 0, zero_value_replacement: 0, price_correction: 0, empty: 0 };
  private readonly familyLines: Record<FamilyCode, number> = { C1: 0, C2: 0, T1: 0, T2: 0 };
  private readonly familiesOfClient: Uint8Array;
  private readonly unregistered = new Set<number>();
  private unregisteredLines = 0;
  private returnsInOwnSeries = 0;

  constructor(clientCount: number) {
    this.familiesOfClient = new Uint8Array(clientCount);
  }

  get lineCount(): number {
    return this.lines;
  }

  /** Counts one line; `month` is its YYYY-MM (computed once per day by the caller). */
  add(line: GeneratedLine, month: string = monthKey(line.day)): void {
    this.lines++;
    if (this.first === null) this.first = line.day;
    this.last = line.day;
    this.months.add(month);
    this.byKind[line.kind]++;
    this.familyLines[line.sku.family]++;
    this.familiesOfClient[line.client.index] |= FAMILY_BIT[line.sku.family];
    if (line.kind === "return" && line.invoice.startsWith("38")) this.returnsInOwnSeries++;
    if (!line.client.registered) {
      this.unregistered.add(line.client.index);
      this.unregisteredLines++;
    }
  }

  summary(): SalesSummary {
    const byFamily = Object.fromEntries(FAMILIES.map((f) => [f, { lines: this.familyLines[f], clients: 0 }])) as SalesSummary["byFamily"];
    let buyingClients = 0;
    for (const bits of this.familiesOfClient) {
      if (bits) buyingClients++;
      for (const f of FAMILIES) if (bits & FAMILY_BIT[f]) byFamily[f].clients++;
    }
    return {
      lines: this.lines,
      firstDate: this.first === null ? null : isoFromDay(this.first),
      lastDate: this.last === null ? null : isoFromDay(this.last),
      months: [...this.months].sort(),
      byKind: { ...this.byKind },
      byFamily,
      buyingClients,
      unregisteredClients: this.unregistered.size,
      unregisteredLines: this.unregisteredLines,
      returnsShare: this.lines ? this.byKind.return / this.lines : 0,
      returnsInOwnSeriesShare: this.byKind.return ? this.returnsInOwnSeries / this.byKind.return : 0,
    };
  }
}
