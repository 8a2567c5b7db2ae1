// One error type for everything the runner reports, with the engine's message cleaned up.
//
// Engine errors arrive as Errors whose message ends with a Rust span trace ("   0: schema_engine_wasm::…
// at schema-engine/…rs:242"), useful to Prisma's developers but noise to ours; the full original
// stays available as `cause`.
import { panicMessage } from "./load-schema-engine";

export class MigrateError extends Error {
  override name = "MigrateError";
  /** Prisma error code (P3009: failed migrations block deploys, …) or Postgres SQLSTATE, when known. */
  readonly code?: string;

  constructor(message: string, options: { code?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = options.code;
  }
}

export function toMigrateError(error: unknown, action: string): MigrateError {
  if (error instanceof MigrateError) return error;
  const panic = panicMessage(error);
  if (panic) return new MigrateError(`The schema engine crashed while ${action}: ${panic}`, { cause: error });
  const raw = error instanceof Error ? error.message : String(error);
  const message = stripSpanTrace(raw);
  const ownCode = (error as { code?: unknown })?.code;
  const code = typeof ownCode === "string" ? ownCode : /\bP\d{4}\b/.exec(raw)?.[0];
  return new MigrateError(message || `Unknown error while ${action}.`, { code, cause: error });
}

function stripSpanTrace(message: string): string {
  const traceStart = message.search(/\n\s*0: [a-z_]+::/);
  return (traceStart === -1 ? message : message.slice(0, traceStart)).trim();
}

/**
 * A migration failed while deploying. Worded like Prisma's P3018, naming the migration and quoting
 * Postgres' own error (the engine rewords some, e.g. "No such table: X"), with what to do next.
 */
export function failedMigrationError(
  engineError: unknown,
  databaseError?: { message: string; code?: string },
): MigrateError | undefined {
  const raw = engineError instanceof Error ? engineError.message : String(engineError);
  const migration = /migration_name="([^"]+)"/.exec(raw)?.[1];
  if (!migration) return undefined;
  const reason = databaseError
    ? `${databaseError.message}${databaseError.code ? ` (SQLSTATE ${databaseError.code})` : ""}`
    : stripSpanTrace(raw);
  return new MigrateError(
    `Migration \`${migration}\` failed to apply; its changes were rolled back and it is recorded as failed in _prisma_migrations.\n` +
      `Database error: ${reason}\n` +
      "New migrations cannot be applied until it is resolved: fix the database or the migration, then mark it " +
      "rolled back (or applied) — see https://pris.ly/d/migrate-resolve.",
    { code: "P3018", cause: engineError },
  );
}
