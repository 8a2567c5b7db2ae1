// Brings a database to the current schema and reference data. Run by `npm start`, the command
// line and the end-to-end server; safe to run concurrently and repeatedly.
import path from "node:path";
import { deployMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/prisma";
import { seedReferenceData } from "@/lib/seed/seed-reference-data";

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "..", "..", "prisma", "migrations");

export async function prepareDatabase(url: string, log: (line: string) => void = () => {}): Promise<void> {
  const { applied } = await deployMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR, log });
  if (applied.length) log(`Migraciones aplicadas: ${applied.join(", ")}`);
  const db = createPrismaClient(url, { max: 2 });
  try {
    await seedReferenceData(db);
  } finally {
    await db.$disconnect();
  }
}
