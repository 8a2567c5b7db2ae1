// Starting a pipeline run from the web server. The run is a `pipeline_run` row created QUEUED here,
// then executed by a separate Node process (`signals pipeline --run-id N`): training is CPU-bound for
// minutes and would freeze the server's event loop — every page and API call — if it ran in-process.
// The child writes progress, step and log into the row, which the admin page polls.
//
// One run at a time: creating a row is refused while another is QUEUED or RUNNING (checked under a
// transaction-scoped advisory lock, so two admins clicking at once get one run). The pipeline's own
// advisory lock (run-pipeline.ts) stays the real guard — a CLI run holds it without any queued row.
// No "server-only" here: the scheduler (instrumentation.ts) uses this module outside React's server.
import { spawn } from "node:child_process";
import type { Db, DbTx } from "@/lib/db/prisma";

/** = PIPELINE_LOCK_KEY in run-pipeline.ts (pinned by a test), repeated here so that the web server's
 *  bundle does not pull in the trainer and ONNX exporter just to read a number. */
export const PIPELINE_ADVISORY_LOCK_KEY = 0x53_4453_5049_5045;

/** A QUEUED row whose process never took the lock in this long is considered dead. */
export const QUEUED_TIMEOUT_MINUTES = 5;

export const INTERRUPTED_MESSAGE = "Ejecución interrumpida: el proceso terminó sin cerrarla (servidor reiniciado o proceso detenido).";
export const BUSY_MESSAGE = "Ya hay una ejecución del motor de señales en cola o en curso; espere a que termine.";

export type PipelineTriggerName = "SCHEDULE" | "MANUAL" | "CLI";

export interface QueuedRun {
  id: number;
  asOf: string;
}

export type QueueResult = { ok: true; run: QueuedRun } | { ok: false; reason: "busy"; activeRunId: number | null } | { ok: false; reason: "already-scheduled" };

const LOCK_HELD_SQL = `EXISTS (
  SELECT 1 FROM pg_locks
   WHERE locktype = 'advisory' AND granted AND objsubid = 1
     AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
     AND ((classid::bigint << 32) | objid::bigint) = $1::bigint)`;

/** Is the pipeline's advisory lock held right now, in this database, by any session? */
export async function pipelineLockHeld(db: DbTx): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<{ held: boolean }[]>(`SELECT ${LOCK_HELD_SQL} AS held`, PIPELINE_ADVISORY_LOCK_KEY);
  return rows[0]?.held ?? false;
}

/**
 * Marks as FAILED the runs whose process is gone: RUNNING while nobody holds the pipeline lock (a
 * running pipeline takes it before it sets RUNNING and keeps it until after it records the outcome),
 * and QUEUED for longer than QUEUED_TIMEOUT_MINUTES with the lock free. The lock is looked at inside
 * the UPDATE, so a run that starts meanwhile is never caught. Returns how many.
 */
export async function failInterruptedRuns(db: DbTx): Promise<number> {
  return db.$executeRawUnsafe(
    `UPDATE pipeline_run SET status = 'FAILED', error = $2, finished_at = now()
      WHERE (status = 'RUNNING' OR (status = 'QUEUED' AND created_at < now() - make_interval(mins => $3::int)))
        AND NOT ${LOCK_HELD_SQL}`,
    PIPELINE_ADVISORY_LOCK_KEY,
    INTERRUPTED_MESSAGE,
    QUEUED_TIMEOUT_MINUTES,
  );
}

/**
 * Creates the QUEUED row, unless a run is already queued or running. With `scheduleDay`, also claims
 * that day for the schedule (compare-and-set on the `setting` row SCHEDULE_CLAIM_KEY, in the same
 * transaction): however many processes tick, a day gets one scheduled run.
 */
