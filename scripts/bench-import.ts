// `npm run bench:import`: import throughput and memory on generated sales files of ~160k and ~1.6M
// lines (scale 1 and 10 demo worlds), each into a fresh throwaway PostgreSQL. The Ventas import runs
// in a child process so that its peak RSS is its own. Prints one line per size, e.g.
//   1618809 lines in 14.2 s: 113994 lines/s, peak RSS 190 MB
// followed by the load average and the importer's own CPU time, because on a shared machine the
// wall-clock figure says as much about the neighbours as about the importer.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateDemoWorld } from "../lib/demo-world/generate-demo-world";
import { createPgPool } from "../lib/db/pg-pool";
import { prepareDatabase } from "../lib/db/prepare-database";
import { startThrowawayPostgres } from "../lib/db/start-throwaway-postgres";
import { sourcesFromPaths } from "../lib/import/file-sources";
import { importSources } from "../lib/import/import-sources";
import { PROJECT_ROOT } from "../lib/db/resolve-database";

const BENCH_DIR = path.join(PROJECT_ROOT, ".data", "bench");

async function childImport(url: string, file: string): Promise<void> {
  const pool = createPgPool(url, 3);
  const started = performance.now();
  const [report] = await importSources(pool, await sourcesFromPaths([file]));
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  if (!report || report.status !== "SUCCEEDED") throw new Error(report?.error ?? "import failed");
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  console.log(JSON.stringify({ lines: report.rowsTotal, inserted: report.rowsInserted, seconds, maxRssMb: usage.maxRSS / 1024, cpuSeconds }));
}

async function benchScale(scale: number): Promise<void> {
  const dir = path.join(BENCH_DIR, `scale-${scale}`);
  if (!existsSync(path.join(dir, "Ventas.csv"))) {
    process.stderr.write(`generating the scale-${scale} world…\n`);
    await generateDemoWorld({ outDir: dir, scale });
  }
  const server = await startThrowawayPostgres();
  try {
    const url = server.urlFor("bench");
    await prepareDatabase(url);
    const pool = createPgPool(url, 2);
    const master = ["Productos.csv", "Clientes.csv", "Potencial.csv", "Campañas.csv"].map((f) => path.join(dir, f));
    await importSources(pool, await sourcesFromPaths(master));
    await pool.end();
    const loadBefore = os.loadavg()[0];
    const child = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, "--child", url, path.join(dir, "Ventas.csv")], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    if (child.status !== 0) throw new Error(`child import failed (${child.status})`);
    const result = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { lines: number; seconds: number; maxRssMb: number; cpuSeconds: number };
    console.log(
      `${result.lines} lines in ${result.seconds.toFixed(1)} s: ${Math.round(result.lines / result.seconds)} lines/s, peak RSS ${Math.round(result.maxRssMb)} MB`,
    );
    console.log(
      `  load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after (${os.cpus().length} cores); importer process CPU ${result.cpuSeconds.toFixed(1)} s`,
    );
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === "--child") return childImport(process.argv[3]!, process.argv[4]!);
  const scales = process.argv.slice(2).map(Number).filter((n) => n > 0);
  for (const scale of scales.length ? scales : [1, 10]) await benchScale(scale);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
