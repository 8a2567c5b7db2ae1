// The demo world at scale 1, checked three ways: its statistics against DATA.md's figures for the
// real sales table, its files against the importer (Part 1's parser), and its lines against the
// ground truth it was generated from.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parse } from "csv-parse/sync";
import { openTableFile } from "@/lib/import/parse/parse-table-file";
import { readAllRows } from "@/lib/import/parse/read-all-rows";
import type { ClientRow, FamilyCode, ProductRow, RowResult, SalesLine, TableKind } from "@/lib/import/parse/types";
import { dayFromIso, isWorkingDay } from "./calendar";
import { CAMPAIGNS } from "./campaigns";
import { generateDemoWorld, type DemoWorldSummary } from "./generate-demo-world";
import { deriveTrueLabels, readTruthFamilies, readTruthPauses, type TruthFamilyRow, type TruthPauseRow } from "./true-labels";
import { FILE_NAMES } from "./write-reference-tables";
import { TRUTH_FILES } from "./write-truth";

// DATA.md, "Facts about the real sales table".
const TARGET = {
  lines: 162_546,
  buyingClients: 8_095,
  byFamily: { C1: [76_828, 5_913], T1: [44_158, 4_033], C2: [22_528, 2_557], T2: [19_032, 2_544] } as Record<FamilyCode, [number, number]>,
};
const within = (actual: number, target: number, tolerance = 0.1) => Math.abs(actual - target) / target <= tolerance;

let dir: string;
let summary: DemoWorldSummary;
let sales: SalesLine[];
let familyOf: Map<string, FamilyCode>;
let clientRows: RowResult<ClientRow>[];
let statsByTable: Partial<Record<TableKind, { rejected: number; flagsByCode: Record<string, number>; dataRows: number }>>;
let truth: TruthFamilyRow[];
let pauses: TruthPauseRow[];

async function parseTable<T>(file: string, table: TableKind): Promise<RowResult<T>[]> {
  const opened = await openTableFile(file, { maxDate: "2026-12-31" });
  if (!opened.ok) throw new Error(`${file}: ${opened.error.message}`);
  expect(opened).toMatchObject({ table, format: "original", encoding: "utf-8", bom: false, delimiter: "," });
  const { rows, stats } = await readAllRows(opened);
  statsByTable[table] = { rejected: stats.rejected, flagsByCode: stats.flagsByCode as Record<string, number>, dataRows: stats.dataRows };
  return rows as RowResult<T>[];
}

