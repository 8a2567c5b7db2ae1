// The sales history, one working day at a time. Each client × family is a renewal process: after an
// order, the next one comes after a gamma-distributed gap around the client's own mean (regular for
// commodities, bursty for technical products), shortened in busy months, stretched while the client
// deteriorates, pulled into a campaign window that precedes it (then bigger, and followed by a
// longer gap), pushed past the client's pauses, and stopped at its churn. Returns, free replacements,
// price corrections and annulled lines follow some purchase lines a few days or weeks later.
// Memory holds one state per client × family plus the after-sale lines still to come: bounded by
// the number of clients, never by the length of the history.
import type { SalesLineKind } from "@/lib/import/parse/types";
import { AFTER_SALE_RATES, CAMPAIGN_PULL_DAYS, CAMPAIGN_STOCK_UP, PRICE_INFLATION, SEASONALITY } from "./calibration";
import { isWorkingDay, partsOfDay, WORKING_DAY_SHARE, WorkingCalendar, type Day } from "./calendar";
import { CAMPAIGNS } from "./campaigns";
import { FAMILIES, type Sku } from "./catalogue";
import { InvoiceNumbers } from "./invoice-numbers";
import { MinHeap } from "./min-heap";
import { pauseWindowsOfYear } from "./pauses";
import { deriveSeed, Random } from "./random";
import { START_DAY, type World } from "./build-clients";
import type { DemoClient, FamilyBehaviour, PauseWindow } from "./world-types";

const ORDER_STREAM = 3;
const BASE_YEAR = 2021;

export interface GeneratedLine {
  day: Day;
  invoice: string;
  client: DemoClient;
  sku: Sku;
  units: number;
  valueCents: number;
  kind: SalesLineKind;
}

/** A client's pause windows of the current and the previous year, shared by its families. */
interface PauseCache {
  year: number;
  windows: PauseWindow[];
}

interface FamilyState {
  client: DemoClient;
  behaviour: FamilyBehaviour;
  random: Random;
  /** Units multiplier of the next order (a campaign stock-up). */
  stockUp: number;
  /** Gap multiplier after the next order (what was stocked up lasts longer). */
  gapStretch: number;
  pauses: PauseCache;
}

interface AfterSale {
  kind: Exclude<SalesLineKind, "purchase">;
  client: DemoClient;
  sku: Sku;
  units: number;
  valueCents: number;
  /** Returns mostly get an invoice of their own "38" series. */
  ownSeries: boolean;
}

/** How far into its deterioration the client is on `day`: 0 healthy … 1 at the churn. */
export function deteriorationProgress(behaviour: FamilyBehaviour, day: Day): number {
  const { deteriorationStart: start, churn } = behaviour;
  if (start === null || churn === null || day < start) return 0;
  return Math.min(1, (day - start) / Math.max(1, churn - start));
}

function unitPrice(sku: Sku, client: DemoClient, year: number, random: Random): number {
  return sku.listPrice * Math.pow(1 + PRICE_INFLATION, year - BASE_YEAR) * (1 - client.discount) * random.logNormal(1, 0.02);
}

function toUnits(exact: number, pack: number): number {
  if (pack > 1) return Math.max(1, Math.round(exact / pack)) * pack;
  return Math.max(1, Math.round(exact));
}

function pausesAround(state: FamilyState, day: Day): PauseWindow[] {
  const { year } = partsOfDay(day);
  const cache = state.pauses;
  if (cache.year !== year) {
    cache.windows = cache.year === year - 1 ? [...cache.windows.filter((w) => w.end >= day - 400), ...pauseWindowsOfYear(state.client, year)] : [...pauseWindowsOfYear(state.client, year - 1), ...pauseWindowsOfYear(state.client, year)];
    cache.year = year;
  }
  return cache.windows;
}

export class SalesSimulation {
  private readonly orders = new MinHeap<FamilyState>();
  private readonly afterSales = new MinHeap<AfterSale>();
  private readonly invoices = new InvoiceNumbers();
  private readonly calendar: WorkingCalendar;

  constructor(
    world: World,
    private readonly until: Day,
  ) {
    this.calendar = new WorkingCalendar(START_DAY - 7, until + 400);
    for (const client of world.clients) {
      const pauses: PauseCache = { year: -1, windows: [] };
      for (const behaviour of client.families) {
        const state: FamilyState = {
          client,
          behaviour,
          random: new Random(deriveSeed(world.seed, ORDER_STREAM, client.index, FAMILIES.indexOf(behaviour.family))),
          stockUp: 1,
          gapStretch: 1,
          pauses,
        };
        const first = this.settle(state, behaviour.firstOrder);
        if (this.stillBuying(behaviour, first)) this.orders.push(first, state);
      }
    }
  }

  /** Working days from the world's start to `until`, each with its lines (possibly none). */
  *days(): Generator<{ day: Day; lines: GeneratedLine[] }> {
    for (let day = START_DAY; day <= this.until; day++) {
      if (!isWorkingDay(day)) continue;
      yield { day, lines: this.linesOf(day) };
    }
  }

  private stillBuying(behaviour: FamilyBehaviour, day: Day): boolean {
    return day <= this.until && (behaviour.churn === null || day < behaviour.churn);
  }

  /** Moves a date past the client's pauses (to a few working days after one) and onto a working day. */
  private settle(state: FamilyState, day: Day): Day {
    let settled = day;
    while (!isWorkingDay(settled)) settled++;
    for (let guard = 0; guard < 12; guard++) {
      const pause = pausesAround(state, settled).find((p) => settled >= p.start && settled <= p.end);
      if (!pause) break;
      settled = this.calendar.addWorkingDays(pause.end, 1 + state.random.int(0, 3));
    }
    return settled;
  }

