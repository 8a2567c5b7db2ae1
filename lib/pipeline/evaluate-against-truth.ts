// On a generated world, the ground truth knows each client × family's structural churn date (the day
// its purchases stop for good). The churn heads are judged against it: a pair active at D (the label's
// population: ≥ 2 purchase days in the 365 days before D) is *truly lost by D + h* when its churn date
// is on or before D + h — including pairs whose churn already happened before D but whose silence
// does not yet show (they are the ones a sales rep most needs to hear about).
//
// This is not the label the heads learn: `churn_h` = "no purchase in (D, D + h]" (the issue's
// definition), which on this world is mostly ordinary silences of slow or irregular buyers (≈ 45 % of
// active pairs for 90 days) while structural churn is ≈ 5 %. The judgement reports both, and how far
// the label agrees with the truth, so the gap is measured rather than hidden.
import type { Pool } from "pg";
import { FEATURE_NAMES } from "@/lib/features";
import { deriveTrueLabels, readTruthFamilies, type TruthFamilyRow } from "@/lib/demo-world/true-labels";
import { averagePrecision, createFeatureMatrix, rocAuc, type FeatureMatrix } from "@/ml";
import { ruleScores } from "./evaluate-head";
import type { Method, OriginScores } from "./evaluate-rolling-origins";
import { HEADS, type HeadName } from "./heads";

/** The heads' scores, plus a reference with no fitting: days without buying ÷ the pair's own median gap. */
export type TruthScore = Method | "overdueRatio";

export interface RankFigures {
  auc: number;
  averagePrecision: number;
}

export interface TruthJudgement {
  head: HeadName;
  asOf: string;
  horizonDays: number;
  /** Active pairs scored and found in the truth. */
  pairs: number;
  /** Truly lost by D + h … */
  lost: number;
  /** … of which already gone on or before D. */
  alreadyGone: number;
  /** Ranking of the truly lost by each score. */
  scores: Partial<Record<TruthScore, RankFigures>>;
  /** Where the data label is known (historical dates): how far "no purchase in (D, D+h]" is structural churn. */
  label?: {
    positives: number;
    /** Share of label positives that are truly lost (the label's precision as a proxy of churn). */
    precision: number;
    /** Share of the truly lost that the label marks (the label's recall). */
    recall: number;
    /** Ranking of the truly lost by the label itself (0/1), the ceiling of a perfect churn_h model. */
    auc: number;
  };
}

const keyOf = (clientId: string, family: string) => `${clientId}:${family}`;

/** Per pair: lost by D + h, and whether the churn is already behind D. */
export function truthLostBy(families: TruthFamilyRow[], asOf: string, horizonDays: number): Map<string, { lost: boolean; gone: boolean }> {
  const truth = new Map<string, { lost: boolean; gone: boolean }>();
  for (const t of deriveTrueLabels(families, asOf, { horizonDays })) {
    if (t.state === "not_yet_client") continue;
    const gone = t.state === "churned";
    truth.set(keyOf(t.clientId, t.family), { lost: gone || t.churnsWithinHorizon, gone });
  }
  return truth;
}

/** Judges scores of active pairs (keys as client external id + family) against the truth. */
export function judgeAgainstTruth(
  input: {
    head: HeadName;
    asOf: string;
    horizonDays: number;
    keys: readonly { clientId: string; family: string }[];
    scores: Partial<Record<TruthScore, ArrayLike<number>>>;
    label?: ArrayLike<number>;
  },
  truth: Map<string, { lost: boolean; gone: boolean }>,
): TruthJudgement {
  const picked: number[] = [];
  const lost: number[] = [];
  let alreadyGone = 0;
  input.keys.forEach((k, i) => {
    const t = truth.get(keyOf(k.clientId, k.family));
    if (!t) return;
    picked.push(i);
    lost.push(t.lost ? 1 : 0);
    if (t.gone) alreadyGone++;
  });
  const subset = (values: ArrayLike<number>) => picked.map((i) => values[i]!);
  const rank = (values: ArrayLike<number>): RankFigures => ({ auc: rocAuc(values, lost), averagePrecision: averagePrecision(values, lost) });
  const scores: TruthJudgement["scores"] = {};
  for (const [method, values] of Object.entries(input.scores) as [TruthScore, ArrayLike<number>][]) scores[method] = rank(subset(values));
  const judgement: TruthJudgement = {
    head: input.head,
    asOf: input.asOf,
    horizonDays: input.horizonDays,
    pairs: picked.length,
    lost: lost.reduce((a, b) => a + b, 0),
    alreadyGone,
    scores,
  };
  if (input.label) {
    const label = subset(input.label);
    let positives = 0;
    let both = 0;
    label.forEach((y, i) => {
      positives += y > 0.5 ? 1 : 0;
      both += y > 0.5 && lost[i] ? 1 : 0;
    });
    judgement.label = { positives, precision: both / positives, recall: both / judgement.lost, auc: rocAuc(label, lost) };
  }
  return judgement;
}