const ok = <T>(rows: RowResult<T>[]) => rows.flatMap((r) => (r.ok ? [r.record] : []));
const purchases = () => sales.filter((s) => s.kind === "purchase");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "demo-world-"));
  summary = await generateDemoWorld({ outDir: dir, truthDir: path.join(dir, "truth") });
  statsByTable = {};
  sales = ok(await parseTable<SalesLine>(path.join(dir, FILE_NAMES.ventas), "ventas"));
  clientRows = await parseTable<ClientRow>(path.join(dir, FILE_NAMES.clientes), "clientes");
  const products = ok(await parseTable<ProductRow>(path.join(dir, FILE_NAMES.productos), "productos"));
  familyOf = new Map(products.map((p) => [p.productId, p.family]));
  await parseTable(path.join(dir, FILE_NAMES.potencial), "potencial");
  await parseTable(path.join(dir, FILE_NAMES.campanas), "campanas");
  truth = await readTruthFamilies(path.join(dir, "truth"));
  pauses = await readTruthPauses(path.join(dir, "truth"));
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("demo world at scale 1", () => {
  it("matches DATA.md's figures for the real sales table within 10 %", () => {
    const s = summary.sales;
    expect(within(s.lines, TARGET.lines)).toBe(true);
    expect(within(s.buyingClients, TARGET.buyingClients, 0.02)).toBe(true);
    for (const [family, [lines, clients]] of Object.entries(TARGET.byFamily) as [FamilyCode, [number, number]][]) {
      expect(within(s.byFamily[family].lines, lines), `${family} lines ${s.byFamily[family].lines}`).toBe(true);
      expect(within(s.byFamily[family].clients, clients), `${family} clients ${s.byFamily[family].clients}`).toBe(true);
    }
    expect(s.firstDate).toBe("2021-01-04");
    expect(s.lastDate! >= "2025-12-22" && s.lastDate! <= "2025-12-31").toBe(true);
    expect(s.months).toHaveLength(60); // no missing month
    expect(s.returnsShare).toBeGreaterThanOrEqual(0.012);
    expect(s.returnsShare).toBeLessThanOrEqual(0.023);
    expect(s.returnsInOwnSeriesShare).toBeGreaterThan(0.75);
    expect(s.byKind.zero_value_replacement / s.lines).toBeGreaterThan(0.006);
    expect(s.byKind.zero_value_replacement / s.lines).toBeLessThan(0.012);
    expect(s.byKind.price_correction).toBeGreaterThan(100);
    expect(s.byKind.empty).toBeGreaterThan(100); // "a few hundred"
    expect(s.byKind.empty).toBeLessThan(1_000);
    expect(s.unregisteredClients).toBe(34);
    expect(s.unregisteredLines).toBeGreaterThan(300);
    expect(s.unregisteredLines).toBeLessThan(1_200);
  });

  it("writes Clientes and Potencial with the real export's shape", () => {
    expect(summary.clientes).toMatchObject({ rows: 11_031, distinctIds: 10_994, identicalDuplicates: 30, conflictingDuplicates: 7, abroad: 13 });
    expect(summary.potencial.rows).toBe(33_093);
    expect(summary.potencial.zeros / summary.potencial.rows).toBeGreaterThan(0.13);
    expect(summary.potencial.zeros / summary.potencial.rows).toBeLessThan(0.19);
    expect(summary.campaigns).toHaveLength(10);
  });

  it("writes exactly the customer's original format: headers, M/D/YYYY, quoted European numbers, no final line break", async () => {
    const ventas = await readFile(path.join(dir, FILE_NAMES.ventas), "utf8");
    const lines = ventas.slice(0, 2_000).split("\n");
    expect(lines[0]).toBe("Num.Fact,Fecha,Id. Cliente,Id. Producto,Unidades,Valores_H");
    expect(lines[1]).toMatch(/^3\d{9},1\/4\/2021,\d+,\d{4},-?\d+,"-?\d{1,3}(\.\d{3})*,\d{2}"$/);
    expect(ventas.endsWith("\n")).toBe(false);
    const headers = await Promise.all(
      (["clientes", "productos", "potencial", "campanas"] as const).map(async (t) => (await readFile(path.join(dir, FILE_NAMES[t]), "utf8")).split("\n")[0]),
    );
    expect(headers).toEqual(["Id. Cliente,,Provincia", "Id.Prod,Bloque analítico,Categoria_H,Familia_H", "Id.Cliente,Familia,Categoria Productos,Potencial_H", "Campaña,Fecha inicio,Fecha fin"]);
  });

  it("parses with zero rejected rows, the only flags being the quirks injected on purpose", () => {
    for (const table of ["ventas", "clientes", "productos", "potencial", "campanas"] as const) expect(statsByTable[table]!.rejected, table).toBe(0);
    expect(statsByTable.ventas!.flagsByCode).toEqual({ empty_line: summary.sales.byKind.empty });
    expect(statsByTable.clientes!.flagsByCode).toEqual({
      duplicate_client: 30,
      duplicate_client_conflict: 7,
      postal_province_conflict: 15,
      postal_code_unknown_prefix: 1,
      postal_code_missing: 13,
      unknown_province: 13,
    });
    expect(statsByTable.potencial!.flagsByCode).toEqual({});
    expect(statsByTable.ventas!.dataRows).toBe(summary.sales.lines);
    const kinds: Record<string, number> = {};
    for (const line of sales) kinds[line.kind] = (kinds[line.kind] ?? 0) + 1;
    expect(kinds).toEqual(summary.sales.byKind);
  });

  it("sells its 25 SKUs at stable unit prices with client discounts, packs of 12 for the C2 pack SKU", () => {
    const prices = new Map<string, number[]>();
    for (const line of purchases()) {
      const list = prices.get(line.productId) ?? [];
      list.push(line.valueCents / line.units);
      prices.set(line.productId, list);
    }
    expect(prices.size).toBe(25);
    for (const [sku, list] of prices) {
      const sorted = [...list].sort((a, b) => a - b);
      const [p5, p95] = [sorted[Math.floor(sorted.length * 0.05)], sorted[Math.floor(sorted.length * 0.95)]];
      expect(p95 / p5, sku).toBeLessThan(1.5); // discounts and yearly increases, not noise
    }
    expect(purchases().filter((l) => l.productId === "2410").every((l) => l.units % 12 === 0)).toBe(true);
  });

  it("keeps its unregistered buyers out of Clientes", () => {
    const registered = new Set(ok(clientRows).map((c) => c.clientId));
    const missing = new Set(sales.filter((s) => !registered.has(s.clientId)).map((s) => s.clientId));
    expect(missing.size).toBe(34);
    const unregisteredInTruth = new Set(truth.filter((t) => missing.has(t.clientId)).map((t) => t.clientId));
    expect(unregisteredInTruth.size).toBe(34);
  });
});

