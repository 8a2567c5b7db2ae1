// The demo world for `npm start`: generated and imported once, when the database has no sales.
import path from "node:path";
import type { Db } from "../../lib/db/prisma";
import { createPgPool } from "../../lib/db/pg-pool";
import { PROJECT_ROOT } from "../../lib/db/resolve-database";
import { DEMO_UNTIL, loadDemoWorld } from "../../lib/demo-world/load-demo-world";
import { formatImportReport } from "../../lib/import/format-report";
import { createProgressLine } from "./progress-bar";
import { runPipeline } from "../../lib/pipeline/run-pipeline";
import { pipelineHooks } from "../../lib/pipeline/pipeline-hooks";

export const DEMO_DIR = path.join(PROJECT_ROOT, ".data", "demo-world");

export async function importDemoWorld(url: string, log: (line: string) => void, scale = 1): Promise<void> {
  const pool = createPgPool(url, 3);
  const line = createProgressLine();
  try {
    log(`Generando e importando el mundo de demostración (escala ${scale})…`);
    const reports = await loadDemoWorld(pool, {
      dir: DEMO_DIR,
      scale,
      onGenerateProgress: (fraction, lines) => line.update(`generando: ${lines.toLocaleString("es-ES")} líneas`, fraction),
      onImportProgress: (p) =>
        line.update(`importando ${p.fileName}: ${p.phase === "merging" ? "consolidando…" : `${p.rows.toLocaleString("es-ES")} filas`}`, p.fraction),
    });
    line.done();
    log(formatImportReport(reports));
    if (reports.some((r) => r.status === "FAILED")) throw new Error("La importación del mundo de demostración falló.");
  } finally {
    await pool.end();
  }
}

/** Runs the pipeline once when there are sales but no scores yet (a fresh demo database). */
export async function ensureScores(db: Db, url: string, log: (line: string) => void): Promise<void> {
  if ((await db.score.count()) > 0 || (await db.salesLine.count()) === 0) return;
  log("Primera ejecución del motor de señales (entrenar, puntuar, explicar, generar alertas)…");
  const pool = createPgPool(url, 4);
  const line = createProgressLine();
  try {
    await runPipeline(pool, {
      trigger: "CLI",
      ...(await pipelineHooks(url)),
      onProgress: (p) => line.update(`motor: ${p.step}`, p.fraction),
      log: (text) => {
        line.done();
        log(text);
      },
    });
  } finally {
    line.done();
    await pool.end();
  }
}

/** Setting that marks a database holding the generated demo world, with the world's "today". */
export const DEMO_TODAY_SETTING = "demo.today";

export async function ensureDemoWorld(db: Db, url: string, log: (line: string) => void): Promise<void> {
  const lines = await db.salesLine.count();
  if (lines > 0) log(`Datos presentes: ${lines.toLocaleString("es-ES")} líneas de venta.`);
  else {
    await importDemoWorld(url, log);
    await markDemoWorld(db);
  }
  await ensureScores(db, url, log);
}

export async function markDemoWorld(db: Db): Promise<void> {
  await db.setting.upsert({ where: { key: DEMO_TODAY_SETTING }, create: { key: DEMO_TODAY_SETTING, value: DEMO_UNTIL }, update: { value: DEMO_UNTIL } });
}

/** The demo world's date when this database holds it (the web server then treats it as today). */
export async function demoToday(db: Db): Promise<string | undefined> {
  const setting = await db.setting.findUnique({ where: { key: DEMO_TODAY_SETTING } });
  return typeof setting?.value === "string" ? setting.value : undefined;
}
