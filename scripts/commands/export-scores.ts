import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { createPgPool } from "../../lib/db/pg-pool";
import { exportScoresCsv } from "../../lib/pipeline/export-scores";
import { withDatabase } from "../lib/with-database";

export const summary = "export-scores --as-of YYYY-MM-DD --out scores.csv: one row per client × family scored as of the date";

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { "as-of": { type: "string" }, out: { type: "string" } } });
  const asOf = values["as-of"];
  if (!asOf || !/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !values.out) throw new Error("Usage: export-scores --as-of YYYY-MM-DD --out scores.csv");
  await withDatabase(async (url) => {
    const pool = createPgPool(url, 2);
    const out = createWriteStream(values.out!);
    try {
      const rows = await exportScoresCsv(pool, asOf, async (chunk) => {
        if (!out.write(chunk)) await once(out, "drain");
      });
      out.end();
      await once(out, "finish");
      if (rows === 0) {
        throw new Error(`No scores as of ${asOf}: run \`npm run signals -- pipeline --as-of ${asOf}\` first.`);
      }
      console.log(`${rows} rows written to ${values.out}`);
    } finally {
      await pool.end();
    }
  });
}
