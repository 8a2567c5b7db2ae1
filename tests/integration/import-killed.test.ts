// A killed import leaves the database exactly as it was: the CLI imports a large file in a child
// process, which is SIGKILLed while its transaction is open.
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Pool } from "pg";
import { createPgPool } from "../../lib/db/pg-pool";
import { importSources, markInterruptedImports } from "../../lib/import/import-sources";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { CLIENTES, csvSource, PRODUCTOS, VENTAS_HEADER } from "../helpers/import-fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
let t: TestDatabase;
let pool: Pool;
let dir: string;

async function writeBigSalesFile(file: string, lines: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${VENTAS_HEADER}\n`);
  for (let i = 0; i < lines; i++) {
    const line = `${3910000000 + i},${(i % 12) + 1}/${(i % 28) + 1}/2023,${i % 2 ? 501 : 502},900${(i % 3) + 1},${(i % 5) + 1},"${(i % 900) + 10},${String(i % 100).padStart(2, "0")}"\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

async function snapshot() {
  const result = await pool.query<{ lines: number; clients: number; rejected: number }>(
    `SELECT (SELECT count(*)::int FROM sales_line) AS lines, (SELECT count(*)::int FROM client) AS clients,
            (SELECT count(*)::int FROM import_rejected_row) AS rejected`,
  );
  return result.rows[0];
}

beforeAll(async () => {
  t = await createTestDatabase();
  pool = createPgPool(t.url);
  dir = await mkdtemp(path.join(os.tmpdir(), "sds-kill-"));
  await importSources(pool, [csvSource("Productos.csv", PRODUCTOS), csvSource("Clientes.csv", CLIENTES)]);
});
afterAll(async () => {
  await pool.end();
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

it("killing the process mid-import leaves the previous state intact, and the import is marked interrupted", async () => {
  const file = path.join(dir, "Ventas.csv");
  await writeBigSalesFile(file, 400_000);
  const before = await snapshot();

  const child = spawn(process.execPath, ["--import", "tsx", "scripts/signals.ts", "import", file], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: t.url },
    stdio: "ignore",
  });
  const exited = once(child, "exit");
  // Wait until the child is inside its transaction and has streamed rows (progress is reported).
  const deadline = Date.now() + 60_000;
  let running = false;
  while (Date.now() < deadline) {
    const row = await pool.query("SELECT progress FROM import WHERE status = 'RUNNING' AND connection_pid IS NOT NULL AND progress > 0");
    if (row.rowCount) {
      running = true;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(running, "the import never reported progress").toBe(true);
  child.kill("SIGKILL");
  await exited;

  // The server notices the dead connection and rolls its transaction back.
  let interrupted = 0;
  for (let i = 0; i < 100 && interrupted === 0; i++) {
    interrupted = await markInterruptedImports(pool);
    if (!interrupted) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(interrupted).toBe(1);
  expect(await snapshot()).toEqual(before);
  const failed = await pool.query("SELECT status, error FROM import WHERE file_name = 'Ventas.csv'");
  expect(failed.rows).toHaveLength(1);
  expect(failed.rows[0].status).toBe("FAILED");
  expect(failed.rows[0].error).toMatch(/interrumpida/);

  // The same file imported again, to completion, lands whole.
  const [report] = await importSources(pool, [{ fileName: "Ventas.csv", open: () => createReadStream(file) }]);
  expect(report).toMatchObject({ status: "SUCCEEDED", rowsInserted: 400_000 });
  expect((await snapshot())!.lines).toBe(before!.lines + 400_000);
}, 180_000);
