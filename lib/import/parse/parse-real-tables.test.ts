// The customer's four published tables, read from ../shared (never copied into the project). Every
// row must be accounted for, and the oddities the data team documented must be found again.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openTableFile } from "./parse-table-file";
import { readAllRows } from "./read-all-rows";
import type { ClientRow, PotentialRow, ProductRow, RowResult, TableKind } from "./types";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const originalDir = path.resolve(repoRoot, "../shared/data/inibsa/raw/original_format");
const canonicalDir = path.resolve(repoRoot, "../shared/data/inibsa/raw");
const available = existsSync(path.join(originalDir, "Datasets.xlsx - Clientes.csv"));
const title = available ? "the customer's real tables" : `the customer's real tables (SKIPPED: ${originalDir} not found)`;

function physicalDataLines(file: string): number {
  const lines = readFileSync(file, "utf8").split(/\r\n|\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.length - 1;
}

async function parseAll<T>(file: string, table: TableKind) {
  const opened = await openTableFile(file);
  if (!opened.ok) throw new Error(opened.error.message);
  expect(opened.table).toBe(table);
  const { rows, stats } = await readAllRows(opened);
  // Every physical data line is one accepted, flagged or rejected row (there are no blank ones).
  expect(stats.accepted + stats.flagged + stats.rejected).toBe(stats.dataRows);
  expect(stats.dataRows + stats.blankRows).toBe(physicalDataLines(file));
  return { opened, rows: rows as RowResult<T>[], stats };
}

const recordsOf = <T>(rows: RowResult<T>[]) => rows.flatMap((r) => (r.ok ? [r.record] : []));
const flagCount = <T>(rows: RowResult<T>[], code: string) => rows.filter((r) => r.ok && r.flags.some((f) => f.code === code)).length;

describe.skipIf(!available)(title, () => {
  it("Clientes: 11,031 rows, 10,994 ids; 37 repeated ids of which 7 change postal code", async () => {
    const { opened, rows, stats } = await parseAll<ClientRow>(path.join(originalDir, "Datasets.xlsx - Clientes.csv"), "clientes");
    expect(opened.format).toBe("original");
    expect(stats).toMatchObject({ dataRows: 11_031, rejected: 0 });
    expect(new Set(recordsOf(rows).map((c) => c.clientId)).size).toBe(10_994);
    expect(flagCount(rows, "duplicate_client")).toBe(30);
    expect(flagCount(rows, "duplicate_client_conflict")).toBe(7);
    // Postal code of one province under another's name (e.g. a Girona code filed under Barcelona).
    expect(flagCount(rows, "postal_province_conflict")).toBe(15);
    expect(flagCount(rows, "postal_code_unknown_prefix")).toBe(1);
    // Andorra: not a Spanish province, postal code written "0".
    const foreign = recordsOf(rows).filter((c) => c.provinceCode === null);
    expect(foreign).toHaveLength(13);
    expect(new Set(foreign.map((c) => c.provinceName))).toEqual(new Set(["Andorra"]));
  });

  it("Potencial: 33,093 rows, 11,031 clients × 3 categories, 5,209 zeros", async () => {
    const { rows, stats } = await parseAll<PotentialRow>(path.join(originalDir, "Datasets.xlsx - Potencial.csv"), "potencial");
    expect(stats).toMatchObject({ dataRows: 33_093, rejected: 0, flagged: 0 });
    const potentials = recordsOf(rows);
    expect(new Set(potentials.map((p) => p.clientId)).size).toBe(11_031);
    expect(potentials.filter((p) => p.potentialCents === 0)).toHaveLength(5_209);
  });

  it("Productos: 25 SKUs, C1 6 · C2 2 · T1 10 · T2 7", async () => {
    const { rows, stats } = await parseAll<ProductRow>(path.join(originalDir, "Datasets.xlsx - Productos.csv"), "productos");
    expect(stats).toMatchObject({ dataRows: 25, accepted: 25 });
    const byFamily: Record<string, number> = {};
    for (const p of recordsOf(rows)) byFamily[p.family] = (byFamily[p.family] ?? 0) + 1;
    expect(byFamily).toEqual({ C1: 6, C2: 2, T1: 10, T2: 7 });
  });

  it("Campañas: 10 windows from 2021-11 to 2025-11 (the file has no final line break)", async () => {
    const { rows, stats } = await parseAll<{ startDate: string; endDate: string }>(path.join(originalDir, "Datasets.xlsx - Campañas.csv"), "campanas");
    expect(stats).toMatchObject({ dataRows: 10, accepted: 10 });
    const campaigns = recordsOf(rows);
    expect(campaigns[0].startDate.slice(0, 7)).toBe("2021-11");
    expect(campaigns[campaigns.length - 1].endDate.slice(0, 7)).toBe("2025-11");
  });

  it("the cleaned canonical copy reads to the same records", async () => {
    for (const [name, table] of [["Potencial", "potencial"], ["Productos", "productos"], ["Campañas", "campanas"]] as const) {
      const original = await parseAll(path.join(originalDir, `Datasets.xlsx - ${name}.csv`), table);
      const canonical = await parseAll(path.join(canonicalDir, `${name}.csv`), table);
      expect(canonical.opened.format).toBe("canonical");
      expect(canonical.stats.rejected).toBe(0);
      const sortKey = (r: unknown) => JSON.stringify(r);
      expect(recordsOf(canonical.rows).map(sortKey).sort()).toEqual(recordsOf(original.rows).map(sortKey).sort());
    }
    const clients = await parseAll<ClientRow>(path.join(canonicalDir, "Clientes.csv"), "clientes");
    expect(clients.stats).toMatchObject({ dataRows: 10_994, rejected: 0 });
    expect(flagCount(clients.rows, "duplicate_client") + flagCount(clients.rows, "duplicate_client_conflict")).toBe(0);
  });
});
