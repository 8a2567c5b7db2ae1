// `npm run signals -- evaluate --origins 4 [--as-of D] [--spacing 90] [--truth <dir>]`: rolling-origin
// evaluation of the binary heads beside both baselines; stored for the model cards.
import { parseArgs } from "node:util";
import { createPgPool } from "../../lib/db/pg-pool";
import { truthAtOrigins } from "../../lib/pipeline/evaluate-against-truth";
import { evaluateRollingOrigins } from "../../lib/pipeline/evaluate-rolling-origins";
import { storeRollingOrigins } from "../../lib/pipeline/store-rolling-origins";
import { printRollingOrigins, printTruthJudgements } from "../lib/print-evaluation";
import { withDatabase } from "../lib/with-database";

export const summary = "evaluate --origins N [--as-of D] [--spacing DAYS] [--truth <dir>]: rolling-origin evaluation of the heads beside both baselines";

const USAGE = "Usage: evaluate --origins N [--as-of YYYY-MM-DD] [--spacing 90] [--truth <dir>]";

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { origins: { type: "string", default: "4" }, "as-of": { type: "string" }, spacing: { type: "string", default: "90" }, truth: { type: "string" } },
  });
  const origins = Number(values.origins);
  const spacingDays = Number(values.spacing);
  if (!Number.isInteger(origins) || origins < 1 || !(spacingDays > 0)) throw new Error(USAGE);
  if (values["as-of"] && !/^\d{4}-\d{2}-\d{2}$/.test(values["as-of"])) throw new Error(USAGE);
  await withDatabase(async (url) => {
    const pool = createPgPool(url, 2);
    try {
      const truth = values.truth ? await truthAtOrigins(pool, values.truth) : undefined;
      const started = performance.now();
      const result = await evaluateRollingOrigins(pool, {
        origins,
        spacingDays,
        asOf: values["as-of"],
        onOriginScores: truth?.collect,
        onProgress: (p) => {
          if (p.step === "training-set" && p.done !== p.total && p.done % 5 !== 0) return;
          const elapsed = ((performance.now() - started) / 1000).toFixed(0);
          console.error(`[evaluate] ${p.step === "fit" ? "fitted" : "snapshot"} ${p.done}/${p.total} ${p.detail} (${elapsed} s)`);
        },
      });
      printRollingOrigins(result);
      await storeRollingOrigins(pool, result);
      console.log(`\nStored for the model cards (setting "evaluation.rolling-origins").`);
      if (truth) {
        console.log("\nChurn heads at the same origins against the generator's ground truth (truly lost = structural churn date ≤ origin + horizon;");
        console.log("label prec./recall: how far the data label 'no purchase in the horizon' agrees with it):\n");
        printTruthJudgements(truth.judgements);
      }
    } finally {
      await pool.end();
    }
  });
}
