import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createMigration } from "./create-migration";
import { deployMigrations } from "./deploy-migrations";
import { migrationStatus } from "./get-migration-status";
import { startThrowawayPostgres, type ThrowawayPostgres } from "@/lib/db/start-throwaway-postgres";
import { createScratchProject, query, SCHEMA_V1, SCHEMA_V2, type ScratchProject } from "./test-fixtures";

let server: ThrowawayPostgres;
let project: ScratchProject;
let url: string;
const names: string[] = [];

beforeAll(async () => {
  server = await startThrowawayPostgres({ parentDir: os.tmpdir() });
  project = await createScratchProject();
  for (const [schema, name] of [[SCHEMA_V1, "init"], [SCHEMA_V2, "add last order date"]] as const) {
    await project.writeSchema(schema);
    names.push((await createMigration({ connectionString: server.connectionString, schemaPath: project.schemaPath, migrationsDir: project.migrationsDir, name })).name!);
  }
  url = server.urlFor("status");
  await query(server.connectionString, "CREATE DATABASE status");
});

afterAll(async () => {
  await server?.stop();
  await project?.remove();
});

const status = () => migrationStatus({ connectionString: url, migrationsDir: project.migrationsDir });

describe("migrationStatus (≙ prisma migrate status)", () => {
  test("on a database never migrated, everything is pending", async () => {
    expect(await status()).toEqual({
      local: names,
      applied: [],
      pending: names,
      failed: [],
      edited: [],
      missingLocally: [],
      hasMigrationsTable: false,
      upToDate: false,
    });
  });

  test("after a deploy, everything is applied and up to date", async () => {
    await deployMigrations({ connectionString: url, migrationsDir: project.migrationsDir });
    expect(await status()).toMatchObject({ applied: names, pending: [], upToDate: true, hasMigrationsTable: true });
  });

  test("a new local migration is pending", async () => {
    await project.writeMigration("20990101000000_add_note", `ALTER TABLE "Client" ADD COLUMN "note" TEXT;\n`);
    expect(await status()).toMatchObject({ pending: ["20990101000000_add_note"], upToDate: false });
  });

  test("an applied migration edited afterwards is reported", async () => {
    await deployMigrations({ connectionString: url, migrationsDir: project.migrationsDir });
    await writeFile(path.join(project.migrationsDir, names[0], "migration.sql"), "-- rewritten\n", { flag: "a" });
    expect(await status()).toMatchObject({ edited: [names[0]], pending: [], upToDate: false });
  });
});
