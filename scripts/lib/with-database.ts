// Command-line commands work on the app's database: DATABASE_URL, or the embedded default (started
// on demand, reused when the app is running). They migrate it but never add demo data themselves.
import { prepareDatabase } from "../../lib/db/prepare-database";
import { resolveDatabase } from "../../lib/db/resolve-database";

export async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const database = await resolveDatabase((line) => console.error(`[signals] ${line}`));
  const stop = () => void database.release().finally(() => process.exit(130));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    await prepareDatabase(database.url, (line) => console.error(`[signals] ${line}`));
    return await fn(database.url);
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    await database.release();
  }
}
