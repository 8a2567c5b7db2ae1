import { parseArgs } from "node:util";
import { createPgPool } from "../../lib/db/pg-pool";
import { evaluateAgainstTruth } from "../../lib/pipeline/evaluate-against-truth";
import { withDatabase } from "../lib/with-database";

export const summary = "evaluate-truth --truth <dir> [--as-of D]: judge stored churn scores against a generated world's ground truth";

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { truth: { type: "string" }, "as-of": { type: "string" } } });
  if (!values.truth) throw new Error("Usage: evaluate-truth --truth <dir> [--as-of YYYY-MM-DD]");
  await withDatabase(async (url) => {
    const pool = createPgPool(url, 2);
    try {
      const r = await evaluateAgainstTruth(pool, values.truth!, values["as-of"]);
      console.log(
        `churn_90d against the ground truth as of ${r.asOf}: ${r.pairs} active pairs, ${r.trueChurners} true churners · ` +
          `model AUC ${r.model.auc.toFixed(3)} (AP ${r.model.averagePrecision.toFixed(3)}) · ` +
          `recency/cadence rule AUC ${r.recencyCadence.auc.toFixed(3)} (AP ${r.recencyCadence.averagePrecision.toFixed(3)})`,
      );
    } finally {
      await pool.end();
    }
  });
}
