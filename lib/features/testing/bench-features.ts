// Command-line entry point of the feature-engine benchmark: a throwaway PostgreSQL under tmp/ (or
// KEEP_URL, a database already filled), synthetic sales, then the timings (see ../README.md).
// Run: npx tsx lib/features/testing/bench-features.ts [clients=20000]
import path from "node:path";
import pg from "pg";
import { startThrowawayPostgres } from "@/lib/db/start-throwaway-postgres";
import { deployMigrations } from "@/lib/db/migrate";
import { fillSyntheticSales } from "@/lib/features/testing/fill-synthetic-sales";
import { runFeatureBench } from "@/lib/features/testing/run-feature-bench";

const clients = Number(process.argv[2] ?? 20000);
let url = process.env.KEEP_URL;
let stop = async () => {};
if (!url || process.env.FILL_DB) {
  if (!url) {
    const server = await startThrowawayPostgres({ parentDir: path.resolve("tmp") });
    stop = server.stop;
    url = server.connectionString;
  }
  const db = process.env.FILL_DB ?? "bench";
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  url = url.replace(/\/[^/]*$/, `/${db}`);
  await deployMigrations({ connectionString: url, migrationsDir: path.resolve("prisma/migrations") });
  const t0 = performance.now();
  const counts = await fillSyntheticSales(url, { clients });
  console.log(`filled ${url.replace(/:[^:@]*@/, ":***@")} in ${((performance.now() - t0) / 1000).toFixed(1)} s`, counts);
}
try {
  await runFeatureBench(url, console.log);
} finally {
  await stop();
}
