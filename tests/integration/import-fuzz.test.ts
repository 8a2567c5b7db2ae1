// The importer under ≥ 500 mutated files (truncated rows, wrong types, bad dates, wrong encodings, huge
// fields, formula cells, garbage…), each imported for real: it never throws, a failed file changes
// nothing, a successful one accounts for every row, and every rejected row carries line, column and reason.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Pool } from "pg";
import { createPgPool } from "../../lib/db/pg-pool";
import { importSources } from "../../lib/import/import-sources";
import { mutateCsv } from "../../lib/import/parse/fuzz-mutations";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { CAMPANAS, CLIENTES, csvSource, PRODUCTOS, VENTAS_MIXED } from "../helpers/import-fixtures";

const FILES = 520;
let t: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  t = await createTestDatabase();
  pool = createPgPool(t.url, 3);
  await importSources(pool, [csvSource("Productos.csv", PRODUCTOS), csvSource("Clientes.csv", CLIENTES), csvSource("Campañas.csv", CAMPANAS)]);
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

async function counts() {
  const r = await pool.query<{ lines: number; clients: number; products: number; potentials: number; campaigns: number }>(
    `SELECT (SELECT count(*)::int FROM sales_line) AS lines, (SELECT count(*)::int FROM client) AS clients,
            (SELECT count(*)::int FROM product) AS products, (SELECT count(*)::int FROM potential) AS potentials,
            (SELECT count(*)::int FROM campaign) AS campaigns`,
  );
  return r.rows[0]!;
}

it(`survives ${FILES} mutated files without crashing or half-importing`, async () => {
  const bases = [VENTAS_MIXED, CLIENTES, PRODUCTOS, CAMPANAS];
  let failed = 0;
  let succeeded = 0;
  for (let seed = 1; seed <= FILES; seed++) {
    const base = bases[seed % bases.length]!;
    const { bytes } = mutateCsv(base, seed);
    const before = await counts();
    const reports = await importSources(pool, [{ fileName: `fuzz-${seed}.csv`, size: bytes.length, open: () => (async function* () { yield bytes; })() as never }]);
    expect(reports).toHaveLength(1);
    const report = reports[0]!;
    if (report.status === "FAILED") {
      failed++;
      expect(report.error, `seed ${seed}`).toBeTruthy();
      expect(await counts(), `seed ${seed}: a failed file must change nothing`).toEqual(before);
      continue;
    }
    succeeded++;
    expect(report.rowsAccepted + report.rowsRejected, `seed ${seed}`).toBe(report.rowsTotal);
    const after = await counts();
    if (report.table === "ventas") expect(after.lines - before.lines, `seed ${seed}`).toBe(report.rowsInserted);
    const rejected = await pool.query<{ line: number; column: string | null; message: string }>(
      `SELECT line, "column", message FROM import_rejected_row WHERE import_id = $1`,
      [report.importId],
    );
    expect(rejected.rows.length, `seed ${seed}`).toBeGreaterThanOrEqual(Math.min(report.rowsRejected, 1));
    for (const row of rejected.rows) {
      expect(row.line, `seed ${seed}`).toBeGreaterThan(0);
      expect(row.column, `seed ${seed}`).toBeTruthy();
      expect(row.message.length, `seed ${seed}`).toBeGreaterThan(10);
    }
  }
  // Both paths were exercised.
  expect(failed).toBeGreaterThan(0);
  expect(succeeded).toBeGreaterThan(FILES / 4);
}, 600_000);