/** overdue_ratio of each row (0 where the pair has no rhythm yet), the reference score. */
function overdueRatio(matrix: FeatureMatrix): Float64Array {
  const column = matrix.featureNames.indexOf("overdue_ratio");
  return Float64Array.from({ length: matrix.nRows }, (_, r) => {
    const v = matrix.data[r * matrix.nFeatures + column]!;
    return Number.isFinite(v) ? v : 0;
  });
}

const CHURN_HEADS = HEADS.filter((h) => h.name === "CHURN_90D" || h.name === "CHURN_180D");

async function externalIds(pool: Pool): Promise<Map<number, string>> {
  const { rows } = await pool.query<{ id: number; external_id: string }>("SELECT id, external_id FROM client");
  return new Map(rows.map((r) => [r.id, r.external_id]));
}

/** Stored churn scores as of a date (default: the latest scored) against the truth, beside the rule. */
export async function evaluateAgainstTruth(pool: Pool, truthDir: string, asOf?: string): Promise<TruthJudgement[]> {
  const date = asOf ?? (await pool.query<{ d: string | null }>("SELECT max(as_of)::text AS d FROM score")).rows[0]?.d;
  if (!date) throw new Error("No scores stored: run the pipeline first.");
  const families = await readTruthFamilies(truthDir);
  const { rows } = await pool.query<{ external_id: string; family_code: string; p_churn_90d: number; p_churn_180d: number | null; features: Buffer | null }>(
    `SELECT c.external_id, s.family_code, s.p_churn_90d, s.p_churn_180d, e.features FROM score s JOIN client c ON c.id = s.client_id
       JOIN score_explanation e ON e.as_of = s.as_of AND e.client_id = s.client_id AND e.family_code = s.family_code
     WHERE s.as_of = $1 AND s.p_churn_90d IS NOT NULL AND e.features IS NOT NULL
     ORDER BY s.client_id, s.family_code`,
    [date],
  );
  if (rows.length === 0) throw new Error(`No churn scores stored as of ${date}.`);
  const width = FEATURE_NAMES.length;
  const data = new Float32Array(rows.length * width);
  rows.forEach((row, i) => data.set(new Float32Array(new Uint8Array(row.features!).buffer.slice(0)).subarray(0, width), i * width));
  const matrix = createFeatureMatrix(data, rows.length, FEATURE_NAMES);
  const keys = rows.map((r) => ({ clientId: r.external_id, family: r.family_code }));
  return CHURN_HEADS.map((head) => {
    const model = rows.map((r) => (head.name === "CHURN_90D" ? r.p_churn_90d : (r.p_churn_180d ?? Number.NaN)));
    // The model card's rule, computed from the features stored with the scores.
    const scores = { model, recencyCadence: ruleScores(head, matrix), overdueRatio: overdueRatio(matrix) };
    return judgeAgainstTruth({ head: head.name, asOf: date, horizonDays: head.horizonDays, keys, scores }, truthLostBy(families, date, head.horizonDays));
  });
}

/**
 * Judges each churn head's rolling origins against the truth: pass `collect` as the evaluation's
 * `onOriginScores`, then read `judgements` (the data label is known at every origin).
 */
export async function truthAtOrigins(pool: Pool, truthDir: string) {
  const [families, ids] = await Promise.all([readTruthFamilies(truthDir), externalIds(pool)]);
  const judgements: TruthJudgement[] = [];
  const collect = (o: OriginScores) => {
    const head = CHURN_HEADS.find((h) => h.name === o.head);
    if (!head) return;
    const keys = o.keys.map((k) => ({ clientId: ids.get(k.clientId) ?? "", family: k.familyCode }));
    judgements.push(judgeAgainstTruth({ head: head.name, asOf: o.origin, horizonDays: head.horizonDays, keys, scores: { ...o.scores, overdueRatio: overdueRatio(o.matrix) }, label: o.label }, truthLostBy(families, o.origin, head.horizonDays)));
  };
  return { collect, judgements };
}
