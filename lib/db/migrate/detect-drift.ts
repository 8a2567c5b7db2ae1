// Drift: does the live database still match the Prisma schema? Returns the SQL that would bring the
// database to the schema — empty when they agree. Catches hand-made changes (a column added in
// psql, an index dropped) and schema edits that never got a migration.
import { toMigrateError } from "./migrate-error";
import { readSchemaFiles, schemaConfigDir } from "./read-schema-files";
import { NO_EXTERNAL_ENTITIES, withSchemaEngine } from "./with-schema-engine";

export interface DetectDriftOptions {
  connectionString: string;
  schemaPath: string;
}

export interface DriftReport {
  inSync: boolean;
  /** Migration SQL from the live database to the schema; "" when in sync. */
  sql: string;
}

export async function detectDrift({ connectionString, schemaPath }: DetectDriftOptions): Promise<DriftReport> {
  const files = await readSchemaFiles(schemaPath).catch((error: unknown) => {
    throw toMigrateError(error, "reading the schema");
  });
  return withSchemaEngine(
    { connectionString, action: "comparing the database with the schema", schemaFiles: files },
    async (engine) => {
      const { exitCode, stdout } = await engine.diff({
        // `schemaDatasource` = the database the engine is connected to (the `url` target is
        // rejected by the Wasm engine: "--from-url … no longer supported").
        from: { tag: "schemaDatasource", files, configDir: schemaConfigDir(schemaPath, files) },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: true,
        filters: NO_EXTERNAL_ENTITIES,
      });
      return exitCode === 0 ? { inSync: true, sql: "" } : { inSync: false, sql: stdout ?? "" };
    },
  );
}
