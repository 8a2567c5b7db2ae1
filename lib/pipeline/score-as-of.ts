// Scores every client × family with a purchase on or before the date (features computed in
// PostgreSQL): probabilities from the ONNX graphs (onnxruntime, on a worker thread), and, as a step
// of its own, reasons from exact TreeSHAP on the same trees (explainRows). Rows are scored in batches
// and each batch goes to the sink (the score store's COPY) as soon as it is scored, so PostgreSQL
// ingests one batch while onnxruntime scores the next ones.
import { MODEL_FEATURES, selectColumns, type FeatureMatrix as FeatureRows } from "@/lib/features";
import {
  createFeatureMatrix, selectRows, startOnnxWorker, topContributions, treeShapParallel,
  type FeatureMatrix, type GbmModel, type ShapResult,
} from "@/ml";
import { featureValuesView, type FeatureValues } from "./feature-values-view";
import { ACTIVE_MIN_PURCHASE_DAYS_365, type HeadName } from "./heads";
import { phraseReason, type Reason } from "./reason-phrases";

export interface DeployedHead {
  name: HeadName;
  model: GbmModel;
  onnx: Uint8Array;
}

export interface RowReasons {
  buy: Reason[];
  churn: Reason[];
}

export interface ScoredRow {
  clientId: number;
  familyCode: string;
  pBuy90d: number;
  pChurn90d: number | null;
  pChurn180d: number | null;
  expectedDaysToNext: number | null;
  /** Every feature of the dictionary, by name (context for alerts, reasons and the UI). */
  values: FeatureValues;
  reasons: RowReasons;
}

export interface ScoreTimings {
  /** Wall time this thread waited for onnxruntime's results (its worker scores ahead meanwhile). */
  onnxMs: number;
  /** Time onnxruntime's workers spent inside session.run, summed over workers (overlapping the rest). */
  onnxBusyMs: number;
  /** Wall time in the sink (encoding rows, handing them to COPY, waiting for it to drain). */
  sinkMs: number;
}

export interface ScoreResult {
  asOf: string;
  names: string[];
  /** Row-major, all dictionary features (what is stored with each score). */
  features: Float32Array;
  rows: ScoredRow[];
  timings: ScoreTimings;
}

/** Where scored rows go as soon as a batch is final (see openScoreStore). */
export interface ScoreSink {
  /** Rows [start, end) of `result.rows` are final. A promise asks the scorer to wait for it. */
  write(result: ScoreResult, start: number, end: number): Promise<void> | undefined;
}

export interface ScoreOptions {
  /** onnxruntime worker threads, batches dealt round-robin. Default 2 (one per core; see README). */
  workers?: number;
  /** onnxruntime intra-op threads per worker (the worker thread is one). Default 1. */
  threads?: number;
  /** Rows per onnxruntime run (and per hand-over to the sink). */
  batchRows?: number;
  /**
   * Reasons carried by each scored row (the alert step reads them); default none. Explaining is a
   * step of its own: explainRows (TreeSHAP), then storeExplanations, which returns them phrased.
   */
  reasons?: (row: number) => RowReasons;
  sink?: ScoreSink;
  onProgress?: (step: string, fraction: number) => void;
}

const FAMILY_LABEL: Record<string, string> = { C1: "Familia C1", C2: "Familia C2", T1: "Familia T1", T2: "Familia T2" };
/** Small enough that a batch's rows fit the socket buffers while the next batch is scored. */
const DEFAULT_BATCH_ROWS = 16_384;
/** Batches handed to onnxruntime's workers ahead of the one being stored. */
const IN_FLIGHT = 3;

/** The model inputs of a feature matrix, as `ml/` takes them. */
export function modelMatrix(features: FeatureRows): FeatureMatrix {
  return createFeatureMatrix(selectColumns(features.values, features.names, MODEL_FEATURES), features.keys.length, MODEL_FEATURES);
}

/**
 * Exact TreeSHAP of the purchase head over every row and of the churn head over the pairs active at
 * the date (churn is defined on those only; the others get no churn reasons), computed now with rows
 * shared between `threads` threads, and phrased into reasons on demand.
 */
