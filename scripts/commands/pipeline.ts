import { parseArgs } from "node:util";
import { createPgPool } from "../../lib/db/pg-pool";
import { runPipeline } from "../../lib/pipeline/run-pipeline";
import { pipelineHooks } from "../../lib/pipeline/pipeline-hooks";
import { createProgressLine } from "../lib/progress-bar";
import { withDatabase } from "../lib/with-database";

export const summary = "pipeline [--as-of YYYY-MM-DD]: features → train → score → explain → alerts, as of a date (default: last sale)";

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { "as-of": { type: "string" } } });
  const asOf = values["as-of"];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error("--as-of must be YYYY-MM-DD");
  await withDatabase(async (url) => {
    const pool = createPgPool(url, 4);
    const line = createProgressLine();
    try {
      const summary = await runPipeline(pool, {
        asOf,
        trigger: "CLI",
        ...(await pipelineHooks(url)),
        onProgress: (p) => line.update(p.step, p.fraction),
        log: (text) => {
          line.done();
          console.log(`[pipeline] ${text}`);
        },
      });
      line.done();
      console.log(JSON.stringify({ runId: summary.runId, asOf: summary.asOf, scored: summary.scored, alerts: summary.alerts, timingsMs: summary.timingsMs }));
    } finally {
      await pool.end();
    }
  });
}
