// A disposable PostgreSQL server for tests, the end-to-end server and migration authoring on a
// machine without a database: its own temporary folder, a free port, deleted on stop.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { findFreePort } from "@/lib/db/find-free-port";

export interface ThrowawayPostgres {
  /** URL of the `postgres` maintenance database; `urlFor` gives another database on the same server. */
  connectionString: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export async function startThrowawayPostgres(
  options: { parentDir?: string; settings?: Record<string, string> } = {},
): Promise<ThrowawayPostgres> {
  const root = await mkdtemp(path.join(options.parentDir ?? os.tmpdir(), "sds-pg-"));
  // mkdtemp makes the folder private; as root, postgres runs as another user who must enter it.
  await chmod(root, 0o755);
  try {
    const server = await startEmbeddedPostgres({
      dataDir: path.join(root, "data"),
      port: await findFreePort(),
      database: "postgres",
      persistent: false,
      // Durability buys nothing for a server deleted on stop; speed does.
      settings: { fsync: "off", synchronous_commit: "off", full_page_writes: "off", ...options.settings },
    });
    let stopped: Promise<void> | undefined;
    return {
      connectionString: server.url,
      urlFor: server.urlFor,
      stop: () =>
        (stopped ??= (async () => {
          await server.stop();
          await rm(root, { recursive: true, force: true });
        })()),
    };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}
