// Generates the demo world: the five CSVs of the customer's original export (Ventas, Clientes,
// Productos, Potencial, Campañas) in a directory and, optionally, the ground truth behind them.
// Deterministic for a seed: the same options give byte-identical files.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { buildWorld } from "./build-clients";
import { DEFAULT_UNTIL, WORLD_START } from "./calibration";
import { dayFromIso, isoFromDay, monthKey, usDateFromDay } from "./calendar";
import { europeanMoney } from "./export-format";
import { SalesTally, type SalesSummary } from "./sales-tally";
import { SalesSimulation } from "./simulate-sales";
import { TextFileWriter } from "./text-file-writer";
import { writeTruth } from "./write-truth";
import { FILE_NAMES, writeCampanas, writeClientes, writePotencial, writeProductos, type ClientesQuirks } from "./write-reference-tables";

export interface DemoWorldOptions {
  outDir: string;
  seed?: number;
  /** Multiplies the number of clients (1 ≈ the customer's size: ~162,500 lines). */
  scale?: number;
  /** First date written to Ventas (ISO); the world itself always starts on 2021-01-04. */
  from?: string;
  /** Last date of the history (ISO), 2025-12-31 by default. */
  until?: string;
  /** Where to write the ground truth; none when absent. */
  truthDir?: string;
}

export interface DemoWorldProgress {
  phase: "clients" | "sales" | "tables" | "truth";
  /** 0–1 within the sales phase. */
  fraction: number;
  linesWritten: number;
  date?: string;
}

export interface DemoWorldSummary {
  seed: number;
  scale: number;
  from: string;
  until: string;
  files: Record<keyof typeof FILE_NAMES, string>;
  truthDir: string | null;
  sales: SalesSummary;
  clientes: ClientesQuirks;
  potencial: { rows: number; zeros: number };
  campaigns: string[];
  elapsedMs: number;
}

export const DEFAULT_SEED = 20260101;

function validateOptions(options: DemoWorldOptions): { seed: number; scale: number; from: number; until: number } {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`La semilla debe ser un entero entre 0 y 4294967295 (recibido ${seed})`);
  if (!(scale > 0 && scale <= 100)) throw new Error(`La escala debe estar entre 0 y 100 (recibido ${scale})`);
  const start = dayFromIso(WORLD_START);
  const until = dayFromIso(options.until ?? DEFAULT_UNTIL);
  const from = options.from ? dayFromIso(options.from) : start;
  if (until < start) throw new Error(`--until debe ser posterior a ${WORLD_START}`);
  if (from > until) throw new Error("--from debe ser anterior a --until");
  return { seed, scale, from: Math.max(from, start), until };
}

export async function generateDemoWorld(
  options: DemoWorldOptions,
  hooks: { onProgress?: (progress: DemoWorldProgress) => void } = {},
): Promise<DemoWorldSummary> {
  const started = performance.now();
  const { seed, scale, from, until } = validateOptions(options);
  const report = hooks.onProgress ?? (() => undefined);
  await mkdir(options.outDir, { recursive: true });

  report({ phase: "clients", fraction: 0, linesWritten: 0 });
  const world = buildWorld(seed, scale);

  const tally = new SalesTally(world.clients.length);
  const ventas = new TextFileWriter(path.join(options.outDir, FILE_NAMES.ventas));
  await ventas.line("Num.Fact,Fecha,Id. Cliente,Id. Producto,Unidades,Valores_H");
  const simulation = new SalesSimulation(world, until);
  const span = Math.max(1, until - from);
  let lastReportedMonth = "";
  for (const { day, lines } of simulation.days()) {
    if (day < from) continue;
    const date = usDateFromDay(day);
    const month = monthKey(day);
    for (const line of lines) {
      tally.add(line, month);
      await ventas.line(`${line.invoice},${date},${line.client.id},${line.sku.id},${line.units},${europeanMoney(line.valueCents)}`);
    }
    if (month !== lastReportedMonth) {
      lastReportedMonth = month;
      report({ phase: "sales", fraction: (day - from) / span, linesWritten: tally.lineCount, date: month });
    }
  }
  await ventas.close();

  report({ phase: "tables", fraction: 1, linesWritten: tally.lineCount });
  const clientes = await writeClientes(world, options.outDir, until);
  await writeProductos(options.outDir);
  const potencial = await writePotencial(world, options.outDir, until);
  const campaigns = await writeCampanas(options.outDir, from, until);

  if (options.truthDir) {
    report({ phase: "truth", fraction: 1, linesWritten: tally.lineCount });
    await mkdir(options.truthDir, { recursive: true });
    await writeTruth(world, options.truthDir, until);
  }

  const files = Object.fromEntries(Object.entries(FILE_NAMES).map(([k, name]) => [k, path.join(options.outDir, name)])) as DemoWorldSummary["files"];
  return {
    seed,
    scale,
    from: isoFromDay(from),
    until: isoFromDay(until),
    files,
    truthDir: options.truthDir ?? null,
    sales: tally.summary(),
    clientes,
    potencial,
    campaigns,
    elapsedMs: Math.round(performance.now() - started),
  };
}
