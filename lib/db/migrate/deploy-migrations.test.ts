import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createMigration } from "./create-migration";
import { deployMigrations } from "./deploy-migrations";
import { migrationStatus } from "./get-migration-status";
import { MigrateError } from "./migrate-error";
import { resolveMigration } from "./resolve-migration";
import { startThrowawayPostgres, type ThrowawayPostgres } from "@/lib/db/start-throwaway-postgres";
import { createScratchProject, query, SCHEMA_V1, SCHEMA_V2, type ScratchProject } from "./test-fixtures";

let server: ThrowawayPostgres;
let project: ScratchProject;
let generated: string[]; // migration folders created from SCHEMA_V1 then SCHEMA_V2

// A trigger function (semicolons inside a $$ body), semicolons inside string literals and a
// comment, a $tag$-quoted literal: everything a naive split on ";" breaks.
const HAND_WRITTEN_SQL = `-- Trim client names; the app relies on it.
CREATE FUNCTION trim_client_name() RETURNS trigger AS $$
BEGIN
  NEW.name := btrim(NEW.name); -- strip spaces; keep the rest
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER client_name_trim BEFORE INSERT OR UPDATE ON "Client"
  FOR EACH ROW EXECUTE FUNCTION trim_client_name();

INSERT INTO "User" ("email", "role") VALUES ('a;b@example.com', 'ADMIN');
INSERT INTO "Client" ("name", "province", "ownerId")
  SELECT '  Farmacia; Centro  ', $p$Illes Balears; Menorca$p$, "id" FROM "User";
`;
const HAND_WRITTEN = "20990101000000_trim_client_names";

// First statement succeeds, second fails: the whole migration must be rolled back.
const FAILING_SQL = `CREATE TABLE "ShouldNotSurvive" ("id" INTEGER);
ALTER TABLE "DoesNotExist" ADD COLUMN "x" INTEGER;
`;
const FAILING = "20990102000000_broken";

beforeAll(async () => {
  server = await startThrowawayPostgres({ parentDir: os.tmpdir() });
  project = await createScratchProject();
  generated = [];
  for (const [schema, name] of [[SCHEMA_V1, "init"], [SCHEMA_V2, "add last order date"]] as const) {
    await project.writeSchema(schema);
    const created = await createMigration({
      connectionString: server.connectionString,
      schemaPath: project.schemaPath,
      migrationsDir: project.migrationsDir,
      name,
    });
    generated.push(created.name!);
  }
});

afterAll(async () => {
  await server?.stop();
  await project?.remove();
});

const deploy = (database: string) => deployMigrations({ connectionString: server.urlFor(database), migrationsDir: project.migrationsDir });

const sha256 = async (file: string) => createHash("sha256").update(await readFile(file)).digest("hex");

