// `npm run bench:import`: import throughput and memory on generated sales files of ~160k and ~1.6M
// lines (scale 1 and 10 demo worlds), each into a fresh throwaway PostgreSQL. The Ventas import runs
// in a child process so that its peak RSS is its own. Prints one line per size, e.g.
//   1618809 lines in 14.2 s: 113994 lines/s, peak RSS 190 MB
// followed by the load average and the importer's own CPU time, because on a shared machine the
// wall-clock figure says as much about the neighbours as about the importer, and PostgreSQL's CPU
// time (server processes, read from /proc). `--profile` adds the time of each kind of statement the
// import sent (wall time between sending it and its answer, summed); `--cpu-prof` writes the
// importer's V8 CPU profile under .data/bench/profiles.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { generateDemoWorld } from "../lib/demo-world/generate-demo-world";
import { createPgPool } from "../lib/db/pg-pool";
import { prepareDatabase } from "../lib/db/prepare-database";
import { startThrowawayPostgres } from "../lib/db/start-throwaway-postgres";
import { sourcesFromPaths } from "../lib/import/file-sources";
import { importSources } from "../lib/import/import-sources";
import { PROJECT_ROOT } from "../lib/db/resolve-database";

const BENCH_DIR = path.join(PROJECT_ROOT, ".data", "bench");

type StatementTimes = Map<string, { calls: number; ms: number }>;

/** Times every statement sent through node-postgres, keyed by its first words (profiling only). */
function timeStatements(): StatementTimes {
  const times: StatementTimes = new Map();
  const record = (text: string, started: number) => {
    const key = text.replace(/\s+/g, " ").trim().slice(0, 70);
    const entry = times.get(key) ?? { calls: 0, ms: 0 };
    entry.calls++;
    entry.ms += performance.now() - started;
    times.set(key, entry);
  };
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const started = performance.now();
    const query = args[0] as string | { text?: string; on?: (event: string, fn: () => void) => void };
    const result = original.apply(this, args);
    const text = typeof query === "string" ? query : (query.text ?? "COPY (stream)");
    if (result instanceof Promise) void result.then(() => record(text, started), () => undefined);
    else if (typeof query === "object" && typeof query.on === "function") query.on("finish", () => record(text, started));
    return result;
  } as typeof pg.Client.prototype.query;
  return times;
}

/** CPU seconds used by a PostgreSQL server so far: the postmaster, its live and its reaped children. */
function postgresCpuSeconds(postmasterPid: number): number {
  const ticks = 100; // USER_HZ on Linux
  const fields = (pid: number) => readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
  const main = fields(postmasterPid);
  let total = Number(main[11]) + Number(main[12]) + Number(main[13]) + Number(main[14]);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const f = fields(Number(entry));
      if (Number(f[1]) === postmasterPid) total += Number(f[11]) + Number(f[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return total / ticks;
}

async function postmasterPid(pool: pg.Pool): Promise<number | undefined> {
  const { rows } = await pool.query<{ dir: string }>("SELECT current_setting('data_directory') AS dir");
  try {
    return Number(readFileSync(path.join(rows[0]!.dir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return undefined; // not readable by this user
  }
}

async function childImport(url: string, file: string, profile: boolean): Promise<void> {
  const times = profile ? timeStatements() : undefined;
  const peak = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
  const sampler = profile
    ? setInterval(() => {
        const m = process.memoryUsage();
        for (const k of Object.keys(peak) as (keyof typeof peak)[]) peak[k] = Math.max(peak[k], m[k]);
      }, 100)
    : undefined;
  const pool = createPgPool(url, 3);
  const started = performance.now();
  const [report] = await importSources(pool, await sourcesFromPaths([file]));
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  if (!report || report.status !== "SUCCEEDED") throw new Error(report?.error ?? "import failed");
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  if (sampler) {
    clearInterval(sampler);
    process.stderr.write(`  peak memory (MB): ${Object.entries(peak).map(([k, v]) => `${k} ${Math.round(v / 2 ** 20)}`).join(", ")}\n`);
  }
  if (times) {
    const sorted = [...times.entries()].sort((a, b) => b[1].ms - a[1].ms);
    for (const [text, { calls, ms }] of sorted.slice(0, 12)) {
      process.stderr.write(`  ${(ms / 1000).toFixed(2).padStart(7)} s ${String(calls).padStart(5)}× ${text}\n`);
    }
  }
  console.log(JSON.stringify({ lines: report.rowsTotal, inserted: report.rowsInserted, seconds, maxRssMb: usage.maxRSS / 1024, cpuSeconds }));
}

async function benchScale(scale: number, profile: boolean, cpuProf: boolean): Promise<void> {
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
    const serverPid = await postmasterPid(pool);
    await pool.end();
    const loadBefore = os.loadavg()[0];
    const serverCpuBefore = serverPid ? postgresCpuSeconds(serverPid) : 0;
    const args = [import.meta.filename, "--child", url, path.join(dir, "Ventas.csv"), ...(profile ? ["--profile"] : [])];
    const v8Flags = cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${path.join(BENCH_DIR, "profiles")}`] : [];
    const child = spawnSync(process.execPath, [...v8Flags, "--import", "tsx", ...args], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    if (child.status !== 0) throw new Error(`child import failed (${child.status})`);
    const serverCpu = serverPid ? `, PostgreSQL CPU ${(postgresCpuSeconds(serverPid) - serverCpuBefore).toFixed(1)} s` : "";
    const result = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { lines: number; seconds: number; maxRssMb: number; cpuSeconds: number };
    console.log(
      `${result.lines} lines in ${result.seconds.toFixed(1)} s: ${Math.round(result.lines / result.seconds)} lines/s, peak RSS ${Math.round(result.maxRssMb)} MB`,
    );
    console.log(
      `  load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after (${os.cpus().length} cores); importer process CPU ${result.cpuSeconds.toFixed(1)} s${serverCpu}`,
    );
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === "--child") return childImport(process.argv[3]!, process.argv[4]!, process.argv[5] === "--profile");
  const profile = process.argv.includes("--profile");
  const cpuProf = process.argv.includes("--cpu-prof");
  const scales = process.argv.slice(2).map(Number).filter((n) => n > 0);
  for (const scale of scales.length ? scales : [1, 10]) await benchScale(scale, profile, cpuProf);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
