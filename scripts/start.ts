// `npm start`: the product with demo data on the embedded default database.
//   1. PostgreSQL: DATABASE_URL, or the embedded server under .data/pg (started, or reused if running)
//   2. migrations + reference data + the demo team
//   3. the demo world (generated and imported once, when the database has no sales yet)
//   4. next build when sources changed, then next start on PORT (default 3000)
// Ctrl-C stops the web server and, if this process started it, PostgreSQL.
import { spawn } from "node:child_process";
import path from "node:path";
import { env } from "../lib/env";
import { prepareDatabase } from "../lib/db/prepare-database";
import { PROJECT_ROOT, resolveDatabase } from "../lib/db/resolve-database";
import { createPrismaClient } from "../lib/db/prisma";
import { seedDemoTeam } from "../lib/seed/seed-demo-team";
import { DEMO_ADMIN, DEMO_DELEGATES, DEMO_MANAGERS, DEMO_PASSWORD } from "../lib/seed/demo-team";
import { ensureNextBuild } from "./lib/next-build";
import { portInUse } from "./lib/port-in-use";
import { resolveAuthSecret } from "./lib/auth-secret";
import { demoToday, ensureDemoWorld } from "./lib/demo-data";
import { NEXT_SERVER_NODE_FLAGS } from "./lib/next-server-flags";

const log = (line: string) => console.log(`[signals] ${line}`);

function printLogins(port: number): void {
  log(`Listo: http://localhost:${port}`);
  log(`Accesos de demostración (contraseña para todos: ${DEMO_PASSWORD}):`);
  log(`  administración  ${DEMO_ADMIN.email}`);
  for (const manager of DEMO_MANAGERS) log(`  gerente         ${manager.email}`);
  for (const delegate of DEMO_DELEGATES.slice(0, 3)) log(`  delegado        ${delegate.email}`);
  log(`  … y ${DEMO_DELEGATES.length - 3} delegados más (véase README.md).`);
}

async function main(): Promise<void> {
  const config = env();
  const dev = process.argv.includes("--dev");
  if (await portInUse(config.PORT)) {
    console.error(
      `[signals] El puerto ${config.PORT} ya está en uso: Smart Demand Signals (u otro programa) ya está en marcha. ` +
        `Abre http://localhost:${config.PORT} o detén el otro proceso; para otro puerto, PORT=3001 npm start.`,
    );
    process.exitCode = 1;
    return;
  }

  const database = await resolveDatabase(log);
  let web: ReturnType<typeof spawn> | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (web && web.exitCode === null) {
      web.kill("SIGTERM");
      await new Promise((resolve) => web!.once("exit", resolve));
    }
    await database.release();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  let businessToday = config.SIGNALS_TODAY;
  try {
    await prepareDatabase(database.url, log);
    const db = createPrismaClient(database.url, { max: 4 });
    try {
      await seedDemoTeam(db);
      await ensureDemoWorld(db, database.url, log);
      businessToday ??= await demoToday(db);
      if (businessToday) log(`Fecha de trabajo del mundo de demostración: ${businessToday} (SIGNALS_TODAY).`);
    } finally {
      await db.$disconnect();
    }
    if (!dev) ensureNextBuild(PROJECT_ROOT, log);
  } catch (error) {
    console.error(`[signals] ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
    return;
  }

  const nextBin = path.join(PROJECT_ROOT, "node_modules/next/dist/bin/next");
  web = spawn(process.execPath, [...(dev ? [] : NEXT_SERVER_NODE_FLAGS), nextBin, dev ? "dev" : "start", "-p", String(config.PORT)], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: resolveAuthSecret(PROJECT_ROOT, config.NEXTAUTH_SECRET),
      NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
      ...(businessToday ? { SIGNALS_TODAY: businessToday } : {}),
    },
  });
  web.once("spawn", () => setTimeout(() => printLogins(config.PORT), 1500));
  web.once("exit", (code) => void shutdown(code ?? 0));
}

void main();
