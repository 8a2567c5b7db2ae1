import os from "node:os";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createMigration } from "./create-migration";
import { deployMigrations } from "./deploy-migrations";
import { detectDrift } from "./detect-drift";
import { startThrowawayPostgres, type ThrowawayPostgres } from "@/lib/db/start-throwaway-postgres";
import { createScratchProject, query, SCHEMA_V1, SCHEMA_V2, type ScratchProject } from "./test-fixtures";

let server: ThrowawayPostgres;
let project: ScratchProject;
let url: string;

beforeAll(async () => {
  server = await startThrowawayPostgres({ parentDir: os.tmpdir() });
  project = await createScratchProject();
  await project.writeSchema(SCHEMA_V1);
  await createMigration({ connectionString: server.connectionString, schemaPath: project.schemaPath, migrationsDir: project.migrationsDir, name: "init" });
  url = server.urlFor("drift");
  await deployMigrations({ connectionString: url, migrationsDir: project.migrationsDir });
});

afterAll(async () => {
  await server?.stop();
  await project?.remove();
});

const drift = () => detectDrift({ connectionString: url, schemaPath: project.schemaPath });

describe("detectDrift (live database vs schema)", () => {
  test("a freshly migrated database is in sync (Prisma's own _prisma_migrations table is not drift)", async () => {
    expect(await drift()).toEqual({ inSync: true, sql: "" });
  });

  test("a change made by hand in the database is drift, with the SQL that undoes it", async () => {
    await query(url, `ALTER TABLE "Client" ADD COLUMN "notes" TEXT; DROP INDEX "Client_province_idx"`);
    const report = await drift();
    expect(report.inSync).toBe(false);
    expect(report.sql).toContain(`ALTER TABLE "Client" DROP COLUMN "notes";`);
    expect(report.sql).toContain(`CREATE INDEX "Client_province_idx" ON "Client"("province");`);
    await query(url, `ALTER TABLE "Client" DROP COLUMN "notes"; CREATE INDEX "Client_province_idx" ON "Client"("province")`);
    expect((await drift()).inSync).toBe(true);
  });

  test("a schema edit without a migration is drift too", async () => {
    await project.writeSchema(SCHEMA_V2);
    const report = await drift();
    expect(report.inSync).toBe(false);
    expect(report.sql).toContain(`ADD COLUMN     "lastOrderAt" TIMESTAMP(3)`);
    expect(report.sql).not.toContain("CREATE TABLE");
  });
});
