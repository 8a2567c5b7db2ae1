// One PostgreSQL session per computation: the daily-activity temp table lives in a session, and a
// REPEATABLE READ transaction makes every snapshot of a training set see the same sales, even while
// an import runs. Settings are SET LOCAL and the temp table is ON COMMIT DROP, so a pooled
// connection goes back exactly as it came.
import pg from "pg";
import type { FeatureSource } from "./types";

/** By shape rather than instanceof: a pool from another copy of `pg` must not be taken for a client. */
function isPool(source: pg.Pool | pg.ClientBase): source is pg.Pool {
  return "totalCount" in source && "idleCount" in source;
}

async function acquire(source: FeatureSource): Promise<{ client: pg.ClientBase; release: (error?: unknown) => Promise<void> }> {
  if (typeof source === "string") {
    const client = new pg.Client({ connectionString: source });
    await client.connect();
    return { client, release: () => client.end() };
  }
  if (isPool(source)) {
    const client = await source.connect();
    // A connection that failed mid-statement is discarded rather than handed to the next caller.
    return { client, release: async (error) => client.release(error instanceof Error ? error : undefined) };
  }
  return { client: source, release: async () => {} };
}

export interface ReadSessionOptions {
  /** An exported snapshot (pg_export_snapshot() of a session still open): see exactly what it sees. */
  snapshot?: string;
}

export async function withReadSession<T>(
  source: FeatureSource,
  work: (client: pg.ClientBase) => Promise<T>,
  options: ReadSessionOptions = {},
): Promise<T> {
  const { client, release } = await acquire(source);
  let failure: unknown;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    try {
      if (options.snapshot) await client.query(`SET TRANSACTION SNAPSHOT ${pg.escapeLiteral(options.snapshot)}`);
      // Aggregations over a million daily rows spill to disk with the 4 MB default.
      await client.query("SET LOCAL work_mem = '256MB'");
      // JIT compiling these wide queries costs more than it saves at this size.
      await client.query("SET LOCAL jit = off");
      // Row estimates after GROUP BY … HAVING are poor, and a nested loop chosen on a guess of 500 rows
      // over 80,000 real ones takes minutes; every join here is a bulk join.
      await client.query("SET LOCAL enable_nestloop = off");
      // Sort-based grouping: the lines come ordered from the (client_id, family_code, date) index, and
      // that one order then serves the daily GROUP BY, the gap window and the per-pair GROUP BY
      // (a hash aggregate would need a fresh sort after it: ~40 % more CPU at 2 M lines).
      await client.query("SET LOCAL enable_hashagg = off");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      failure = error;
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    await release(failure);
  }
}
