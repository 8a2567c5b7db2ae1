// Turns a `postgresql://` URL into discrete `pg` connection fields.
//
// Why not hand `pg` the connection string: when a config has `connectionString`, pg lets the
// string win over every discrete field, so `{ connectionString, database: "shadow" }` silently
// connects to the real database (STACK.md §3.2, pitfall 4). Every connection this runner opens is
// therefore built from these fields, and the shadow database only changes `database`.
import type { ClientConfig } from "pg";

export interface DatabaseTarget {
  /** Discrete pg fields; safe to spread and override `database`. */
  pgConfig: ClientConfig & { host: string; port: number; database: string };
  /** Postgres schema Prisma manages (`?schema=`), `public` by default. */
  schema: string;
}

export function parseDatabaseUrl(connectionString: string): DatabaseTarget {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    throw new Error("The database URL is not a valid URL (expected postgresql://user:password@host:port/database).");
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new Error(`Unsupported database URL protocol "${url.protocol}" (expected postgresql://).`);
  }
  const params = url.searchParams;
  // `?host=/var/run/postgresql` is how libpq URLs point at a Unix socket directory.
  const host = params.get("host") ?? (decodeURIComponent(url.hostname) || "localhost");
  const schema = params.get("schema") ?? "public";

  const pgConfig: DatabaseTarget["pgConfig"] = {
    host: host.startsWith("[") ? host.slice(1, -1) : host,
    port: Number(url.port || params.get("port") || 5432),
    database: decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres",
    user: decodeURIComponent(url.username) || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    ssl: sslFromMode(params.get("sslmode")),
    application_name: params.get("application_name") ?? "db-migrate",
  };
  // Unqualified DDL in migrations must land in the managed schema, as with Prisma's own engine.
  if (schema !== "public") pgConfig.options = `-c search_path="${schema.replaceAll('"', '""')}"`;
  return { pgConfig, schema };
}

function sslFromMode(mode: string | null): ClientConfig["ssl"] {
  switch (mode) {
    case null:
    case "disable":
    case "allow":
    case "prefer":
      return false;
    case "no-verify":
      return { rejectUnauthorized: false };
    default: // require, verify-ca, verify-full
      return true;
  }
}
