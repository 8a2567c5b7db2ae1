import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/load-actor";
import type { Db } from "@/lib/db/prisma";

export interface ImportSummary {
  id: number;
  batchId: string;
  fileName: string;
  tableKind: string | null;
  status: "RUNNING" | "SUCCEEDED" | "FAILED";
  progress: number;
  rowsTotal: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsFlagged: number;
  rowsInserted: number;
  rowsExisting: number;
  error: string | null;
  report: Record<string, unknown> | null;
  startedAt: string;
  finishedAt: string | null;
  userName: string | null;
}

const SELECT = {
  id: true,
  batchId: true,
  fileName: true,
  tableKind: true,
  status: true,
  progress: true,
  rowsTotal: true,
  rowsAccepted: true,
  rowsRejected: true,
  rowsFlagged: true,
  rowsInserted: true,
  rowsExisting: true,
  error: true,
  report: true,
  startedAt: true,
  finishedAt: true,
  user: { select: { name: true } },
} as const;

type ImportRow = Prisma.ImportGetPayload<{ select: typeof SELECT }>;

function toSummary({ user, report, startedAt, finishedAt, ...rest }: ImportRow): ImportSummary {
  return {
    ...rest,
    report: (report ?? null) as Record<string, unknown> | null,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt?.toISOString() ?? null,
    userName: user?.name ?? null,
  };
}

function assertAdmin(actor: Actor): void {
  if (actor.role !== "ADMIN") throw new Error("Import data is for administrators only");
}

export async function getImportBatch(db: Db, actor: Actor, batchId: string): Promise<ImportSummary[]> {
  assertAdmin(actor);
  const rows = await db.import.findMany({ where: { batchId }, select: SELECT, orderBy: { id: "asc" } });
  return rows.map(toSummary);
}

export async function getImportHistory(db: Db, actor: Actor, limit = 50): Promise<ImportSummary[]> {
  assertAdmin(actor);
  const rows = await db.import.findMany({ select: SELECT, orderBy: { id: "desc" }, take: limit });
  return rows.map(toSummary);
}
