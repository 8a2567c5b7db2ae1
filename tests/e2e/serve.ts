// The end-to-end server: a throwaway embedded PostgreSQL, migrated and seeded with the demo team
// and a small generated world, behind `next start` (the build made by the test script).
// Playwright starts it and stops it with SIGTERM.
import { spawn } from "node:child_process";
import path from "node:path";
import { startThrowawayPostgres } from "../../lib/db/start-throwaway-postgres";
import { prepareDatabase } from "../../lib/db/prepare-database";
import { createPrismaClient } from "../../lib/db/prisma";
import { seedDemoTeam } from "../../lib/seed/seed-demo-team";
import { seedE2eWorld } from "./seed-e2e-world";

const root = path.resolve(import.meta.dirname, "..", "..");
const port = Number(process.env.E2E_PORT ?? 3100);

async function main(): Promise<void> {
  const pg = await startThrowawayPostgres();
  const url = pg.urlFor("signals_e2e");
  const stop = async () => {
    web.kill("SIGTERM");
    await pg.stop();
    process.exit(0);
  };
  await prepareDatabase(url);
  const db = createPrismaClient(url, { max: 2 });
  await seedDemoTeam(db);
  await seedE2eWorld(db);
  await db.$disconnect();

  const web = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: url,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      // End-to-end tests exercise the deterministic explanation, never a real Gemini key from a .env.
      GEMINI_API_KEY: "",
    },
  });
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  web.on("exit", () => void pg.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
