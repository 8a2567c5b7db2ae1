// Prisma Client over the pg driver adapter (no native engine: see STACK.md §3.1).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

export function createPrismaClient(connectionString: string, options: { max?: number } = {}) {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10 });
  return new PrismaClient({
    adapter,
    // Secrets never leave the data layer by accident: select them explicitly where needed.
    omit: { user: { passwordHash: true }, apiToken: { tokenHash: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
/** A client or an interactive-transaction client: data functions accept either. */
export type DbTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
