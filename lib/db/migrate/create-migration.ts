// `prisma migrate dev --create-only` without the native engine.
//
// The Wasm engine's own createMigration refuses PostgreSQL ("shadow DB must be provided through an
// external factory", STACK.md §3.2, pitfall 1), so we ask it for a diff instead: from the existing
// migrations replayed on a temporary shadow database, to the schema. That is what createMigration
// computes internally, and it yields Prisma's usual SQL (CreateEnum / CreateTable / AddForeignKey…).
// The shadow database is created on the given server and dropped afterwards; nothing else on that
// server is touched, so any Postgres where the user may CREATE DATABASE will do.
import path from "node:path";
import { toMigrateError } from "./migrate-error";
import { readMigrations } from "./read-migrations";
import { readSchemaFiles } from "./read-schema-files";
import { NO_EXTERNAL_ENTITIES, withSchemaEngine } from "./with-schema-engine";
import { nextMigrationTimestamp, slugifyMigrationName, writeMigration } from "./write-migration";

export interface CreateMigrationOptions {
  /** A server where a temporary shadow database may be created (its own database is not changed). */
  connectionString: string;
  schemaPath: string;
  migrationsDir: string;
  /** Human name, slugified: "Add alerts" → `<timestamp>_add_alerts`. */
  name: string;
  log?: (line: string) => void;
}

export interface CreateMigrationResult {
  /** Absolute path of the new migration folder, or null when the schema had no changes. */
  path: string | null;
  /** Its folder name (`<timestamp>_<name>`), or null. */
  name: string | null;
}

export async function createMigration({
  connectionString,
  schemaPath,
  migrationsDir,
  name,
  log = () => {},
}: CreateMigrationOptions): Promise<CreateMigrationResult> {
  try {
    const slug = slugifyMigrationName(name);
    const schemaFiles = await readSchemaFiles(schemaPath);
    const migrationsList = await readMigrations(migrationsDir, { assumePostgresLockFile: true });

    const script = await withSchemaEngine(
      { connectionString, action: "creating a migration", schemaFiles },
      async (engine) => {
        const { exitCode, stdout } = await engine.diff({
          from: { tag: "migrations", ...migrationsList },
          to: { tag: "schemaDatamodel", files: schemaFiles },
          script: true,
          exitCode: true, // 2 when the diff is non-empty, 0 when the schema matches the migrations
          filters: NO_EXTERNAL_ENTITIES,
        });
        return exitCode === 0 ? null : (stdout ?? "");
      },
    );

    if (script === null) {
      log("No schema changes, no migration created.");
      return { path: null, name: null };
    }
    const existing = migrationsList.migrationDirectories.map((migration) => migration.path);
    const folderName = `${nextMigrationTimestamp(existing)}_${slug}`;
    const folder = await writeMigration(migrationsDir, folderName, script);
    log(`Created ${path.relative(process.cwd(), path.join(folder, "migration.sql"))}`);
    return { path: folder, name: folderName };
  } catch (error) {
    throw toMigrateError(error, "creating a migration");
  }
}
