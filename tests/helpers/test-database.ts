// A fresh, migrated database for one test file, cloned from the template built by global-db.ts.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "../../lib/db/prisma";
import { seedReferenceData } from "../../lib/seed/seed-reference-data";

export interface TestDatabase {
  url: string;
  name: string;
  db: Db;
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export async function createTestDatabase(options: { referenceData?: boolean } = {}): Promise<TestDatabase> {
  const name = `sds_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplateDatabase")}`);
  const url = inject("pgAdminUrl").replace(/\/postgres$/, `/${name}`);
  const db = createPrismaClient(url, { max: 5 });
  if (options.referenceData !== false) await seedReferenceData(db);
  return {
    url,
    name,
    db,
    drop: async () => {
      await db.$disconnect();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