describe("demo world against its ground truth", () => {
  const key = (client: string, family: string) => `${client}|${family}`;

  it("has a truth row for every client × family that buys, and none buys outside its active life", () => {
    const rows = new Map(truth.map((t) => [key(t.clientId, t.family), t]));
    let checkedChurns = 0;
    const violations: string[] = [];
    for (const line of purchases()) {
      const row = rows.get(key(line.clientId, familyOf.get(line.productId)!));
      if (!row) violations.push(`${line.clientId} bought ${line.productId} without a truth row`);
      else if (line.date < row.firstOrder) violations.push(`${line.clientId} bought ${row.family} on ${line.date} before its first order ${row.firstOrder}`);
      else if (row.churnDate !== null) {
        if (line.date >= row.churnDate) violations.push(`${line.clientId} bought ${row.family} on ${line.date} after churning on ${row.churnDate}`);
        checkedChurns++;
      }
    }
    expect(violations.slice(0, 5)).toEqual([]);
    expect(checkedChurns).toBeGreaterThan(1_000);
    expect(truth.filter((t) => t.churnDate !== null && t.churnDate <= "2025-12-31").length).toBeGreaterThan(1_000);
  });

  it("never has a purchase inside one of the client's pauses", () => {
    const byClient = new Map<string, TruthPauseRow[]>();
    for (const p of pauses) byClient.set(p.clientId, [...(byClient.get(p.clientId) ?? []), p]);
    const inPause = purchases().filter((l) => (byClient.get(l.clientId) ?? []).some((p) => l.date >= p.start && l.date <= p.end));
    expect(inPause).toHaveLength(0);
    expect(pauses.filter((p) => p.reason === "august").length).toBeGreaterThan(20_000);
  });

  it("gives commodities a regular rhythm and technical products an irregular one", () => {
    const days = new Map<string, Set<string>>();
    for (const line of purchases()) {
      const k = key(line.clientId, familyOf.get(line.productId)!);
      if (!days.has(k)) days.set(k, new Set());
      days.get(k)!.add(line.date);
    }
    const variation = (k: string) => {
      const sorted = [...(days.get(k) ?? [])].sort().map((d) => dayFromIso(d));
      if (sorted.length < 7) return undefined;
      const gaps = sorted.slice(1).map((d, i) => d - sorted[i]);
      const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
      return Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length) / mean;
    };
    const cvOf = (filter: (t: TruthFamilyRow) => boolean) => truth.filter(filter).map((t) => variation(key(t.clientId, t.family))).filter((v): v is number => v !== undefined);
    const loyalC1 = cvOf((t) => t.family === "C1" && t.segment === "loyal" && t.deteriorationStart === null);
    const technical = cvOf((t) => t.family === "T1" || t.family === "T2");
    expect(loyalC1.length).toBeGreaterThan(300);
    expect(technical.length).toBeGreaterThan(300);
    expect(median(loyalC1)).toBeLessThan(0.75 * median(technical));
  });

  it("orders segments by the share of their need they buy: loyal > promiscuous > marginal", async () => {
    const clients = parse(await readFile(path.join(dir, "truth", TRUTH_FILES.clients), "utf8"), { columns: true }) as Record<string, string>[];
    const need = new Map(clients.map((c) => [c.client_id, Number(c.need_c1)]));
    const spend = new Map<string, number>();
    for (const line of purchases()) if (familyOf.get(line.productId) === "C1") spend.set(line.clientId, (spend.get(line.clientId) ?? 0) + line.valueCents / 100);
    const realisedShare = (segment: string) =>
      median(
        truth
          .filter((t) => t.family === "C1" && t.segment === segment && t.churnDate === null && t.firstOrder < "2021-12-31")
          .map((t) => (spend.get(t.clientId) ?? 0) / 5 / need.get(t.clientId)!),
      );
    const [loyal, promiscuous, marginal] = ["loyal", "promiscuous", "marginal"].map(realisedShare);
    expect(loyal).toBeGreaterThan(promiscuous);
    expect(promiscuous).toBeGreaterThan(marginal);
  });

  it("thins out orders while a client deteriorates before churning", () => {
    let before = 0;
    let during = 0;
    let beforeDays = 0;
    let duringDays = 0;
    const rows = new Map(truth.map((t) => [key(t.clientId, t.family), t]));
    const deteriorating = truth.filter((t) => t.deteriorationStart !== null && t.churnDate! <= "2025-12-31" && t.deteriorationStart > "2022-01-01");
    for (const t of deteriorating) {
      beforeDays += dayFromIso(t.deteriorationStart!) - dayFromIso(t.firstOrder > "2021-01-04" ? t.firstOrder : "2021-01-04");
      duringDays += dayFromIso(t.churnDate!) - dayFromIso(t.deteriorationStart!);
    }
    const watched = new Set(deteriorating);
    for (const line of purchases()) {
      const t = rows.get(key(line.clientId, familyOf.get(line.productId)!))!;
      if (!watched.has(t)) continue;
      if (line.date < t.deteriorationStart!) before++;
      else during++;
    }
    expect(deteriorating.length).toBeGreaterThan(300);
    expect(during / duringDays).toBeLessThan(0.8 * (before / beforeDays));
  });

  it("pulls demand into campaign windows, followed by a lull", () => {
    const perDay = new Map<number, number>();
    for (const line of purchases()) perDay.set(dayFromIso(line.date), (perDay.get(dayFromIso(line.date)) ?? 0) + 1);
    const rate = (from: number, to: number) => {
      let lines = 0;
      let days = 0;
      for (let d = from; d <= to; d++) if (isWorkingDay(d)) [lines, days] = [lines + (perDay.get(d) ?? 0), days + 1];
      return lines / days;
    };
    let inside = 0;
    let before = 0;
    let after = 0;
    for (const c of CAMPAIGNS) {
      inside += rate(c.start, c.end);
      before += rate(c.start - 42, c.start - 1);
      after += rate(c.end + 1, c.end + 42);
    }
    expect(inside).toBeGreaterThan(1.3 * before);
    expect(after).toBeLessThan(before);
  });

  it("derives true labels as of a date that agree with the lines", () => {
    const asOf = "2025-09-30";
    const labels = deriveTrueLabels(truth, asOf, { pauses });
    const soon = labels.filter((l) => l.churnsWithinHorizon);
    expect(soon.length).toBeGreaterThan(50);
    const lastPurchase = new Map<string, string>();
    for (const line of purchases()) {
      const k = key(line.clientId, familyOf.get(line.productId)!);
      if ((lastPurchase.get(k) ?? "") < line.date) lastPurchase.set(k, line.date);
    }
    const churnOf = new Map(truth.map((t) => [key(t.clientId, t.family), t.churnDate]));
    for (const label of soon) {
      const last = lastPurchase.get(key(label.clientId, label.family));
      if (last) expect(last < churnOf.get(key(label.clientId, label.family))!).toBe(true);
    }
    const churned = labels.filter((l) => l.state === "churned");
    expect(churned.every((l) => (lastPurchase.get(key(l.clientId, l.family)) ?? "") <= asOf)).toBe(true);
    // On 30 September only the occasional closures are under way, not August's or Christmas's.
    const closedThatDay = new Set(pauses.filter((p) => p.start <= asOf && asOf <= p.end).map((p) => `${p.clientId}|${p.reason}`));
    const paused = labels.filter((l) => l.paused);
    expect(paused.length).toBeGreaterThan(0);
    expect(paused.every((l) => closedThatDay.has(`${l.clientId}|closure`))).toBe(true);
  });
});

