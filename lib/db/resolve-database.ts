// Which database a command-line process or the product uses: DATABASE_URL when set, otherwise the
// embedded default under .data/pg (started on demand, reused when already running).
import path from "node:path";
import { env } from "@/lib/env";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");
export const DEFAULT_DATABASE_NAME = "signals";

export interface ResolvedDatabase {
  url: string;
  embedded?: EmbeddedDatabase;
  /** Stops the embedded server if this process started it; no-op otherwise. */
  release(): Promise<void>;
}

export async function resolveDatabase(log: (message: string) => void = console.log): Promise<ResolvedDatabase> {
  const config = env();
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, release: async () => {} };
  const embedded = await startEmbeddedPostgres({
    dataDir: config.EMBEDDED_PG_DIR ?? path.join(PROJECT_ROOT, ".data", "pg"),
    port: config.EMBEDDED_PG_PORT,
    database: DEFAULT_DATABASE_NAME,
    persistent: true,
    log,
  });
  return { url: embedded.url, embedded, release: () => embedded.stop() };
}
