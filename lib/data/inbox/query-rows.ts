import "server-only";
// The inbox and alert reads run one hand-written statement each. On the web server they go through
// the node-postgres pool as named prepared statements (PostgreSQL parses and plans each text once
// per connection instead of on every request); scripts and tests may pass a Prisma client instead.
import { createHash } from "node:crypto";
import type { DbTx } from "@/lib/db/prisma";

/** A node-postgres pool or client. */
export interface PgQueryable {
  query<R>(config: { name?: string; text: string; values?: unknown[] }): Promise<{ rows: R[] }>;
}

export type SqlDb = DbTx | PgQueryable;

const names = new Map<string, string>();

/** A statement's name for PostgreSQL: derived from its text, so one name never means two texts. */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `sds_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
    if (names.size < 5_000) names.set(text, name);
  }
  return name;
}

export async function queryRows<R>(db: SqlDb, text: string, values: unknown[]): Promise<R[]> {
  if ("$queryRawUnsafe" in db) return db.$queryRawUnsafe<R[]>(text, ...values);
  return (await db.query<R>({ name: statementName(text), text, values })).rows;
}