describe("determinism and cuts of the history", () => {
  const generate = async (name: string, options: { seed?: number; from?: string; until?: string }) => {
    const outDir = path.join(dir, name);
    await generateDemoWorld({ outDir, scale: 0.2, truthDir: path.join(outDir, "truth"), ...options });
    const read = (file: string) => readFile(path.join(outDir, file), "utf8");
    return { ventas: await read(FILE_NAMES.ventas), clientes: await read(FILE_NAMES.clientes), truth: await read(path.join("truth", TRUTH_FILES.families)) };
  };
  const dataLines = (ventas: string) => ventas.split("\n").slice(1);
  const isoOf = (line: string) => {
    const [m, d, y] = line.split(",")[1].split("/");
    return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  };

  it("gives byte-identical files for a seed, and other files for another seed", async () => {
    const a = await generate("a", { seed: 11 });
    const b = await generate("b", { seed: 11 });
    const c = await generate("c", { seed: 12 });
    expect(b).toEqual(a);
    expect(c.ventas).not.toEqual(a.ventas);
  });

  it("--until and --from cut the same world", async () => {
    const full = dataLines((await generate("full", { seed: 11 })).ventas);
    const until = dataLines((await generate("until", { seed: 11, until: "2023-06-30" })).ventas);
    const from = dataLines((await generate("from", { seed: 11, from: "2024-01-01" })).ventas);
    expect(until).toEqual(full.filter((l) => isoOf(l) <= "2023-06-30"));
    expect(from).toEqual(full.filter((l) => isoOf(l) >= "2024-01-01"));
    expect(until.length).toBeGreaterThan(1_000);
  });
});

describe("signals generate", () => {
  it("writes the five files and prints a summary", async () => {
    const { run } = await import("@/scripts/commands/generate");
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const outDir = path.join(dir, "cli");
    let printed = "";
    try {
      await run(["--out", outDir, "--scale", "0.05", "--seed", "3"]);
      printed = log.mock.calls.map((c) => String(c[0])).join("\n");
    } finally {
      log.mockRestore();
    }
    expect(printed).toContain("Líneas de venta");
    expect(printed).toContain("Devoluciones");
    for (const file of Object.values(FILE_NAMES)) expect((await readFile(path.join(outDir, file), "utf8")).length).toBeGreaterThan(50);
  });

  it("refuses a missing --out and a bad date", async () => {
    const { run } = await import("@/scripts/commands/generate");
    await expect(run([])).rejects.toThrow("--out");
    await expect(run(["--out", path.join(dir, "bad"), "--until", "2024-02-30"])).rejects.toThrow();
  });
});