export async function explainRows(
  features: FeatureRows,
  heads: readonly DeployedHead[],
  options: { matrix?: FeatureMatrix; reasonsPerHead?: number; threads?: number } = {},
): Promise<(row: number) => RowReasons> {
  const matrix = options.matrix ?? modelMatrix(features);
  const k = options.reasonsPerHead ?? 3;
  const threads = options.threads ?? 2;
  const isActive = activeRows(features);
  const buyHead = heads.find((h) => h.name === "BUY_90D");
  const churnHead = heads.find((h) => h.name === "CHURN_90D");
  const buyShap = buyHead ? await treeShapParallel(buyHead.model, matrix, { threads }) : undefined;
  // Churn: only the active rows, each row's position among them kept (−1: not explained).
  const churnRow = new Int32Array(matrix.nRows).fill(-1);
  let churnShap: ShapResult | undefined;
  if (churnHead) {
    const active: number[] = [];
    for (let r = 0; r < matrix.nRows; r++) if (isActive(r)) churnRow[r] = active.push(r) - 1;
    churnShap = await treeShapParallel(churnHead.model, selectRows(matrix, active), { threads });
  }
  const valuesOf = featureValuesView(features.names, features.values);
  return (r) => {
    const values = valuesOf(r);
    const familyCode = features.keys[r]!.familyCode;
    const family = FAMILY_LABEL[familyCode] ?? familyCode;
    const reasonsOf = (shap: ShapResult | undefined, row: number) =>
      shap && row >= 0 ? topContributions(shap, row, k, MODEL_FEATURES).map((c) => phraseReason(c.name, c.value, values, family)) : [];
    return { buy: reasonsOf(buyShap, r), churn: reasonsOf(churnShap, churnRow[r]!) };
  };
}

function activeRows(features: FeatureRows): (row: number) => boolean {
  const width = features.names.length;
  const column = features.names.indexOf("purchase_days_365");
  return (row) => features.values[row * width + column]! >= ACTIVE_MIN_PURCHASE_DAYS_365;
}

/** Reasons of a row that was not explained (explanations are a step of their own). */
const NO_REASONS: RowReasons = Object.freeze({ buy: [], churn: [] }) as RowReasons;

/**
 * Scores a feature matrix already computed: onnxruntime on worker threads (batches dealt round-robin),
 * with the next batches queued while this thread turns the last one into rows and hands them to the
 * sink, in order (so scoring, encoding and PostgreSQL's ingestion overlap).
 */
export async function scoreFeatures(features: FeatureRows, heads: readonly DeployedHead[], options: ScoreOptions = {}): Promise<ScoreResult> {
  const n = features.keys.length;
  const matrix = modelMatrix(features);
  const timings: ScoreTimings = { onnxMs: 0, onnxBusyMs: 0, sinkMs: 0 };
  const reasonsOf = options.reasons ?? (() => NO_REASONS);
  const result: ScoreResult = { asOf: features.asOf, names: features.names, features: features.values, rows: new Array(n), timings };
  const valuesOf = featureValuesView(features.names, features.values);
  const isActive = activeRows(features);
  const models = heads.map((h) => h.onnx);
  const started = await Promise.allSettled(
    Array.from({ length: Math.max(1, options.workers ?? 2) }, () => startOnnxWorker(models, MODEL_FEATURES.length, { intraOpNumThreads: options.threads ?? 1 })),
  );
  const workers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    for (const worker of workers) await worker.release();
    throw failed.reason;
  }
  const column = (name: HeadName) => heads.findIndex((h) => h.name === name);
  const [buyAt, churn90At, churn180At, daysAt] = [column("BUY_90D"), column("CHURN_90D"), column("CHURN_180D"), column("DAYS_TO_NEXT")];
  try {
    const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
    const width = MODEL_FEATURES.length;
    const batches = Math.ceil(n / batchRows);
    const submit = (b: number) => {
      const start = b * batchRows;
      const end = Math.min(n, start + batchRows);
      return workers[b % workers.length]!.run(matrix.data.subarray(start * width, end * width), end - start);
    };
    // Batches queued in the worker, oldest first (a failure is reported when its batch is awaited).
    const queued: Promise<Float32Array[]>[] = [];
    const enqueue = (b: number) => {
      const run = submit(b);
      run.catch(() => {});
      queued.push(run);
    };
    for (let b = 0; b < Math.min(batches, IN_FLIGHT); b++) enqueue(b);
    for (let b = 0; b < batches; b++) {
      const start = b * batchRows;
      const end = Math.min(n, start + batchRows);
      options.onProgress?.("onnx", start / n);
      let t = performance.now();
      const predictions = await queued.shift()!;
      timings.onnxMs += performance.now() - t;
      if (b + IN_FLIGHT < batches) enqueue(b + IN_FLIGHT);
      const buy = predictions[buyAt], churn90 = predictions[churn90At], churn180 = predictions[churn180At], days = predictions[daysAt];
      for (let r = start; r < end; r++) {
        const i = r - start;
        const key = features.keys[r]!;
        const active = isActive(r);
        result.rows[r] = {
          clientId: key.clientId,
          familyCode: key.familyCode,
          pBuy90d: buy ? buy[i]! : Number.NaN,
          pChurn90d: churn90 && active ? churn90[i]! : null,
          pChurn180d: churn180 && active ? churn180[i]! : null,
          expectedDaysToNext: days ? days[i]! : null,
          values: valuesOf(r),
          reasons: reasonsOf(r),
        };
      }
      if (options.sink) {
        t = performance.now();
        const wait = options.sink.write(result, start, end);
        if (wait) await wait;
        timings.sinkMs += performance.now() - t;
      }
    }
  } finally {
    for (const worker of workers) {
      timings.onnxBusyMs += worker.busyMs;
      await worker.release();
    }
  }
  return result;
}
