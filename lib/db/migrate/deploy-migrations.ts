// `prisma migrate deploy` without the native engine: applies every pending migration of the
// folder, in name order, recording each in Prisma's own `_prisma_migrations` table (checksum =
// sha256 of migration.sql), so the real Prisma CLI sees the same history.
//
// The engine runs each migration.sql as one script; our adapter sends it as a single simple query,
// which Postgres executes as one implicit transaction. A failing migration is therefore rolled back,
// recorded as failed (with the database error in `logs`) and, as with Prisma, blocks every later
// deploy (P3009) until someone resolves it.
import { ensureDatabase } from "./ensure-database";
import { failedMigrationError, toMigrateError } from "./migrate-error";
import { parseDatabaseUrl } from "./parse-database-url";
import { readMigrations } from "./read-migrations";
import { readSchemaFiles } from "./read-schema-files";
import { withAdvisoryLock } from "./with-advisory-lock";
import { NO_EXTERNAL_ENTITIES, withSchemaEngine } from "./with-schema-engine";

export interface DeployMigrationsOptions {
  connectionString: string;
  migrationsDir: string;
  /** Optional: lets the engine see `schemas = [...]` of a multi-schema datasource. */
  schemaPath?: string;
  /** Progress lines for a CLI ("Applied 20250101000000_init"). The library itself never prints. */
  log?: (line: string) => void;
}

export interface DeployMigrationsResult {
  /** Folder names of the migrations applied by this call, in order; empty when up to date. */
  applied: string[];
}

export async function deployMigrations({
  connectionString,
  migrationsDir,
  schemaPath,
  log = () => {},
}: DeployMigrationsOptions): Promise<DeployMigrationsResult> {
  try {
    const target = parseDatabaseUrl(connectionString);
    if (await ensureDatabase(target)) log(`Created database "${target.pgConfig.database}".`);
    const schemaFiles = schemaPath ? await readSchemaFiles(schemaPath) : undefined;

    return await withAdvisoryLock(
      target,
      () =>
        withSchemaEngine(
          { connectionString, action: "applying migrations", schemaFiles },
          async (engine, { lastScriptError }) => {
            // Read the folder only once we hold the lock: a deploy that waited sees the latest state.
            const migrationsList = await readMigrations(migrationsDir);
            try {
              const { appliedMigrationNames } = await engine.applyMigrations({
                migrationsList,
                filters: NO_EXTERNAL_ENTITIES,
              });
              for (const name of appliedMigrationNames) log(`Applied ${name}`);
              return { applied: appliedMigrationNames };
            } catch (error) {
              throw failedMigrationError(error, lastScriptError()) ?? error;
            }
          },
        ),
      () => log("Another deploy is running on this database; waiting for it to finish…"),
    );
  } catch (error) {
    throw toMigrateError(error, "applying migrations");
  }
}
