// Scores every client × family with a purchase on or before the date: features computed in
// PostgreSQL, probabilities from the ONNX graphs (onnxruntime), reasons from exact TreeSHAP on the
// same trees.
import { computeFeatures, MODEL_FEATURES, selectColumns, type FeatureSource } from "@/lib/features";
import { createFeatureMatrix, createOnnxScorer, topContributions, treeShap, type GbmModel } from "@/ml";
import { ACTIVE_MIN_PURCHASE_DAYS_365, type HeadName } from "./heads";
import { phraseReason, type Reason } from "./reason-phrases";

export interface DeployedHead {
  name: HeadName;
  model: GbmModel;
  onnx: Uint8Array;
}

export interface ScoredRow {
  clientId: number;
  familyCode: string;
  pBuy90d: number;
  pChurn90d: number | null;
  pChurn180d: number | null;
  expectedDaysToNext: number | null;
  /** Every feature of the dictionary, by name (context for alerts, reasons and the UI). */
  values: Record<string, number>;
  reasons: { buy: Reason[]; churn: Reason[] };
}

export interface ScoreResult {
  asOf: string;
  names: string[];
  /** Row-major, all dictionary features (what is stored with each score). */
  features: Float32Array;
  rows: ScoredRow[];
  timings: { featuresMs: number; onnxMs: number; shapMs: number };
}

export interface ScoreOptions {
  threads?: number;
  reasonsPerHead?: number;
  onProgress?: (step: string, fraction: number) => void;
}

const FAMILY_LABEL: Record<string, string> = { C1: "Familia C1", C2: "Familia C2", T1: "Familia T1", T2: "Familia T2" };

export async function scoreAsOf(source: FeatureSource, asOf: string, heads: DeployedHead[], options: ScoreOptions = {}): Promise<ScoreResult> {
  const k = options.reasonsPerHead ?? 3;
  let t = performance.now();
  options.onProgress?.("features", 0);
  const features = await computeFeatures(source, asOf);
  const featuresMs = performance.now() - t;
  const n = features.keys.length;
  const width = features.names.length;
  const modelData = selectColumns(features.values, features.names, MODEL_FEATURES);
  const matrix = createFeatureMatrix(modelData, n, MODEL_FEATURES);
  const col = (name: string) => features.names.indexOf(name);
  const activeColumn = col("purchase_days_365");
  const active = (row: number) => features.values[row * width + activeColumn]! >= ACTIVE_MIN_PURCHASE_DAYS_365;

  t = performance.now();
  const predictions = new Map<HeadName, Float32Array>();
  for (const [index, head] of heads.entries()) {
    options.onProgress?.(`onnx ${head.name}`, index / heads.length);
    const scorer = await createOnnxScorer(head.onnx, MODEL_FEATURES.length, { intraOpNumThreads: options.threads ?? 2 });
    try {
      predictions.set(head.name, (await scorer.score(matrix)).prediction);
    } finally {
      await scorer.release();
    }
  }
  const onnxMs = performance.now() - t;

  t = performance.now();
  options.onProgress?.("shap", 0);
  const explain = (name: HeadName) => {
    const head = heads.find((h) => h.name === name);
    return head ? treeShap(head.model, matrix) : undefined;
  };
  const buyShap = explain("BUY_90D");
  const churnShap = explain("CHURN_90D");
  const shapMs = performance.now() - t;

  const buy = predictions.get("BUY_90D");
  const churn90 = predictions.get("CHURN_90D");
  const churn180 = predictions.get("CHURN_180D");
  const days = predictions.get("DAYS_TO_NEXT");
  const rows: ScoredRow[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const key = features.keys[r]!;
    const values: Record<string, number> = {};
    for (let c = 0; c < width; c++) values[features.names[c]!] = features.values[r * width + c]!;
    const family = FAMILY_LABEL[key.familyCode] ?? key.familyCode;
    const isActive = active(r);
    const reasonsOf = (shap: ReturnType<typeof explain>) =>
      shap ? topContributions(shap, r, k, MODEL_FEATURES).map((c) => phraseReason(c.name, c.value, values, family)) : [];
    rows[r] = {
      clientId: key.clientId,
      familyCode: key.familyCode,
      pBuy90d: buy ? buy[r]! : Number.NaN,
      pChurn90d: churn90 && isActive ? churn90[r]! : null,
      pChurn180d: churn180 && isActive ? churn180[r]! : null,
      expectedDaysToNext: days ? days[r]! : null,
      values,
      reasons: { buy: reasonsOf(buyShap), churn: isActive ? reasonsOf(churnShap) : [] },
    };
  }
  return { asOf, names: features.names, features: features.values, rows, timings: { featuresMs, onnxMs, shapMs } };
}
