import { parseArgs } from "node:util";
import { createPrismaClient } from "../../lib/db/prisma";
import { seedDemoTeam } from "../../lib/seed/seed-demo-team";
import { importDemoWorld, markDemoWorld } from "../lib/demo-data";
import { withDatabase } from "../lib/with-database";

export const summary = "demo [--scale N]: load the demo team and a generated demo world into the database";

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { scale: { type: "string", default: "1" } } });
  const scale = Number(values.scale);
  if (!(scale > 0)) throw new Error("--scale must be a positive number");
  await withDatabase(async (url) => {
    const db = createPrismaClient(url, { max: 2 });
    try {
      await seedDemoTeam(db);
      await importDemoWorld(url, (line) => console.log(`[signals] ${line}`), scale);
      await markDemoWorld(db);
    } finally {
      await db.$disconnect();
    }
  });
}
