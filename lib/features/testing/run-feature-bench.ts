// Times the feature engine on one database: three single as-of dates, one label set, and a
// training set over 12 month-ends. Reports wall time and CPU time — PostgreSQL's backend (read
// from /proc, so only on the machine running the server) and this process — because on a shared
// machine wall time mostly measures the neighbours.
import { readFileSync } from "node:fs";
import pg from "pg";
import { buildTrainingSet } from "../build-training-set";
import { computeFeatures } from "../compute-features";
import { computeLabels } from "../compute-labels";

export async function runFeatureBench(url: string, log: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
  const backendCpu = () => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, clock ticks of 10 ms
    } catch {
      return NaN;
    }
  };
  const measure = async <T>(label: string, run: () => Promise<T>, describe: (r: T) => string) => {
    const load = readFileSync("/proc/loadavg", "utf8").split(" ")[0];
    const [pg0, node0, t0] = [backendCpu(), process.cpuUsage(), performance.now()];
    const result = await run();
    const wall = (performance.now() - t0) / 1000;
    const node = process.cpuUsage(node0);
    log(`${label}: ${describe(result)} | wall ${wall.toFixed(2)} s, postgres CPU ${(backendCpu() - pg0).toFixed(2)} s, ` +
      `node CPU ${((node.user + node.system) / 1e6).toFixed(2)} s, load average ${load}`);
  };
  try {
    for (const asOf of ["2025-06-30", "2025-12-29", "2025-06-30"]) {
      await measure(`computeFeatures(${asOf})`, () => computeFeatures(client, asOf), (m) => `${m.keys.length} rows × ${m.names.length} features`);
    }
    await measure("computeLabels(2025-06-30)", () => computeLabels(client, "2025-06-30"), (l) => `${l.keys.length} rows`);
    const snapshots = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2024, 6 + i, 0)).toISOString().slice(0, 10));
    await measure(
      `buildTrainingSet(12 month-ends ${snapshots[0]} … ${snapshots[11]})`,
      () => buildTrainingSet(client, snapshots, {
        onProgress: (p) => log(`  snapshot ${p.index + 1}/${p.total} ${p.asOf}: ${p.rows} rows in ${(p.ms / 1000).toFixed(2)} s`),
      }),
      (set) => `${set.keys.length} rows, shared preparation ${(set.timings.prepareMs / 1000).toFixed(2)} s`,
    );
  } finally {
    await client.end();
  }
}
