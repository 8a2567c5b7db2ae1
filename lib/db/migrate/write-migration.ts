// Writes a new migration folder the way `prisma migrate dev --create-only` does:
// `<migrationsDir>/<yyyymmddhhmmss>_<name>/migration.sql`, plus migration_lock.toml.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  MIGRATION_LOCK_FILE,
  MIGRATION_SCRIPT_FILE,
  POSTGRES_LOCK_FILE_CONTENT,
} from "./read-migrations";

const MAX_NAME_LENGTH = 200; // Prisma's limit for the name part

/** "Add users & roles" → "add_users_roles" (Prisma slugifies with `_` too). */
export function slugifyMigrationName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, MAX_NAME_LENGTH);
  if (!slug) throw new Error(`"${name}" is not a usable migration name (use letters, digits, spaces or _).`);
  return slug;
}

/**
 * UTC yyyymmddhhmmss, like Prisma — but never at or before the newest existing migration: folders
 * are applied in name order, so two migrations created in the same second (or on a machine whose
 * clock is behind) would otherwise replay in alphabetical rather than creation order.
 */
export function nextMigrationTimestamp(existing: string[], now = new Date()): string {
  let timestamp = formatTimestamp(now);
  const newest = existing.map((name) => /^(\d{14})_/.exec(name)?.[1]).filter(Boolean).sort().at(-1);
  if (newest && timestamp <= newest) timestamp = formatTimestamp(new Date(parseTimestamp(newest) + 1000));
  return timestamp;
}

export async function writeMigration(
  migrationsDir: string,
  folderName: string,
  script: string,
): Promise<string> {
  const folder = path.join(path.resolve(migrationsDir), folderName);
  // `recursive: false` on the leaf so an existing folder is an error, never overwritten.
  await mkdir(path.dirname(folder), { recursive: true });
  await mkdir(folder);
  await writeFile(path.join(folder, MIGRATION_SCRIPT_FILE), script, "utf8");
  await writeFile(path.join(path.dirname(folder), MIGRATION_LOCK_FILE), POSTGRES_LOCK_FILE_CONTENT, "utf8");
  return folder;
}

function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

function parseTimestamp(timestamp: string): number {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((at, i) => Number(timestamp.slice(at, at + (i === 0 ? 4 : 2))));
  return Date.UTC(y, mo - 1, d, h, mi, s);
}
