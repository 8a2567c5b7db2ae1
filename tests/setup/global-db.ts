// Vitest global setup: one real PostgreSQL for the whole run, with the project's migrations
// applied once to a template database that each test file clones (CREATE DATABASE … TEMPLATE).
// TEST_DATABASE_URL may point at an existing local server instead; anything non-local is refused.
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../lib/db/start-throwaway-postgres";
import { deployMigrations } from "../../lib/db/migrate";

export const TEMPLATE_DATABASE = "sds_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection string to the server's maintenance database ("postgres"). */
    pgAdminUrl: string;
    pgTemplateDatabase: string;
  }
}

function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run tests against non-local database host "${host}".`);
  }
}

let server: ThrowawayPostgres | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let adminUrl: string;
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    assertLocal(external);
    adminUrl = external.replace(/\/[^/?]*(\?.*)?$/, "/postgres");
  } else {
    server = await startThrowawayPostgres({ settings: { max_connections: "300" } });
    adminUrl = server.connectionString;
  }

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  await deployMigrations({
    connectionString: adminUrl.replace(/\/postgres$/, `/${TEMPLATE_DATABASE}`),
    migrationsDir: path.resolve(import.meta.dirname, "../../prisma/migrations"),
  });

  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplateDatabase", TEMPLATE_DATABASE);

  return async () => {
    await server?.stop();
  };
}
