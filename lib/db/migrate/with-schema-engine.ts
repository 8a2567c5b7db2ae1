// Opens a schema engine on a database for the length of one operation, then frees it and closes
// every connection it made — including the one holding the engine's own advisory lock, which
// Postgres only releases when that session ends.
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type pg from "pg";
import { createAdapterFactory } from "./create-adapter-factory";
import { openSchemaEngine } from "./load-schema-engine";
import { toMigrateError } from "./migrate-error";
import { parseDatabaseUrl, type DatabaseTarget } from "./parse-database-url";
import type { SchemaFile } from "./read-schema-files";

export interface EngineSessionOptions {
  connectionString: string;
  /** What the operation is doing, for error messages ("applying migrations"). */
  action: string;
  /** Raw JSON log lines from the engine (debugging). */
  onEngineLog?: (line: string) => void;
  /** The Prisma schema, when the operation has one: the engine reads `schemas = [...]` from it. */
  schemaFiles?: SchemaFile[];
}

export interface EngineSession {
  target: DatabaseTarget;
  /** The Postgres error of the last failed script, worded by Postgres (see create-adapter-factory). */
  lastScriptError: () => pg.DatabaseError | undefined;
}

export async function withSchemaEngine<T>(
  { connectionString, action, onEngineLog, schemaFiles }: EngineSessionOptions,
  operation: (engine: SchemaEngine, session: EngineSession) => Promise<T>,
): Promise<T> {
  const target = parseDatabaseUrl(connectionString);
  const factory = createAdapterFactory(target);
  let engine: SchemaEngine | undefined;
  try {
    engine = await openSchemaEngine(
      bindMigrationAwareSqlAdapterFactory(factory),
      onEngineLog,
      schemaFiles?.map((file) => [file.path, file.content]),
    );
    return await operation(engine, { target, lastScriptError: factory.lastScriptError });
  } catch (error) {
    throw toMigrateError(error, action);
  } finally {
    engine?.free();
    await factory.close();
  }
}

/** Prisma's schema filter (prisma.config.ts `tables.external` / `enums.external`); unused here. */
export const NO_EXTERNAL_ENTITIES = { externalTables: [], externalEnums: [] };