describe("deployMigrations (≙ prisma migrate deploy)", () => {
  test("applies every migration to an empty database, recording them in _prisma_migrations", async () => {
    // The database does not even exist yet: deploy creates it, as Prisma does.
    const logged: string[] = [];
    const { applied } = await deployMigrations({
      connectionString: server.urlFor("fresh"),
      migrationsDir: project.migrationsDir,
      schemaPath: project.schemaPath,
      log: (line) => logged.push(line),
    });
    expect(applied).toEqual(generated);
    expect(logged).toEqual([`Created database "fresh".`, ...generated.map((name) => `Applied ${name}`)]);

    const url = server.urlFor("fresh");
    const tables = await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    expect(tables.map((t) => t.tablename)).toEqual(["Client", "User", "_prisma_migrations"]);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; logs: string | null; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, finished_at, logs, applied_steps_count FROM _prisma_migrations ORDER BY started_at`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(generated);
    for (const row of rows) {
      expect(row.checksum).toBe(await sha256(path.join(project.migrationsDir, row.migration_name, "migration.sql")));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  test("a second deploy applies nothing", async () => {
    expect(await deploy("fresh")).toEqual({ applied: [] });
    expect(await query(server.urlFor("fresh"), "SELECT 1 FROM _prisma_migrations")).toHaveLength(generated.length);
  });

  test("applies a hand-written migration with a $$ function body and ';' inside strings", async () => {
    await project.writeMigration(HAND_WRITTEN, HAND_WRITTEN_SQL);
    expect(await deploy("fresh")).toEqual({ applied: [HAND_WRITTEN] });

    const url = server.urlFor("fresh");
    expect(await query(url, `SELECT "name", "province" FROM "Client"`)).toEqual([
      { name: "Farmacia; Centro", province: "Illes Balears; Menorca" }, // trimmed by the trigger
    ]);
    expect(await query(url, `SELECT "email" FROM "User"`)).toEqual([{ email: "a;b@example.com" }]);
  });

  test("a failing migration is rolled back, recorded as failed and blocks later deploys", async () => {
    const file = await project.writeMigration(FAILING, FAILING_SQL);
    const url = server.urlFor("fresh");

    const failure = await deploy("fresh").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrateError);
    expect((failure as MigrateError).code).toBe("P3018");
    expect((failure as MigrateError).message).toContain(`Migration \`${FAILING}\` failed to apply`);
    expect((failure as MigrateError).message).toContain(`relation "DoesNotExist" does not exist (SQLSTATE 42P01)`);

    // Rolled back: the statement before the failing one left nothing behind.
    expect(await query(url, `SELECT to_regclass('"ShouldNotSurvive"') AS t`)).toEqual([{ t: null }]);
    const [row] = await query<{ finished_at: Date | null; logs: string | null }>(
      url,
      "SELECT finished_at, logs FROM _prisma_migrations WHERE migration_name = $1",
      [FAILING],
    );
    expect(row.finished_at).toBeNull();
    expect(row.logs).toMatch(/DoesNotExist/);

    // Every later deploy refuses, with Prisma's P3009 explanation naming the migration.
    await expect(deploy("fresh")).rejects.toThrow(/found failed migrations in the target database[\s\S]*20990102000000_broken/);
    const status = await migrationStatus({ connectionString: url, migrationsDir: project.migrationsDir });
    expect(status.failed).toEqual([FAILING]);
    expect(status.upToDate).toBe(false);

    // Recovery, as with `prisma migrate resolve --rolled-back`: fix the file, mark, deploy again.
    await project.writeMigration(FAILING, `CREATE TABLE "ShouldNotSurvive" ("id" INTEGER);\n`);
    await resolveMigration({ connectionString: url, migrationsDir: project.migrationsDir, migration: FAILING, as: "rolled-back" });
    expect(await deploy("fresh")).toEqual({ applied: [FAILING] });
    expect(await sha256(file)).toBe(
      (await query<{ checksum: string }>(url, "SELECT checksum FROM _prisma_migrations WHERE migration_name = $1 AND finished_at IS NOT NULL", [FAILING]))[0].checksum,
    );
  });

  test("a database with no migrations folder yet gets an empty history", async () => {
    const result = await deployMigrations({ connectionString: server.urlFor("no_folder"), migrationsDir: `${project.dir}/absent` });
    expect(result).toEqual({ applied: [] });
  });

  test("concurrent deploys in one process apply each migration exactly once", async () => {
    const results = await Promise.all([deploy("concurrent"), deploy("concurrent"), deploy("concurrent")]);
    const applied = results.flatMap((r) => r.applied);
    expect(applied.sort()).toEqual([...generated, HAND_WRITTEN, FAILING].sort());
    const rows = await query<{ migration_name: string }>(server.urlFor("concurrent"), "SELECT migration_name FROM _prisma_migrations");
    expect(rows).toHaveLength(applied.length);
  });

  test("concurrent deploys from separate processes (the CLI) apply each migration exactly once", async () => {
    const url = server.urlFor("two_processes");
    const runs = await Promise.all([runCli(["deploy"], url), runCli(["deploy"], url)]);
    for (const run of runs) expect(run.code, run.output).toBe(0);
    const appliedLines = runs.flatMap((run) => run.output.split("\n").filter((line) => line.startsWith("Applied ")));
    expect(appliedLines.sort()).toEqual([...generated, HAND_WRITTEN, FAILING].map((name) => `Applied ${name}`).sort());
    expect(await query(url, "SELECT 1 FROM _prisma_migrations")).toHaveLength(appliedLines.length);
  });
});

const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

function runCli(args: string[], databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/db-migrate.ts", ...args, "--migrations", project.migrationsDir],
      { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: databaseUrl } },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}
