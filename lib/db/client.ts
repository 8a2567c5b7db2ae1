import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient, type Db } from "@/lib/db/prisma";

// One client per server process (Next's dev reloads would otherwise open a pool per reload).
const holder = globalThis as unknown as { signalsPrisma?: Db };

export function db(): Db {
  if (!holder.signalsPrisma) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the product with `npm start`, which provides it.");
    holder.signalsPrisma = createPrismaClient(url);
  }
  return holder.signalsPrisma;
}