export async function queuePipelineRun(
  db: Db,
  input: { trigger: PipelineTriggerName; userId: number | null; scheduleDay?: string; today: string; asOf?: string },
): Promise<QueueResult> {
  return db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('pipeline_run:queue'))`);
    await failInterruptedRuns(tx);
    const [active] = await tx.$queryRawUnsafe<{ id: number }[]>(
      `SELECT id FROM pipeline_run WHERE status IN ('QUEUED', 'RUNNING') ORDER BY id DESC LIMIT 1`,
    );
    if (active) return { ok: false, reason: "busy", activeRunId: active.id };
    if (await pipelineLockHeld(tx)) return { ok: false, reason: "busy", activeRunId: null };
    if (input.scheduleDay !== undefined) {
      const claimed = await tx.$queryRawUnsafe<{ key: string }[]>(
        `INSERT INTO setting (key, value, updated_at) VALUES ($1, jsonb_build_object('day', $2::text), now())
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
          WHERE setting.value ->> 'day' IS DISTINCT FROM EXCLUDED.value ->> 'day'
         RETURNING key`,
        SCHEDULE_CLAIM_KEY,
        input.scheduleDay,
      );
      if (claimed.length === 0) return { ok: false, reason: "already-scheduled" };
    }
    // Without a chosen date, as_of is provisional (the last sale now); the run sets the date it scores.
    const [run] = await tx.$queryRawUnsafe<{ id: number; as_of: string }[]>(
      `INSERT INTO pipeline_run (as_of, status, trigger, user_id)
       VALUES (coalesce($4::date, (SELECT max(date) FROM sales_line), $3::date), 'QUEUED', $1::"PipelineTrigger", $2::int)
       RETURNING id, as_of::text AS as_of`,
      input.trigger,
      input.userId,
      input.today,
      input.asOf ?? null,
    );
    return { ok: true, run: { id: run!.id, asOf: run!.as_of } };
  });
}

/** Where the schedule records the last day it started a run. */
export const SCHEDULE_CLAIM_KEY = "pipeline.schedule.lastRunDay";

/** `asOf`: a date the admin chose (replaying a past day); otherwise the run takes the last sale's. */
export type LaunchPipelineProcess = (runId: number, databaseUrl: string, options?: { asOf?: string }) => void;

/**
 * Starts `node --import tsx scripts/signals.ts pipeline --run-id N [--as-of D]` in its own process
 * group, detached and unreferenced: the web server neither waits for it nor takes it down with it.
 */
export const spawnPipelineProcess: LaunchPipelineProcess = (runId, databaseUrl, options = {}) => {
  const args = ["--import", "tsx", "scripts/signals.ts", "pipeline", "--run-id", String(runId)];
  if (options.asOf) args.push("--as-of", options.asOf);
  const child = spawn(process.execPath, args, {
    cwd: process.cwd(),
    detached: true,
    stdio: "ignore",
    // The child needs the environment's PATH, HOME… plus the database this server uses.
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  child.on("error", (error) => console.error(`[pipeline] could not start run ${runId}:`, error));
  child.unref();
};

/** Queues a run and launches its process; a launch that throws marks the row FAILED at once. */
export async function startPipelineRun(
  db: Db,
  input: {
    trigger: PipelineTriggerName;
    userId: number | null;
    databaseUrl: string;
    today: string;
    asOf?: string;
    scheduleDay?: string;
    launch?: LaunchPipelineProcess;
  },
): Promise<QueueResult> {
  const queued = await queuePipelineRun(db, input);
  if (!queued.ok) return queued;
  try {
    (input.launch ?? spawnPipelineProcess)(queued.run.id, input.databaseUrl, { asOf: input.asOf });
  } catch (error) {
    const message = `No se pudo iniciar el proceso del motor: ${error instanceof Error ? error.message : String(error)}`;
    await db.pipelineRun.update({ where: { id: queued.run.id }, data: { status: "FAILED", error: message, finishedAt: new Date() } });
    throw error;
  }
  return queued;
}
