import "server-only";
import type { Actor } from "@/lib/auth/load-actor";
import type { Db } from "@/lib/db/prisma";

export interface AdminOverview {
  users: number;
  clients: number;
  salesLines: number;
  imports: number;
  pipelineRuns: number;
}

export async function getAdminOverview(db: Db, actor: Actor): Promise<AdminOverview> {
  if (actor.role !== "ADMIN") throw new Error("getAdminOverview is for administrators only");
  const [users, clients, salesLines, imports, pipelineRuns] = await Promise.all([
    db.user.count(),
    db.client.count(),
    db.salesLine.count(),
    db.import.count(),
    db.pipelineRun.count(),
  ]);
  return { users, clients, salesLines, imports, pipelineRuns };
}
