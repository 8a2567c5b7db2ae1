import { createPgPool } from "../../lib/db/pg-pool";
import { createPrismaClient } from "../../lib/db/prisma";
import { attributeAfterImport } from "../../lib/import/attribute-after-import";
import { sourcesFromPaths } from "../../lib/import/file-sources";
import { formatImportReport } from "../../lib/import/format-report";
import { importSources } from "../../lib/import/import-sources";
import { createProgressLine } from "../lib/progress-bar";
import { withDatabase } from "../lib/with-database";

export const summary = "import <files or folder>: load the customer's CSV exports (one transaction per file)";

export async function run(args: string[]): Promise<void> {
  if (!args.length) throw new Error("Usage: npm run signals -- import <files or folder> [...]");
  const sources = await sourcesFromPaths(args);
  const reports = await withDatabase(async (url) => {
    const pool = createPgPool(url, 3);
    const line = createProgressLine();
    try {
      const reports = await importSources(pool, sources, {
        onProgress: (p) =>
          line.update(`${p.fileName} (${p.table}): ${p.phase === "merging" ? "consolidando…" : p.phase === "waiting" ? "esperando turno…" : `${p.rows.toLocaleString("es-ES")} filas`}`, p.fraction),
      });
      const db = createPrismaClient(url, { max: 2 });
      try {
        const attributed = await attributeAfterImport(db, reports);
        if (attributed?.lines) console.log(`[signals] ${attributed.lines} compras atribuidas a alertas.`);
      } finally {
        await db.$disconnect();
      }
      return reports;
    } finally {
      line.done();
      await pool.end();
    }
  });
  console.log(formatImportReport(reports));
  if (reports.some((r) => r.status === "FAILED")) process.exitCode = 1;
}
