// `npm run db:new -- <name> | db:deploy | db:status | db:drift`: Prisma Migrate without the native
// engine (see lib/db/migrate). Reads DATABASE_URL; schema at prisma/schema.prisma, migrations in
// prisma/migrations (override with --schema / --migrations).
//
// Exit codes: 0 ok · 1 error · status: 1 when not up to date · drift: 2 when the database differs.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import {
  createMigration,
  deployMigrations,
  detectDrift,
  MigrateError,
  migrationStatus,
  resolveMigration,
} from "@/lib/db/migrate";
import { startThrowawayPostgres } from "@/lib/db/start-throwaway-postgres";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");

const USAGE = `Usage: tsx scripts/db-migrate.ts <command> [options]

Commands:
  new <name>                 create prisma/migrations/<timestamp>_<name> from schema changes
                             (without DATABASE_URL: on a throwaway embedded PostgreSQL)
  deploy                     apply pending migrations to DATABASE_URL
  status                     compare DATABASE_URL's migration history with the folder
  drift                      SQL that would bring DATABASE_URL to the schema (empty: in sync)
  resolve --rolled-back <m>  after a failed migration: mark it rolled back (fix it, deploy again)
  resolve --applied <m>      ... or record it as applied, when it was completed by hand

Options:
  --schema <path>       Prisma schema (default prisma/schema.prisma)
  --migrations <dir>    migrations folder (default prisma/migrations)`;

const print = (line: string) => console.log(line);

function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: point it at the PostgreSQL database to migrate.");
  return url;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      schema: { type: "string", default: path.join(PROJECT_ROOT, "prisma", "schema.prisma") },
      migrations: { type: "string", default: path.join(PROJECT_ROOT, "prisma", "migrations") },
      "rolled-back": { type: "string" },
      applied: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...rest] = positionals;
  const schemaPath = path.resolve(values.schema);
  const migrationsDir = path.resolve(values.migrations);

  switch (command) {
    case "new": {
      const name = rest.join(" ");
      if (!name) throw new Error("Give the migration a name: tsx scripts/db-migrate.ts new <name>");
      const url = env().DATABASE_URL;
      if (url) {
        await createMigration({ connectionString: url, schemaPath, migrationsDir, name, log: print });
        return 0;
      }
      // No database configured: creating a migration only needs a server for the shadow database.
      print("DATABASE_URL is not set: using a throwaway embedded PostgreSQL for the shadow database.");
      const server = await startThrowawayPostgres({ parentDir: await scratchDir() });
      try {
        await createMigration({ connectionString: server.connectionString, schemaPath, migrationsDir, name, log: print });
      } finally {
        await server.stop();
      }
      return 0;
    }
    case "deploy": {
      const { applied } = await deployMigrations({
        connectionString: requireDatabaseUrl(),
        migrationsDir,
        // Like Prisma, read the schema when there is one (multi-schema datasources need it).
        schemaPath: existsSync(schemaPath) ? schemaPath : undefined,
        log: print,
      });
      print(applied.length === 0 ? "No pending migrations to apply." : `${applied.length} migration(s) applied.`);
      return 0;
    }
    case "status": {
      const status = await migrationStatus({ connectionString: requireDatabaseUrl(), migrationsDir });
      print(`${status.local.length} migration(s) found, ${status.applied.length} applied.`);
      const report = (label: string, names: string[]) => names.length > 0 && print(`${label}:\n  ${names.join("\n  ")}`);
      report("Not yet applied", status.pending);
      report("Failed (blocks deploys; see `resolve`)", status.failed);
      report("Edited after being applied", status.edited);
      report("Applied but missing from the folder", status.missingLocally);
      if (status.upToDate) print("Database schema is up to date!");
      return status.upToDate ? 0 : 1;
    }
    case "drift": {
      const drift = await detectDrift({ connectionString: requireDatabaseUrl(), schemaPath });
      if (drift.inSync) {
        print("No drift: the database matches the schema.");
        return 0;
      }
      print("The database differs from the schema. SQL that would bring it in line:\n");
      print(drift.sql);
      return 2;
    }
    case "resolve": {
      const rolledBack = values["rolled-back"];
      const migration = rolledBack ?? values.applied;
      if (!migration || (rolledBack && values.applied)) throw new Error("Use resolve --rolled-back <migration> or resolve --applied <migration>.");
      await resolveMigration({ connectionString: requireDatabaseUrl(), migrationsDir, migration, as: rolledBack ? "rolled-back" : "applied" });
      print(`Migration ${migration} marked as ${rolledBack ? "rolled back" : "applied"}.`);
      return 0;
    }
    default:
      print(USAGE);
      return command && !values.help ? 2 : 0;
  }
}

async function scratchDir(): Promise<string> {
  const dir = path.join(PROJECT_ROOT, "tmp");
  await mkdir(dir, { recursive: true });
  return dir;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    // A failed migration (P3018) blocks every later deploy (P3009) until it is resolved.
    if (error instanceof MigrateError && (error.code === "P3018" || error.code === "P3009")) {
      console.error("\nOnce fixed: tsx scripts/db-migrate.ts resolve --rolled-back <migration>, then deploy again.");
    }
    process.exit(1);
  },
);
