import { readFile, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createMigration } from "./create-migration";
import { startThrowawayPostgres, type ThrowawayPostgres } from "@/lib/db/start-throwaway-postgres";
import { createScratchProject, query, SCHEMA_V1, SCHEMA_V2, type ScratchProject } from "./test-fixtures";
import { nextMigrationTimestamp, slugifyMigrationName } from "./write-migration";

let server: ThrowawayPostgres;
let project: ScratchProject;

beforeAll(async () => {
  server = await startThrowawayPostgres({ parentDir: os.tmpdir() });
  project = await createScratchProject();
});

afterAll(async () => {
  await server?.stop();
  await project?.remove();
});

const create = (name: string) =>
  createMigration({
    connectionString: server.connectionString,
    schemaPath: project.schemaPath,
    migrationsDir: project.migrationsDir,
    name,
  });

describe("createMigration (≙ prisma migrate dev --create-only)", () => {
  test("creates the first migration from a schema with an enum, tables, a foreign key and indexes", async () => {
    await project.writeSchema(SCHEMA_V1);
    const { path: folder, name } = await create("Init");

    expect(name).toMatch(/^\d{14}_init$/);
    expect(folder).toBe(path.join(project.migrationsDir, name!));
    const sql = await readFile(path.join(folder!, "migration.sql"), "utf8");
    expect(sql).toContain(`CREATE TYPE "Role" AS ENUM ('ADMIN', 'MANAGER', 'DELEGATE');`);
    expect(sql).toContain(`CREATE TABLE "User"`);
    expect(sql).toContain(`CREATE TABLE "Client"`);
    expect(sql).toContain(`CREATE UNIQUE INDEX "User_email_key" ON "User"("email");`);
    expect(sql).toContain(`CREATE INDEX "Client_province_idx" ON "Client"("province");`);
    expect(sql).toMatch(/ALTER TABLE "Client" ADD CONSTRAINT "Client_ownerId_fkey" FOREIGN KEY \("ownerId"\) REFERENCES "User"\("id"\)/);
    // Replayed on a shadow database that already has `public`, as with Prisma: no CREATE SCHEMA.
    expect(sql).not.toContain("CREATE SCHEMA");
    expect(await readFile(path.join(project.migrationsDir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
  });

  test("creates nothing when the schema has not changed", async () => {
    const logged: string[] = [];
    const result = await createMigration({
      connectionString: server.connectionString,
      schemaPath: project.schemaPath,
      migrationsDir: project.migrationsDir,
      name: "nothing",
      log: (line) => logged.push(line),
    });
    expect(result).toEqual({ path: null, name: null });
    expect(logged.join("\n")).toMatch(/No schema changes/);
    expect(await readdir(project.migrationsDir)).toHaveLength(2); // init + lock file
  });

  test("a schema change yields a second migration with only the delta", async () => {
    await project.writeSchema(SCHEMA_V2);
    const { path: folder, name } = await create("add last order date");

    expect(name).toMatch(/^\d{14}_add_last_order_date$/);
    const sql = await readFile(path.join(folder!, "migration.sql"), "utf8");
    expect(sql).toContain(`ALTER TABLE "Client" ADD COLUMN     "lastOrderAt" TIMESTAMP(3);`);
    expect(sql).toContain(`CREATE INDEX "Client_lastOrderAt_idx" ON "Client"("lastOrderAt");`);
    expect(sql).not.toMatch(/CREATE TYPE|CREATE TABLE|FOREIGN KEY|Client_province_idx/);
    const folders = (await readdir(project.migrationsDir)).filter((entry) => entry !== "migration_lock.toml").sort();
    expect(folders).toHaveLength(2);
    expect(folders[1]).toBe(name); // sorts (= applies) after init, even when created in the same second
  });

  test("drops its shadow databases and leaves the server's own database untouched", async () => {
    const databases = await query<{ datname: string }>(server.connectionString, "SELECT datname FROM pg_database");
    expect(databases.map((d) => d.datname).filter((name) => name.includes("shadow"))).toEqual([]);
    const tables = await query(server.connectionString, "SELECT 1 FROM pg_tables WHERE schemaname = 'public'");
    expect(tables).toEqual([]);
  });

  test("refuses schema errors with the engine's message", async () => {
    await project.writeSchema(SCHEMA_V2.replace("String   @unique", "Strin   @unique"));
    await expect(create("broken")).rejects.toThrow(/Strin/);
    await project.writeSchema(SCHEMA_V2);
  });
});

describe("migration names", () => {
  test("are slugified like Prisma's", () => {
    expect(slugifyMigrationName("Añadir alertas de cliente!")).toBe("anadir_alertas_de_cliente");
    expect(() => slugifyMigrationName("¿?")).toThrow(/not a usable migration name/);
  });

  test("get a timestamp after the newest existing migration, even with a clock behind", () => {
    const now = new Date(Date.UTC(2025, 0, 1, 12, 0, 0));
    expect(nextMigrationTimestamp([], now)).toBe("20250101120000");
    expect(nextMigrationTimestamp(["20250101120000_init"], now)).toBe("20250101120001");
    expect(nextMigrationTimestamp(["20251231235959_future"], now)).toBe("20260101000000");
  });
});
