// The daily pipeline as of a date: features → train (4 heads, temporal validation, baselines) →
// ONNX → score → explain → store → alerts. One run at a time (advisory lock); every step reports
// progress and appends to the run's log in `pipeline_run`, so the admin page can follow it.
import type { Pool, PoolClient } from "pg";
import { buildTrainingSet, computeFeatures, MODEL_FEATURES } from "@/lib/features";
import { exportOnnx, type GbmParams } from "@/ml";
import { HEADS } from "./heads";
import { allSnapshotDates, DEFAULT_PLAN, planSnapshots, type PlanOptions } from "./plan-snapshots";
import { explainRows, scoreFeatures, type DeployedHead, type ScoreResult } from "./score-as-of";
import { storeModels } from "./store-models";
import { storeExplanations } from "./store-explanations";
import { openScoreStore } from "./store-scores";
import { loadActiveModels } from "./load-active-models";
import { trainHead, type TrainedHead, type TrainLimits } from "./train-head";
import type { HeadMetrics } from "./train-head";

/** Key of the advisory lock that keeps pipeline runs one at a time ("SDSPIPE"). */
export const PIPELINE_LOCK_KEY = 0x53_4453_5049_5045;

export const DEFAULT_TRAINING: Partial<GbmParams> = {
  nRounds: 300,
  learningRate: 0.08,
  maxDepth: 6,
  minChildWeight: 5,
  lambda: 1,
  subsample: 0.8,
  colsampleByTree: 0.8,
  maxBins: 128,
  earlyStoppingRounds: 25,
  seed: 7,
  threads: 2,
};

/**
 * Row budgets per head (see TrainLimits). The scale-1 demo world (~15k pairs, ≤ 120k rows per head)
 * trains on everything; larger worlds fit on a uniform sample, which costs next to nothing in
 * holdout AUC (README, "The signal engine") and keeps a scale-10 run within minutes.
 */
export const DEFAULT_LIMITS: TrainLimits = {
  maxFitRows: 300_000,
  maxValidRows: 100_000,
  maxBaselineRows: 50_000,
  importanceRows: 2_000,
};

export class PipelineBusyError extends Error {
  constructor() {
    super("Ya hay una ejecución del motor de señales en curso; espere a que termine.");
  }
}

export interface PipelineProgress {
  step: string;
  /** 0..1 of the whole run. */
  fraction: number;
}

/** What the alert step receives; the alert engine plugs in here (see lib/pipeline/apply-alerts.ts). */
export type AlertStep = (input: { pool: Pool; runId: number; asOf: string; scores: ScoreResult; log: (line: string) => void }) => Promise<Record<string, number>>;

export interface PipelineOptions {
  asOf?: string;
  trigger: "SCHEDULE" | "MANUAL" | "CLI";
  userId?: number | null;
  /** A QUEUED run row created by the caller (the admin page); otherwise one is created. */
  runId?: number;
  training?: Partial<GbmParams>;
  limits?: TrainLimits;
  /** Score with the active model versions (as an admin chose them) instead of retraining. */
  useActiveModels?: boolean;
  plan?: PlanOptions;
  segmentOf?: (scores: ScoreResult, index: number) => string | null;
  alerts?: AlertStep;
  onProgress?: (progress: PipelineProgress) => void;
  log?: (line: string) => void;
}

export interface PipelineSummary {
  runId: number;
  asOf: string;
  metrics: HeadMetrics[];
  scored: number;
  alerts: Record<string, number>;
  timingsMs: Record<string, number>;
}

const STEPS: [string, number][] = [
  ["training-set", 0.3],
  ["train", 0.35],
  ["onnx", 0.02],
  ["score", 0.2],
  ["store", 0.08],
  ["alerts", 0.05],
];

function stepStart(name: string): number {
  let total = 0;
  for (const [step, weight] of STEPS) {
    if (step === name) return total;
    total += weight;
  }
  return total;
}

function stepWeight(name: string): number {
  return STEPS.find(([step]) => step === name)?.[1] ?? 0;
}

async function lastSalesDate(pool: Pool): Promise<string | null> {
  const result = await pool.query<{ d: string | null }>("SELECT max(date)::text AS d FROM sales_line");
  return result.rows[0]?.d ?? null;
}

