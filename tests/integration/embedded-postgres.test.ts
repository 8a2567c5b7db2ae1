// The embedded default database: data survives a restart, and two starts at once on the same
// folder end with one server (the second reuses it) rather than a corrupted data directory.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { findFreePort } from "../../lib/db/find-free-port";

const roots: string[] = [];

async function freshDataDir(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "sds-embedded-test-"));
  await chmod(root, 0o755);
  roots.push(root);
  return path.join(root, "pg");
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

describe("embedded PostgreSQL", () => {
  it("keeps data across a stop and a start", async () => {
    const dataDir = await freshDataDir();
    const options = { dataDir, port: await findFreePort(), database: "signals", persistent: true };
    const first = await startEmbeddedPostgres(options);
    expect(first.owned).toBe(true);
    await query(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
    await first.stop();

    const second = await startEmbeddedPostgres(options);
    expect(await query(second.url, "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
    await second.stop();
  });

  it("two starts at once give one server, the second reusing the first", async () => {
    const dataDir = await freshDataDir();
    const port = await findFreePort();
    const [a, b] = await Promise.all([
      startEmbeddedPostgres({ dataDir, port, database: "signals", persistent: true }),
      startEmbeddedPostgres({ dataDir, port, database: "signals", persistent: true }),
    ]);
    expect([a.owned, b.owned].sort()).toEqual([false, true]);
    expect(a.url).toBe(b.url);
    const reuser = a.owned ? b : a;
    const owner = a.owned ? a : b;
    await reuser.stop(); // a no-op: the reuser never stops someone else's server
    expect(await query(owner.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    await owner.stop();
    await expect(query(owner.url, "SELECT 1")).rejects.toThrow();
  });

  it("says clearly when the port is taken by something else", async () => {
    const dataDir = await freshDataDir();
    const other = await startEmbeddedPostgres({ dataDir: await freshDataDir(), port: await findFreePort(), database: "x", persistent: false });
    const port = Number(new URL(other.url).port);
    await expect(startEmbeddedPostgres({ dataDir, port, database: "signals", persistent: false })).rejects.toThrow(/could not start on port/);
    await other.stop();
  });
});
