// Creates the target database when it does not exist yet, as `prisma migrate deploy` does, so a
// fresh server can be migrated without a manual CREATE DATABASE.
import pg from "pg";
import type { DatabaseTarget } from "./parse-database-url";

const INVALID_CATALOG_NAME = "3D000"; // database does not exist
// A concurrent deployer created it first: 42P04 if its CREATE committed before ours started,
// 23505 on pg_database's name index if both ran at the same moment.
const ALREADY_CREATED = new Set(["42P04", "23505"]);

/** Returns true when it had to create the database. */
export async function ensureDatabase(target: DatabaseTarget): Promise<boolean> {
  const probe = new pg.Client(target.pgConfig);
  try {
    await probe.connect();
    return false;
  } catch (error) {
    if ((error as { code?: string }).code !== INVALID_CATALOG_NAME) throw error;
  } finally {
    await probe.end().catch(() => {});
  }

  const admin = new pg.Client({ ...target.pgConfig, database: "postgres" });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${target.pgConfig.database.replaceAll('"', '""')}"`);
    return true;
  } catch (error) {
    if (ALREADY_CREATED.has((error as { code?: string }).code ?? "")) return false;
    throw error;
  } finally {
    await admin.end();
  }
}
