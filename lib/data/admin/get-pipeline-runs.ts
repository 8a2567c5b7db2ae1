import "server-only";
// The pipeline's history and one run in detail (status, progress, step, log), for the admin page and
// the progress route it polls.
import type { Actor } from "@/lib/auth/load-actor";
import type { DbTx } from "@/lib/db/prisma";
import { assertPermission } from "./assert-permission";

export type PipelineStatusName = "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
export type PipelineTriggerName = "SCHEDULE" | "MANUAL" | "CLI";

export interface PipelineRunSummary {
  id: number;
  asOf: string;
  status: PipelineStatusName;
  trigger: PipelineTriggerName;
  userName: string | null;
  step: string | null;
  progress: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** finished − started (or now − started while running), in ms. */
  durationMs: number | null;
}

export interface PipelineRunDetail extends PipelineRunSummary {
  /** The whole log, or its last lines (`tailLines`). */
  log: string;
  logLines: number;
  stats: Record<string, unknown> | null;
}

const SUMMARY = {
  id: true,
  asOf: true,
  status: true,
  trigger: true,
  step: true,
  progress: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  user: { select: { name: true } },
} as const;

interface SummaryRow {
  id: number;
  asOf: Date;
  status: PipelineStatusName;
  trigger: PipelineTriggerName;
  step: string | null;
  progress: number;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  user: { name: string } | null;
}

function toSummary(row: SummaryRow, now: Date): PipelineRunSummary {
  const end = row.finishedAt ?? (row.status === "RUNNING" ? now : null);
  return {
    id: row.id,
    asOf: row.asOf.toISOString().slice(0, 10),
    status: row.status,
    trigger: row.trigger,
    userName: row.user?.name ?? null,
    step: row.step,
    progress: row.progress,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.startedAt && end ? Math.max(0, end.getTime() - row.startedAt.getTime()) : null,
  };
}

export async function getPipelineRuns(db: DbTx, actor: Actor, limit = 30): Promise<PipelineRunSummary[]> {
  assertPermission(actor, "pipeline.run");
  const rows = await db.pipelineRun.findMany({ select: SUMMARY, orderBy: { id: "desc" }, take: limit });
  const now = new Date();
  return rows.map((row) => toSummary(row, now));
}

/** The run queued or running now, if any (the page resumes following it). */
export async function getActivePipelineRun(db: DbTx, actor: Actor): Promise<PipelineRunDetail | null> {
  assertPermission(actor, "pipeline.run");
  const row = await db.pipelineRun.findFirst({ where: { status: { in: ["QUEUED", "RUNNING"] } }, select: { id: true }, orderBy: { id: "desc" } });
  return row ? getPipelineRun(db, actor, row.id, { tailLines: 30 }) : null;
}

export async function getPipelineRun(db: DbTx, actor: Actor, id: number, options: { tailLines?: number } = {}): Promise<PipelineRunDetail | null> {
  assertPermission(actor, "pipeline.run");
  const row = await db.pipelineRun.findUnique({ where: { id }, select: { ...SUMMARY, log: true, stats: true } });
  if (!row) return null;
  const lines = row.log.split("\n").filter((line) => line !== "");
  const shown = options.tailLines === undefined ? lines : lines.slice(-options.tailLines);
  return {
    ...toSummary(row, new Date()),
    log: shown.join("\n"),
    logLines: lines.length,
    stats: row.stats && typeof row.stats === "object" && !Array.isArray(row.stats) ? (row.stats as Record<string, unknown>) : null,
  };
}
