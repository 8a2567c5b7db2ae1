import { parseArgs } from "node:util";
import { createPgPool } from "../../lib/db/pg-pool";
import { evaluateAgainstTruth } from "../../lib/pipeline/evaluate-against-truth";
import { printTruthJudgements } from "../lib/print-evaluation";
import { withDatabase } from "../lib/with-database";

export const summary = "evaluate-truth --truth <dir> [--as-of D]: judge stored churn scores against a generated world's ground truth";

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { truth: { type: "string" }, "as-of": { type: "string" } } });
  if (!values.truth) throw new Error("Usage: evaluate-truth --truth <dir> [--as-of YYYY-MM-DD]");
  await withDatabase(async (url) => {
    const pool = createPgPool(url, 2);
    try {
      const judgements = await evaluateAgainstTruth(pool, values.truth!, values["as-of"]);
      console.log(
        "Stored churn scores against the ground truth: a pair active at D is truly lost when its structural churn date is on or before D + horizon\n" +
          "(gone≤D: already churned, silence not yet visible). AUC/AP rank the truly lost among all active pairs scored.\n",
      );
      printTruthJudgements(judgements);
    } finally {
      await pool.end();
    }
  });
}
