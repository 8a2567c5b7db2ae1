import { parseArgs } from "node:util";
import type { Pool } from "pg";
import { createPgPool } from "../../lib/db/pg-pool";
import { runPipeline } from "../../lib/pipeline/run-pipeline";
import { pipelineHooks } from "../../lib/pipeline/pipeline-hooks";
import { createProgressLine } from "../lib/progress-bar";
import { withDatabase } from "../lib/with-database";

export const summary =
  "pipeline [--as-of YYYY-MM-DD] [--run-id N]: features → train → score → explain → alerts, as of a date (default: last sale); --run-id runs a QUEUED run created by the admin page or the schedule; --use-active-models scores with the active versions without retraining";

interface QueuedRow {
  status: string;
  trigger: "SCHEDULE" | "MANUAL" | "CLI";
  user_id: number | null;
}

/** The QUEUED row to run, or an error that says why not (another process may have taken it). */
async function readQueuedRun(pool: Pool, runId: number): Promise<QueuedRow> {
  const result = await pool.query<QueuedRow>("SELECT status, trigger, user_id FROM pipeline_run WHERE id = $1", [runId]);
  const row = result.rows[0];
  if (!row) throw new Error(`Pipeline run ${runId} does not exist.`);
  if (row.status !== "QUEUED") throw new Error(`Pipeline run ${runId} is ${row.status}, not QUEUED.`);
  return row;
}

/** A failure before the pipeline took charge of the row (hooks, settings) must not leave it QUEUED. */
async function failIfStillOpen(pool: Pool, runId: number, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await pool
    .query(`UPDATE pipeline_run SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1 AND status IN ('QUEUED', 'RUNNING')`, [runId, message])
    .catch(() => {});
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { "as-of": { type: "string" }, "run-id": { type: "string" }, "use-active-models": { type: "boolean" } } });
  const asOf = values["as-of"];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error("--as-of must be YYYY-MM-DD");
  const runIdText = values["run-id"];
  if (runIdText !== undefined && !/^[1-9]\d*$/.test(runIdText)) throw new Error("--run-id must be a positive integer");
  const runId = runIdText === undefined ? undefined : Number(runIdText);
  await withDatabase(async (url) => {
    const pool = createPgPool(url, 4);
    const line = createProgressLine();
    try {
      const queued = runId === undefined ? undefined : await readQueuedRun(pool, runId);
      try {
        const summary = await runPipeline(pool, {
          asOf,
          useActiveModels: values["use-active-models"] ?? false,
          runId,
          trigger: queued?.trigger ?? "CLI",
          userId: queued?.user_id ?? null,
          ...(await pipelineHooks(url)),
          onProgress: (p) => line.update(p.step, p.fraction),
          log: (text) => {
            line.done();
            console.log(`[pipeline] ${text}`);
          },
        });
        line.done();
        console.log(JSON.stringify({ runId: summary.runId, asOf: summary.asOf, scored: summary.scored, alerts: summary.alerts, timingsMs: summary.timingsMs }));
      } catch (error) {
        if (runId !== undefined) await failIfStillOpen(pool, runId, error);
        throw error;
      }
    } finally {
      await pool.end();
    }
  });
}
