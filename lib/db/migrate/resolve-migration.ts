// `prisma migrate resolve`: unblocks deploys after a failed migration.
//   rolled-back — the failed attempt is kept as history and ignored; the (fixed) migration is applied
//                 again by the next deploy.
//   applied     — the change was completed by hand; record it as applied without running it.
import { readMigrations } from "./read-migrations";
import { NO_EXTERNAL_ENTITIES, withSchemaEngine } from "./with-schema-engine";

export interface ResolveMigrationOptions {
  connectionString: string;
  migrationsDir: string;
  /** Folder name of the migration, e.g. `20250101000000_add_alerts`. */
  migration: string;
  as: "rolled-back" | "applied";
}

export async function resolveMigration({ connectionString, migrationsDir, migration, as }: ResolveMigrationOptions): Promise<void> {
  await withSchemaEngine({ connectionString, action: `marking ${migration} as ${as}` }, async (engine) => {
    if (as === "rolled-back") {
      await engine.markMigrationRolledBack({ migrationName: migration });
    } else {
      await engine.markMigrationApplied({ migrationName: migration, migrationsList: await readMigrations(migrationsDir) });
    }
  });
}
