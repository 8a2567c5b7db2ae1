import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Pool } from "pg";
import { createPgPool } from "../../lib/db/pg-pool";
import { sourcesFromPaths } from "../../lib/import/file-sources";
import { importSources } from "../../lib/import/import-sources";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { CAMPANAS, CLIENTES, csvSource, PRODUCTOS, VENTAS_HEADER, VENTAS_MIXED } from "../helpers/import-fixtures";

let t: TestDatabase;
let pool: Pool;

async function count(sql: string): Promise<number> {
  return (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`)).rows[0]!.n;
}

beforeAll(async () => {
  t = await createTestDatabase();
  pool = createPgPool(t.url);
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

describe("importing sales lines", () => {
  it("classifies every line, keeps unregistered clients, rejects with line, column and reason", async () => {
    const reports = await importSources(pool, [
      csvSource("Ventas.csv", VENTAS_MIXED), // dropped first on purpose: master data must still go first
      csvSource("Productos.csv", PRODUCTOS),
      csvSource("Clientes.csv", CLIENTES),
      csvSource("Campañas.csv", CAMPANAS),
    ]);
    expect(reports.map((r) => r.table)).toEqual(["productos", "clientes", "campanas", "ventas"]);
    expect(reports.every((r) => r.status === "SUCCEEDED")).toBe(true);
    const sales = reports.at(-1)!;
    expect(sales).toMatchObject({ rowsTotal: 10, rowsInserted: 7, rowsExisting: 0, rowsRejected: 3 });
    expect(sales.rowsAccepted + sales.rowsRejected).toBe(sales.rowsTotal);

    const kinds = await pool.query<{ kind: string; n: number }>(
      "SELECT kind, count(*)::int AS n FROM sales_line GROUP BY kind ORDER BY kind",
    );
    expect(Object.fromEntries(kinds.rows.map((r) => [r.kind, r.n]))).toEqual({
      PURCHASE: 4,
      RETURN: 1,
      ZERO_VALUE_REPLACEMENT: 1,
      PRICE_CORRECTION: 1,
    });
    const value = await pool.query("SELECT value FROM sales_line WHERE units = 1 AND family_code = 'C2'");
    expect(value.rows[0].value).toBe(1114.67);

    const campaign = await pool.query("SELECT date::text, in_campaign FROM sales_line WHERE kind = 'PURCHASE' ORDER BY date");
    expect(campaign.rows.map((r) => r.in_campaign)).toEqual([false, false, true, true]);

    const stranger = await pool.query(
      "SELECT c.registered, c.quality_flags, sl.client_unregistered FROM client c JOIN sales_line sl ON sl.client_id = c.id WHERE c.external_id = '777'",
    );
    expect(stranger.rows).toEqual([{ registered: false, quality_flags: ["missing_from_clientes"], client_unregistered: true }]);

    const rejected = await pool.query('SELECT line, "column", code, message FROM import_rejected_row ORDER BY line');
    expect(rejected.rows.map((r) => [r.line, r.code])).toEqual([
      [9, "unknown_product"],
      [10, "invalid_date"],
      [11, "formula_like"],
    ]);
    for (const row of rejected.rows) {
      expect(row.column).toBeTruthy();
      expect(row.message.length).toBeGreaterThan(15);
    }
    expect(rejected.rows[0].message).toContain("9999");
  });

  it("re-uploading the same file adds nothing, and says it was imported before", async () => {
    const before = await count("sales_line");
    const [report] = await importSources(pool, [csvSource("Ventas.csv", VENTAS_MIXED)]);
    expect(report).toMatchObject({ status: "SUCCEEDED", rowsInserted: 0, rowsExisting: 7, sameFileImportedBefore: true });
    expect(await count("sales_line")).toBe(before);
  });

  it("an overlapping period adds only the new lines", async () => {
    const before = await count("sales_line");
    const overlapping = [
      VENTAS_HEADER,
      '3910000005,3/15/2024,502,9001,3,"210,00"', // already there
      '3910000010,4/1/2024,501,9001,2,"140,00"', // new
      '3910000010,4/1/2024,501,9001,2,"140,00"', // an exact repeat inside the same invoice is a second line
    ].join("\n");
    const [report] = await importSources(pool, [csvSource("Ventas-abril.csv", overlapping)]);
    expect(report).toMatchObject({ rowsInserted: 2, rowsExisting: 1 });
    expect(await count("sales_line")).toBe(before + 2);
  });

  it("a file whose header is not recognised fails clearly and changes nothing", async () => {
    const before = await count("sales_line");
    const [report] = await importSources(pool, [csvSource("otra-cosa.csv", "fecha;importe\n1/1/2024;3\n")]);
    expect(report!.status).toBe("FAILED");
    expect(report!.error).toMatch(/cabecera/i);
    expect(await count("sales_line")).toBe(before);
    const row = await pool.query("SELECT status, error FROM import WHERE id = $1", [report!.importId]);
    expect(row.rows[0]).toMatchObject({ status: "FAILED" });
  });

  it("two imports at once are serialised and duplicate nothing", async () => {
    const before = await count("sales_line");
    const a = [VENTAS_HEADER, ...Array.from({ length: 300 }, (_, i) => `39200${String(i).padStart(5, "0")},5/${(i % 28) + 1}/2024,501,9001,1,"10,00"`)].join("\n");
    const b = [VENTAS_HEADER, ...Array.from({ length: 300 }, (_, i) => `39200${String(i + 150).padStart(5, "0")},5/${((i + 150) % 28) + 1}/2024,501,9001,1,"10,00"`)].join("\n");
    const [ra, rb] = await Promise.all([importSources(pool, [csvSource("a.csv", a)]), importSources(pool, [csvSource("b.csv", b)])]);
    expect(ra[0]!.status).toBe("SUCCEEDED");
    expect(rb[0]!.status).toBe("SUCCEEDED");
    expect(ra[0]!.rowsInserted + rb[0]!.rowsInserted).toBe(450);
    expect(await count("sales_line")).toBe(before + 450);
  });

  it("an exact repeat further apart than the key window takes its twin's key and adds nothing", async () => {
    const before = await count("sales_line");
    // With a window of 2 lines the fourth line is numbered as a first copy again, so its key is the
    // first line's: the chunk's straight COPY meets it, and the chunk is merged through staging.
    const text = [
      VENTAS_HEADER,
      '3910000020,6/3/2024,501,9001,1,"70,00"',
      '3910000021,6/3/2024,502,9001,2,"140,00"',
      '3910000022,6/4/2024,501,9002,1,"30,00"',
      '3910000020,6/3/2024,501,9001,1,"70,00"',
    ].join("\n");
    const [report] = await importSources(pool, [csvSource("Ventas-junio.csv", text)], { keyWindowLines: 2 });
    expect(report).toMatchObject({ status: "SUCCEEDED", rowsInserted: 3, rowsExisting: 1 });
    expect(await count("sales_line")).toBe(before + 3);
  });

  it("keeps every line's client and product, and refuses to delete a client or product that has lines", async () => {
    expect(await count("sales_line sl WHERE NOT EXISTS (SELECT 1 FROM client c WHERE c.id = sl.client_id)")).toBe(0);
    expect(await count("sales_line sl WHERE NOT EXISTS (SELECT 1 FROM product p WHERE p.id = sl.product_id)")).toBe(0);
    await expect(pool.query("DELETE FROM client WHERE external_id = '501'")).rejects.toMatchObject({ code: "23503" });
    await expect(pool.query("DELETE FROM product WHERE external_id = '9001'")).rejects.toMatchObject({ code: "23503" });
    await expect(pool.query("UPDATE client SET id = id + 100000 WHERE external_id = '501'")).rejects.toMatchObject({ code: "23503" });
    await expect(pool.query("TRUNCATE client CASCADE")).rejects.toMatchObject({ code: "23503" });
    await expect(pool.query("TRUNCATE product CASCADE")).rejects.toMatchObject({ code: "23503" });
    expect(await count("client WHERE external_id = '501'")).toBe(1);
    // Without lines, nothing holds them.
    await pool.query("INSERT INTO client (external_id, registered) VALUES ('99999', false)");
    expect((await pool.query("DELETE FROM client WHERE external_id = '99999'")).rowCount).toBe(1);
  });

  it("reads Windows-1252 files with ';' separators", async () => {
    const text = ["Id. Cliente;;Provincia", "503;15001;A Coruña", "504;01001;Álava"].join("\r\n");
    const [report] = await importSources(pool, [csvSource("Clientes-excel.csv", text, "latin1")]);
    expect(report).toMatchObject({ status: "SUCCEEDED", rowsInserted: 2 });
    const rows = await pool.query("SELECT external_id, province_code FROM client WHERE external_id IN ('503','504') ORDER BY 1");
    expect(rows.rows).toEqual([
      { external_id: "503", province_code: "15" },
      { external_id: "504", province_code: "01" },
    ]);
  });
});

const REAL = path.resolve(import.meta.dirname, "../../../shared/data/inibsa/raw/original_format");

describe.runIf(existsSync(REAL))("the customer's real master data (../shared)", () => {
  it("imports Clientes, Productos, Potencial and Campañas accounting for every row", async () => {
    const fresh = await createTestDatabase();
    const realPool = createPgPool(fresh.url);
    try {
      const reports = await importSources(realPool, await sourcesFromPaths([REAL]));
      expect(reports.map((r) => [r.table, r.status])).toEqual([
        ["productos", "SUCCEEDED"],
        ["clientes", "SUCCEEDED"],
        ["potencial", "SUCCEEDED"],
        ["campanas", "SUCCEEDED"],
      ]);
      for (const r of reports) expect(r.rowsAccepted + r.rowsRejected, r.fileName).toBe(r.rowsTotal);
      const byTable = Object.fromEntries(reports.map((r) => [r.table, r]));
      expect(byTable.productos!.rowsTotal).toBe(25);
      expect(byTable.clientes!.rowsTotal).toBe(11_031);
      expect(byTable.potencial!.rowsTotal).toBe(33_093);
      expect(byTable.campanas!.rowsTotal).toBe(10);
      // Duplicated client ids are reported, not silently merged: 11,031 rows, 10,994 distinct ids.
      const flags = (byTable.clientes!.details as { flagsByCode: Record<string, number> }).flagsByCode;
      expect((flags.duplicate_client ?? 0) + (flags.duplicate_client_conflict ?? 0)).toBe(11_031 - 10_994);
      expect(flags.duplicate_client_conflict ?? 0).toBeGreaterThan(0);
      const registered = await realPool.query("SELECT count(*)::int AS n FROM client WHERE registered");
      expect(registered.rows[0].n).toBe(10_994);
      const families = await realPool.query("SELECT family_code, count(*)::int AS n FROM product GROUP BY 1 ORDER BY 1");
      expect(families.rows).toEqual([
        { family_code: "C1", n: 6 },
        { family_code: "C2", n: 2 },
        { family_code: "T1", n: 10 },
        { family_code: "T2", n: 7 },
      ]);
    } finally {
      await realPool.end();
      await fresh.drop();
    }
  });
});

if (!existsSync(REAL)) {
  console.warn(`[import.test] ${REAL} is absent: the real-data import test is skipped.`);
}