export async function runPipeline(pool: Pool, options: PipelineOptions): Promise<PipelineSummary> {
  const lock: PoolClient = await pool.connect();
  let runId = options.runId;
  const started = performance.now();
  const timingsMs: Record<string, number> = {};
  let logBuffer: string[] = [];
  let lastFlush = 0;

  const flush = async (force = false, fields: { progress?: number; step?: string } = {}) => {
    if (!runId) return;
    const now = Date.now();
    if (!force && now - lastFlush < 1000 && fields.step === undefined) return;
    lastFlush = now;
    const lines = logBuffer.join("");
    logBuffer = [];
    await pool.query(
      `UPDATE pipeline_run SET log = log || $2, progress = coalesce($3, progress), step = coalesce($4, step) WHERE id = $1`,
      [runId, lines, fields.progress ?? null, fields.step ?? null],
    );
  };
  const log = (line: string) => {
    const stamped = `[${new Date().toISOString().slice(11, 19)}] ${line}\n`;
    logBuffer.push(stamped);
    options.log?.(line);
  };
  let currentFraction = 0;
  const progress = (step: string, within: number) => {
    currentFraction = Math.min(0.999, stepStart(step) + stepWeight(step) * Math.max(0, Math.min(1, within)));
    options.onProgress?.({ step, fraction: currentFraction });
    void flush(false, { progress: currentFraction }).catch(() => {});
  };
  const enter = async (step: string) => {
    progress(step, 0);
    await flush(true, { step, progress: currentFraction });
  };
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      timingsMs[name] = Math.round(performance.now() - t);
    }
  };

  try {
    const locked = await lock.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [PIPELINE_LOCK_KEY]);
    if (!locked.rows[0]?.ok) {
      if (runId) await pool.query(`UPDATE pipeline_run SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1`, [runId, new PipelineBusyError().message]);
      throw new PipelineBusyError();
    }
    const last = await lastSalesDate(pool);
    if (!last) throw new Error("No hay ventas importadas: importe el histórico antes de ejecutar el motor.");
    const asOf = options.asOf ?? last;
    if (runId) {
      await pool.query(`UPDATE pipeline_run SET status = 'RUNNING', started_at = now(), as_of = $2 WHERE id = $1`, [runId, asOf]);
    } else {
      const created = await pool.query<{ id: number }>(
        `INSERT INTO pipeline_run (as_of, status, trigger, user_id, started_at) VALUES ($1, 'RUNNING', $2, $3, now()) RETURNING id`,
        [asOf, options.trigger, options.userId ?? null],
      );
      runId = created.rows[0]!.id;
    }
    log(`Motor de señales a fecha ${asOf} (últimas ventas: ${last}).`);

    let deployed: DeployedHead[];
    const trained: TrainedHead[] = [];
    if (options.useActiveModels) {
      deployed = await loadActiveModels(pool);
      log(`Sin reentrenar: se puntúa con las versiones activas (${deployed.map((d) => d.name).join(", ")}).`);
    } else {
      // 1. Training set over every snapshot date the heads need.
      await enter("training-set");
      const plans = HEADS.map((head) => planSnapshots(asOf, head, options.plan ?? DEFAULT_PLAN));
      const dates = allSnapshotDates(plans);
      const set = await timed("trainingSet", () =>
        buildTrainingSet(pool, dates, {
          onProgress: (t) => progress("training-set", (t.index + 1) / t.total),
        }),
      );
      log(
        `Conjunto de entrenamiento: ${set.keys.length.toLocaleString("es-ES")} filas de ${dates.length} fechas (${dates[0]} → ${dates.at(-1)}); actividad diaria preparada en ${Math.round(set.timings.prepareMs)} ms.`,
      );
      timingsMs["trainingSet.prepare"] = Math.round(set.timings.prepareMs);

      // 2. Train each head (fit, judge on the holdout beside the baselines, refit).
      await enter("train");
      await timed("train", async () => {
        for (const [index, head] of HEADS.entries()) {
          const result = trainHead(
            set, head, plans[index]!, MODEL_FEATURES, asOf, { ...DEFAULT_TRAINING, ...options.training },
            (round, total) => progress("train", (index + round / total) / HEADS.length),
            { ...DEFAULT_LIMITS, ...options.limits },
          );
          for (const [part, ms] of Object.entries(result.timingsMs)) timingsMs[`train.${head.name}.${part}`] = ms;
          trained.push(result);
          const m = result.metrics;
          log(
            m.model
              ? `${head.name}: AUC ${m.model.auc.toFixed(3)} (regresión logística ${m.logisticRegression!.auc.toFixed(3)}, regla recencia/ritmo ${m.recencyCadence!.auc.toFixed(3)}) en ${m.holdoutRows.toLocaleString("es-ES")} filas de validación temporal; ${m.bestRound + 1} árboles.`
              : `${head.name}: error mediano ${m.medianAbsoluteErrorDays?.toFixed(1)} días; ${m.bestRound + 1} árboles.`,
          );
          log(`${head.name}: ${m.trainRows.toLocaleString("es-ES")} filas de ajuste; tiempos (ms) ${JSON.stringify(result.timingsMs)}.`);
          await flush(true);
        }
      });

      // 3. ONNX export and storage of the model versions.
      await enter("onnx");
      const onnx = new Map(trained.map((t) => [t.head.name, exportOnnx(t.model, { producerVersion: `run ${runId}` })]));
      const stored = await timed("storeModels", async () => {
        const client = await pool.connect();
        try {
          return await storeModels(client, { runId: runId!, asOf, trained, onnx, featureNames: MODEL_FEATURES });
        } finally {
          client.release();
        }
      });
      log(`Modelos guardados: ${stored.map((s) => `${s.head} v${s.version}`).join(", ")}.`);
      deployed = trained.map((t) => ({ name: t.head.name, model: t.model, onnx: onnx.get(t.head.name)! }));
    }

    // 4. Explain and score every client × family as of the date: features; TreeSHAP reasons, stored
    // with the feature vectors in score_explanation; then onnxruntime batch by batch straight into the
    // score table's COPY (one transaction each).
    await enter("score");
    const features = await timed("features", () => computeFeatures(pool, asOf));
    progress("score", 0.2);
    const explain = await timed("shap", () => explainRows(features, deployed));
    progress("score", 0.7);
    const reasons = await timed("storeExplanations", async () => {
      const client = await pool.connect();
      let failure: Error | undefined;
      try {
        return await storeExplanations(client, features, explain);
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        throw error;
      } finally {
        client.release(failure);
      }
    });
    progress("score", 0.8);
    await enter("store");
    const client = await pool.connect();
    let scores: ScoreResult;
    let written: number;
    let storeFailure: Error | undefined;
    try {
      const store = await openScoreStore(client, asOf, runId!, (result, i) => ({ segment: options.segmentOf?.(result, i) ?? null }));
      try {
        scores = await timed("scoreAndStore", () =>
          scoreFeatures(features, deployed, { reasons: (r) => reasons[r]!, sink: store, onProgress: (_step, fraction) => progress("store", fraction) }),
        );
      } catch (error) {
        await store.abort(error instanceof Error ? error : new Error(String(error))).catch(() => {});
        throw error;
      }
      written = await timed("commitScores", () => store.end());
    } catch (error) {
      storeFailure = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      // A connection that failed mid-COPY is discarded rather than handed to the next caller.
      client.release(storeFailure);
    }
    log(
      `Puntuados ${scores.rows.length.toLocaleString("es-ES")} pares cliente × familia (características ${timingsMs.features} ms, TreeSHAP ${timingsMs.shap} ms + guardado de explicaciones ${timingsMs.storeExplanations} ms, ONNX ${Math.round(scores.timings.onnxBusyMs)} ms en su hilo, puntuar y guardar ${timingsMs.scoreAndStore} ms + ${timingsMs.commitScores} ms).`,
    );

    // 5. Alerts.
    await enter("alerts");
    const alerts = options.alerts ? await timed("alerts", () => options.alerts!({ pool, runId: runId!, asOf, scores, log })) : {};

    timingsMs.total = Math.round(performance.now() - started);
    const summary: PipelineSummary = { runId: runId!, asOf, metrics: trained.map((t) => t.metrics), scored: written, alerts, timingsMs };
    log(`Terminado en ${(timingsMs.total / 1000).toFixed(1)} s.`);
    await flush(true);
    await pool.query(
      `UPDATE pipeline_run SET status = 'SUCCEEDED', progress = 1, step = 'done', finished_at = now(), stats = $2 WHERE id = $1`,
      [runId, JSON.stringify({ scored: written, alerts, timingsMs, metrics: summary.metrics.map(({ importance, ...rest }) => ({ ...rest, importance: importance.slice(0, 10) })) })],
    );
    return summary;
  } catch (error) {
    if (runId && !(error instanceof PipelineBusyError)) {
      const message = error instanceof Error ? error.message : String(error);
      log(`Error: ${message}`);
      await flush(true).catch(() => {});
      await pool.query(`UPDATE pipeline_run SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1`, [runId, message]).catch(() => {});
    }
    throw error;
  } finally {
    await lock.query("SELECT pg_advisory_unlock_all()").catch(() => {});
    lock.release();
  }
}
