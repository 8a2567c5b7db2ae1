// Replaces the scores of one as-of date (COPY, one transaction): p_buy/p_churn/days, segment,
// share of wallet, the feature vector and the SHAP reasons.
import type { PoolClient } from "pg";
import { openCopyWriter } from "@/lib/db/copy-writer";
import type { ScoreResult } from "./score-as-of";

export interface ScoreExtras {
  segment: string | null;
}

const num = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? null : v);

export async function storeScores(
  client: PoolClient,
  result: ScoreResult,
  runId: number,
  extras: (index: number) => ScoreExtras,
): Promise<number> {
  await client.query("BEGIN");
  try {
    await client.query("DELETE FROM score WHERE as_of = $1", [result.asOf]);
    const writer = openCopyWriter(
      client,
      `COPY score (as_of, client_id, family_code, pipeline_run_id, p_buy_90d, p_churn_90d, p_churn_180d, expected_days_to_next,
                   segment, share_of_wallet, potential_unreliable, features, reasons) FROM STDIN`,
    );
    const width = result.names.length;
    for (const [i, row] of result.rows.entries()) {
      // bytea in COPY's hex form: encoded natively, far cheaper than formatting 50 floats as text.
      const features = `\\x${Buffer.from(result.features.buffer, result.features.byteOffset + i * width * 4, width * 4).toString("hex")}`;
      await writer.write([
        result.asOf,
        row.clientId,
        row.familyCode,
        runId,
        num(row.pBuy90d),
        num(row.pChurn90d),
        num(row.pChurn180d),
        num(row.expectedDaysToNext),
        extras(i).segment,
        num(row.values.share_of_wallet_365),
        row.values.potential_unreliable === 1,
        features,
        JSON.stringify(row.reasons),
      ]);
    }
    const written = await writer.end();
    await client.query("COMMIT");
    return written;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
