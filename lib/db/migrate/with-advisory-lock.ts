// Serialises deploys across processes with a PostgreSQL session-level advisory lock.
//
// The engine also takes Prisma's own lock (pg_advisory_lock(72707369)) — which keeps us compatible
// with a real `prisma migrate deploy` running at the same time — but it takes it on one connection
// of a pool and never releases it explicitly (only closing the pool does), and it covers only the
// engine's part. This lock is held on a dedicated connection around the whole operation (reading
// the folder, applying), waits as long as needed, tells the caller it is waiting, and is dropped
// by Postgres if the process dies. Its key differs from Prisma's on
// purpose: the engine in this same process must still be able to take 72707369 while we hold ours.
// (Advisory locks are per database, so deploys to different databases never wait for each other.)
import pg from "pg";
import type { DatabaseTarget } from "./parse-database-url";

/** First 8 bytes of sha256("smart-demand-signals:db-migrate") as a signed bigint. */
export const MIGRATION_LOCK_KEY = "4664255778949053959";

export async function withAdvisoryLock<T>(
  target: DatabaseTarget,
  operation: () => Promise<T>,
  onWait: () => void = () => {},
): Promise<T> {
  const client = new pg.Client(target.pgConfig);
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [
      MIGRATION_LOCK_KEY,
    ]);
    if (!rows[0].locked) {
      onWait();
      await client.query("SELECT pg_advisory_lock($1::bigint)", [MIGRATION_LOCK_KEY]);
    }
    try {
      return await operation();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1::bigint)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}
