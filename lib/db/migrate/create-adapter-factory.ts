// The driver-adapter factory the Wasm schema engine talks to the database through.
//
// It reuses @prisma/adapter-pg for queries (same value conversions as Prisma's runtime) and fixes
// the three things that break migrations (STACK.md §3.2):
//   - `"char"` catalog columns                       → CharColumnClient + markCharColumns (pitfall 2)
//   - executeScript splits on `;`, breaking `$$` bodies and `';'` literals → the whole script goes
//     to Postgres as ONE simple query, which Postgres also runs as one implicit transaction, so a
//     failing migration leaves nothing behind (pitfall 3)
//   - the shadow database: adapter-pg's connectToShadowDb drops it while its own pool is still
//     connected ("is being accessed by other users") and, given a connection string, connects to
//     the real database instead → our own shadow built from discrete fields, dropped after its
//     pool is closed, WITH (FORCE) (pitfall 4)
// It also remembers every pool it opens: the engine does not always dispose what it connected, and
// a pool left open keeps the process alive and keeps holding the engine's advisory lock.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { CharColumnClient, markCharColumns } from "./char-column-client";
import type { DatabaseTarget } from "./parse-database-url";

export interface EngineAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Closes every pool and drops every shadow database this factory created. Idempotent. */
  close(): Promise<void>;
  /**
   * The last error Postgres raised while running a script (a migration.sql), as Postgres worded it.
   * The engine rewords some errors ("No such table: X"); deploy reports the original.
   */
  lastScriptError(): pg.DatabaseError | undefined;
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

export function createAdapterFactory(target: DatabaseTarget): EngineAdapterFactory {
  const cleanups = new Set<() => Promise<void>>();
  let lastScriptError: pg.DatabaseError | undefined;
  const onScriptError = (error: pg.DatabaseError) => {
    lastScriptError = error;
  };

  async function connectTo(database: string, afterDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
    const inner = await new PrismaPg(
      { ...target.pgConfig, database, Client: CharColumnClient } as pg.PoolConfig,
      { schema: target.schema, onPoolError: () => {} },
    ).connect();
    const dispose = once(async () => {
      cleanups.delete(dispose);
      await inner.dispose();
      await afterDispose?.();
    });
    cleanups.add(dispose);
    return wrapAdapter(inner, dispose, onScriptError);
  }

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectTo(target.pgConfig.database),
    async connectToShadowDb() {
      const shadow = `prisma_migrate_shadow_db_${randomUUID()}`;
      const drop = () => runAdminCommand(target, `DROP DATABASE IF EXISTS "${shadow}" WITH (FORCE)`);
      await runAdminCommand(target, `CREATE DATABASE "${shadow}"`);
      return connectTo(shadow, drop).catch(async (error: unknown) => {
        await drop().catch(() => {});
        throw error;
      });
    },
    async close() {
      await Promise.all([...cleanups].map((cleanup) => cleanup()));
    },
    lastScriptError: () => lastScriptError,
  };
}

function wrapAdapter(
  inner: PgAdapter,
  dispose: () => Promise<void>,
  onScriptError: (error: pg.DatabaseError) => void,
): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: async (query) => markCharColumns(await inner.queryRaw(query)),
    executeRaw: (query) => inner.executeRaw(query),
    executeScript: (script) => runScript(inner.underlyingDriver(), script, onScriptError),
    startTransaction: async (isolationLevel) => wrapTransaction(await inner.startTransaction(isolationLevel)),
    getConnectionInfo: () => inner.getConnectionInfo(),
    dispose,
  };
}

function wrapTransaction(inner: Transaction): Transaction {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    options: inner.options,
    queryRaw: async (query) => markCharColumns(await inner.queryRaw(query)),
    executeRaw: (query) => inner.executeRaw(query),
    commit: () => inner.commit(),
    rollback: () => inner.rollback(),
    createSavepoint: inner.createSavepoint?.bind(inner),
    rollbackToSavepoint: inner.rollbackToSavepoint?.bind(inner),
    releaseSavepoint: inner.releaseSavepoint?.bind(inner),
  };
}

async function runScript(
  pool: pg.Pool,
  script: string,
  onScriptError: (error: pg.DatabaseError) => void,
): Promise<void> {
  try {
    // No parameters → pg uses the simple query protocol: many statements, one implicit transaction.
    await pool.query(script);
  } catch (error) {
    if (error instanceof pg.DatabaseError) onScriptError(error);
    throw toDriverAdapterError(error);
  }
}

function toDriverAdapterError(error: unknown): unknown {
  const e = error as Partial<pg.DatabaseError>;
  if (typeof e?.code !== "string" || typeof e.message !== "string") return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: e.code,
    severity: e.severity ?? "ERROR",
    message: e.message,
    detail: e.detail,
    column: e.column,
    hint: e.hint,
  });
}

/** Runs one statement on a short-lived connection to the target database (CREATE/DROP DATABASE). */
async function runAdminCommand(target: DatabaseTarget, sql: string): Promise<void> {
  const client = new pg.Client(target.pgConfig);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
