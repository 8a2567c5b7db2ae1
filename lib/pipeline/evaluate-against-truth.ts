// On a generated world, the ground truth knows each pair's real future: did it churn within the
// horizon after the as-of date? Scores stored for that date are judged against it, beside the
// recency/cadence rule computed from the same stored features.
import type { Pool } from "pg";
import { FEATURE_NAMES } from "@/lib/features";
import { deriveTrueLabels, readTruthFamilies, readTruthPauses } from "@/lib/demo-world/true-labels";
import { createFeatureMatrix, recencyCadenceScore, rocAuc, averagePrecision } from "@/ml";

export interface TruthEvaluation {
  asOf: string;
  pairs: number;
  trueChurners: number;
  model: { auc: number; averagePrecision: number };
  recencyCadence: { auc: number; averagePrecision: number };
}

export async function evaluateAgainstTruth(pool: Pool, truthDir: string, asOf?: string, horizonDays = 90): Promise<TruthEvaluation> {
  const date = asOf ?? (await pool.query<{ d: string | null }>("SELECT max(as_of)::text AS d FROM score")).rows[0]?.d;
  if (!date) throw new Error("No scores stored: run the pipeline first.");
  const truth = deriveTrueLabels(await readTruthFamilies(truthDir), date, { horizonDays, pauses: await readTruthPauses(truthDir) });
  const truthOf = new Map(truth.map((t) => [`${t.clientId}:${t.family}`, t]));
  const rows = await pool.query<{ external_id: string; family_code: string; p_churn_90d: number; features: Buffer | null }>(
    `SELECT c.external_id, s.family_code, s.p_churn_90d, s.features FROM score s JOIN client c ON c.id = s.client_id
     WHERE s.as_of = $1 AND s.p_churn_90d IS NOT NULL`,
    [date],
  );
  const model: number[] = [];
  const labels: number[] = [];
  const featureRows: Float32Array[] = [];
  for (const row of rows.rows) {
    const t = truthOf.get(`${row.external_id}:${row.family_code}`);
    // Judge only pairs the truth says were still customers at the date.
    if (!t || t.state === "churned" || t.state === "not_yet_client" || !row.features) continue;
    model.push(row.p_churn_90d);
    labels.push(t.churnsWithinHorizon ? 1 : 0);
    featureRows.push(new Float32Array(new Uint8Array(row.features).buffer.slice(0)));
  }
  const width = FEATURE_NAMES.length;
  const data = new Float32Array(featureRows.length * width);
  featureRows.forEach((f, i) => data.set(f.subarray(0, width), i * width));
  const matrix = createFeatureMatrix(data, featureRows.length, FEATURE_NAMES);
  const due = recencyCadenceScore(matrix, {
    daysSinceLastColumn: FEATURE_NAMES.indexOf("recency_days"),
    medianGapColumn: FEATURE_NAMES.indexOf("gap_median_days"),
    horizonDays,
  });
  const rule = Array.from(due, (p) => 1 - p);
  return {
    asOf: date,
    pairs: labels.length,
    trueChurners: labels.reduce((a, b) => a + b, 0),
    model: { auc: rocAuc(model, labels), averagePrecision: averagePrecision(model, labels) },
    recencyCadence: { auc: rocAuc(rule, labels), averagePrecision: averagePrecision(rule, labels) },
  };
}
