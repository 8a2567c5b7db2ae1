// `prisma migrate status`: how the database's migration history compares with the folder.
import type { HistoryDiagnostic } from "@prisma/schema-engine-wasm";
import pg from "pg";
import type { DatabaseTarget } from "./parse-database-url";
import { readMigrations } from "./read-migrations";
import { NO_EXTERNAL_ENTITIES, withSchemaEngine } from "./with-schema-engine";

export interface MigrationStatusOptions {
  connectionString: string;
  migrationsDir: string;
}

export interface MigrationStatus {
  /** Migration folders found locally, in apply order. */
  local: string[];
  /** Migrations the database recorded as successfully applied (and not rolled back). */
  applied: string[];
  /** Local migrations not applied yet — what `deployMigrations` would apply. */
  pending: string[];
  /** Migrations that failed and block deploys until resolved. */
  failed: string[];
  /** Applied migrations whose migration.sql changed since (checksum mismatch). */
  edited: string[];
  /** Migrations recorded in the database but missing from the folder. */
  missingLocally: string[];
  hasMigrationsTable: boolean;
  /** Nothing pending, failed, edited or missing. */
  upToDate: boolean;
}

export async function migrationStatus({ connectionString, migrationsDir }: MigrationStatusOptions): Promise<MigrationStatus> {
  return withSchemaEngine({ connectionString, action: "reading the migration status" }, async (engine, { target }) => {
    const migrationsList = await readMigrations(migrationsDir);
    const diagnosis = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: NO_EXTERNAL_ENTITIES,
    });
    const { pending, missingLocally } = splitHistory(diagnosis.history);
    const status: Omit<MigrationStatus, "upToDate"> = {
      local: migrationsList.migrationDirectories.map((m) => m.path),
      applied: diagnosis.hasMigrationsTable ? await readAppliedMigrations(target) : [],
      pending,
      failed: diagnosis.failedMigrationNames,
      edited: diagnosis.editedMigrationNames,
      missingLocally,
      hasMigrationsTable: diagnosis.hasMigrationsTable,
    };
    const upToDate = [status.pending, status.failed, status.edited, status.missingLocally].every((l) => l.length === 0);
    return { ...status, upToDate };
  });
}

function splitHistory(history: HistoryDiagnostic | null): { pending: string[]; missingLocally: string[] } {
  if (!history) return { pending: [], missingLocally: [] };
  switch (history.diagnostic) {
    case "databaseIsBehind":
      return { pending: history.unappliedMigrationNames, missingLocally: [] };
    case "migrationsDirectoryIsBehind":
      return { pending: [], missingLocally: history.unpersistedMigrationNames };
    case "historiesDiverge":
      return { pending: history.unappliedMigrationNames, missingLocally: history.unpersistedMigrationNames };
  }
}

// The engine only reports differences; the list of applied migrations comes from Prisma's table.
async function readAppliedMigrations(target: DatabaseTarget): Promise<string[]> {
  const client = new pg.Client(target.pgConfig);
  await client.connect();
  try {
    const table = `"${target.schema.replaceAll('"', '""')}"."_prisma_migrations"`;
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM ${table}
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
        ORDER BY started_at, migration_name`,
    );
    return rows.map((row) => row.migration_name);
  } finally {
    await client.end();
  }
}