  private scheduleNext(state: FamilyState, today: Day): void {
    const { behaviour, random } = state;
    const meanGap = 365 / behaviour.ordersPerYear;
    let gap = random.gamma(behaviour.regularity, meanGap / behaviour.regularity);
    gap /= SEASONALITY[partsOfDay(today).month - 1];
    gap *= state.gapStretch * (1 + 1.5 * deteriorationProgress(behaviour, today));
    state.gapStretch = 1;
    state.stockUp = 1;
    let next = this.calendar.addWorkingDays(today, Math.max(1, Math.round(gap * WORKING_DAY_SHARE)));
    const campaign = CAMPAIGNS.find((c) => c.start > today && next > c.end && next <= c.end + CAMPAIGN_PULL_DAYS);
    if (campaign && random.chance(behaviour.campaignSensitivity)) {
      next = campaign.start + random.int(0, campaign.end - campaign.start);
      const factor = random.uniform(...CAMPAIGN_STOCK_UP);
      state.stockUp = factor;
      state.gapStretch = factor;
    }
    next = this.settle(state, next);
    if (this.stillBuying(behaviour, next)) this.orders.push(next, state);
  }

  private purchaseLines(state: FamilyState, day: Day, year: number): { sku: Sku; units: number; valueCents: number; price: number }[] {
    const { behaviour, random, client } = state;
    const count = 1 + random.binomial(behaviour.portfolio.length - 1, behaviour.extraLineChance);
    const pool = behaviour.portfolio.map((sku, rank) => ({ sku, weight: 1 / (rank + 1) }));
    const unitsFactor = (1 - 0.55 * deteriorationProgress(behaviour, day)) * state.stockUp;
    const lines = [];
    for (let k = 0; k < count; k++) {
      const { sku } = pool.splice(random.weightedIndex(pool.map((p) => p.weight)), 1)[0];
      const price = unitPrice(sku, client, year, random);
      const units = toUnits((behaviour.lineValue * random.logNormal(1, 0.35) * unitsFactor) / price, sku.pack);
      lines.push({ sku, units, valueCents: Math.round(units * price * 100), price });
    }
    return lines;
  }

  private scheduleAfterSales(state: FamilyState, day: Day, line: { sku: Sku; units: number; valueCents: number; price: number }): void {
    const { random, client } = state;
    const { sku, units, price } = line;
    const later = (min: number, max: number) => this.calendar.addWorkingDays(day, Math.round(random.int(min, max) * WORKING_DAY_SHARE));
    if (random.chance(AFTER_SALE_RATES.return)) {
      const returned = 1 + random.binomial(Math.min(units, 6) - 1, 0.25);
      // Now and then what goes back is a free replacement: a return worth nothing.
      const valueCents = random.chance(0.05) ? 0 : -Math.round(returned * price * 100);
      this.afterSales.push(later(3, 45), { kind: "return", client, sku, units: -returned, valueCents, ownSeries: random.chance(AFTER_SALE_RATES.returnInOwnSeries) });
    }
    if (random.chance(AFTER_SALE_RATES.zeroValueReplacement)) {
      const replaced = 1 + random.binomial(Math.min(units, 6) - 1, 0.2);
      this.afterSales.push(later(5, 40), { kind: "zero_value_replacement", client, sku, units: replaced, valueCents: 0, ownSeries: false });
    }
    if (random.chance(AFTER_SALE_RATES.priceCorrection)) {
      const amount = Math.max(100, Math.round(line.valueCents * random.uniform(0.05, 0.3)));
      this.afterSales.push(later(7, 90), { kind: "price_correction", client, sku, units: 0, valueCents: random.chance(0.7) ? -amount : amount, ownSeries: false });
    }
    if (random.chance(AFTER_SALE_RATES.empty)) {
      this.afterSales.push(later(0, 30), { kind: "empty", client, sku, units: 0, valueCents: 0, ownSeries: false });
    }
  }

  private linesOf(day: Day): GeneratedLine[] {
    const { year } = partsOfDay(day);
    const lines: GeneratedLine[] = [];
    const salesInvoice = new Map<number, string>();
    const returnInvoice = new Map<number, string>();
    const invoiceOf = (client: DemoClient, series: Map<number, string>, prefix: "39" | "38") => {
      let invoice = series.get(client.index);
      if (!invoice) {
        invoice = this.invoices.next(prefix, year);
        series.set(client.index, invoice);
      }
      return invoice;
    };

    const due: FamilyState[] = [];
    while (this.orders.size && this.orders.peekPriority()! <= day) due.push(this.orders.pop()!);
    for (const state of due) {
      const invoice = invoiceOf(state.client, salesInvoice, "39");
      for (const line of this.purchaseLines(state, day, year)) {
        lines.push({ day, invoice, client: state.client, sku: line.sku, units: line.units, valueCents: line.valueCents, kind: "purchase" });
        this.scheduleAfterSales(state, day, line);
      }
      this.scheduleNext(state, day);
    }

    while (this.afterSales.size && this.afterSales.peekPriority()! <= day) {
      const after = this.afterSales.pop()!;
      const invoice =
        after.kind === "price_correction" || after.kind === "empty"
          ? this.invoices.nextCorrection()
          : after.kind === "return" && after.ownSeries
            ? invoiceOf(after.client, returnInvoice, "38")
            : invoiceOf(after.client, salesInvoice, "39");
      lines.push({ day, invoice, client: after.client, sku: after.sku, units: after.units, valueCents: after.valueCents, kind: after.kind });
    }
    return lines.sort((a, b) => (a.invoice < b.invoice ? -1 : a.invoice > b.invoice ? 1 : a.sku.id < b.sku.id ? -1 : a.sku.id > b.sku.id ? 1 : 0));
  }
}
