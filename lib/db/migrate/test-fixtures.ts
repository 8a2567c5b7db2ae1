// Shared by this folder's tests: small Prisma schemas, a scratch project folder, one-shot SQL.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** An enum, two tables, a foreign key, a unique and a plain index. */
export const SCHEMA_V1 = `datasource db {
  provider = "postgresql"
}

enum Role {
  ADMIN
  MANAGER
  DELEGATE
}

model User {
  id      Int      @id @default(autoincrement())
  email   String   @unique
  role    Role     @default(DELEGATE)
  clients Client[]
}

model Client {
  id       Int    @id @default(autoincrement())
  name     String
  province String
  ownerId  Int
  owner    User   @relation(fields: [ownerId], references: [id])

  @@index([province])
}
`;

/** V1 plus one nullable column and its index: the delta a second migration must contain. */
export const SCHEMA_V2 = SCHEMA_V1.replace(
  "  ownerId  Int\n",
  "  ownerId  Int\n  lastOrderAt DateTime?\n",
).replace("  @@index([province])\n", "  @@index([province])\n  @@index([lastOrderAt])\n");

export interface ScratchProject {
  dir: string;
  schemaPath: string;
  migrationsDir: string;
  writeSchema(content: string): Promise<void>;
  /** Adds a hand-written migration folder. */
  writeMigration(folder: string, sql: string): Promise<string>;
  remove(): Promise<void>;
}

export async function createScratchProject(): Promise<ScratchProject> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "db-migrate-test-"));
  const schemaPath = path.join(dir, "prisma", "schema.prisma");
  const migrationsDir = path.join(dir, "prisma", "migrations");
  await mkdir(path.dirname(schemaPath), { recursive: true });
  return {
    dir,
    schemaPath,
    migrationsDir,
    writeSchema: (content) => writeFile(schemaPath, content),
    async writeMigration(folder, sql) {
      const file = path.join(migrationsDir, folder, "migration.sql");
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, sql);
      return file;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export async function query<Row extends pg.QueryResultRow = Record<string, unknown>>(
  connectionString: string,
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
