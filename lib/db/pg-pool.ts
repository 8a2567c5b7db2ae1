// A plain node-postgres pool for set-based work (COPY, big SELECTs) where Prisma adds overhead.
import pg from "pg";

// NUMERIC and BIGINT arrive as JavaScript numbers: our money fits in a double, our counts in 2^53.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
// DATE stays "YYYY-MM-DD" text: a business date has no time zone to get wrong.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export function createPgPool(connectionString: string, max = 4): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection dropped by the server (a restart, the embedded server stopping) must not
  // crash the process: the pool discards it and opens a new one on next use.
  pool.on("error", (error) => console.warn(`[db] idle connection closed: ${error.message}`));
  return pool;
}

export type { Pool, PoolClient } from "pg";
