import "server-only";
import type { Pool } from "pg";
import { createPgPool } from "@/lib/db/pg-pool";
import { env } from "@/lib/env";

const holder = globalThis as unknown as { signalsPgPool?: Pool };

/** The web server's node-postgres pool, for COPY and set-based SQL. */
export function pool(): Pool {
  if (!holder.signalsPgPool) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the product with `npm start`, which provides it.");
    holder.signalsPgPool = createPgPool(url, 6);
  }
  return holder.signalsPgPool;
}
