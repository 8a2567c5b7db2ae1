// `npm run bench:ml [-- --scale 1] [--pipeline-scale 1,10] [--skip-xgboost] [--pipeline-only] [--full-training] [--profile-dir DIR] [--onnx-workers N] [--onnx-threads N]`: the signal engine's figures
// on a generated demo world, in a throwaway PostgreSQL:
//   1. our GBM vs XGBoost `hist` on the same buy_90d feature matrix (same threads, trees, depth, bins):
//      training time and temporal-holdout AUC;
//   2. ONNX scoring end to end through the pipeline's path (feature matrix in → onnxruntime on its
//      worker thread → score rows committed), rows/s;
//   3. TreeSHAP rows/s for the same 300-tree, depth-6 model: alone on one thread, and explained and
//      stored as the pipeline does it (two threads, reasons phrased, COPY into score_explanation);
//   4. the whole pipeline (features → train → score → explain → alerts) per scale, wall time and peak RSS
//      (in a child process, so the memory is the pipeline's own).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Pool } from "pg";
import { parseArgs } from "node:util";
import { createPgPool } from "../lib/db/pg-pool";
import { prepareDatabase } from "../lib/db/prepare-database";
import { createPrismaClient } from "../lib/db/prisma";
import { PROJECT_ROOT } from "../lib/db/resolve-database";
import { startThrowawayPostgres } from "../lib/db/start-throwaway-postgres";
import { loadDemoWorld } from "../lib/demo-world/load-demo-world";
import { buildTrainingSet, computeFeatures, MODEL_FEATURES, type FeatureKey } from "../lib/features";
import { headRows } from "../lib/pipeline/head-rows";
import { HEADS } from "../lib/pipeline/heads";
import { planSnapshots } from "../lib/pipeline/plan-snapshots";
import { pipelineHooks } from "../lib/pipeline/pipeline-hooks";
import { runPipeline } from "../lib/pipeline/run-pipeline";
import { explainRows, modelMatrix, scoreFeatures, type DeployedHead } from "../lib/pipeline/score-as-of";
import { storeExplanations } from "../lib/pipeline/store-explanations";
import { openScoreStore } from "../lib/pipeline/store-scores";
import { seedDemoTeam } from "../lib/seed/seed-demo-team";
import { createFeatureMatrix, createOnnxScorer, exportOnnx, predictMargin, rocAuc, trainGbm, treeShap } from "../ml";

const BENCH_DIR = path.join(PROJECT_ROOT, ".data", "bench-ml");
const TREES = 300;
const DEPTH = 6;
const BINS = 256;
const THREADS = 2;
const ETA = 0.1;

const cpuMs = (start: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
};
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");

async function withWorld<T>(scale: number, fn: (url: string) => Promise<T>): Promise<T> {
  const server = await startThrowawayPostgres({ settings: { max_connections: "50" } });
  try {
    const url = server.urlFor("bench_ml");
    await prepareDatabase(url);
    const db = createPrismaClient(url, { max: 2 });
    await seedDemoTeam(db);
    await db.$disconnect();
    const pool = createPgPool(url, 3);
    process.stderr.write(`loading the scale-${scale} demo world…\n`);
    await loadDemoWorld(pool, { dir: BENCH_DIR, scale });
    await pool.end();
    return await fn(url);
  } finally {
    await server.stop();
  }
}

function findPython(): string | undefined {
  const found = () => ["/usr/bin/python3", "python3"].find((p) => spawnSync(p, ["-c", "import xgboost"], { stdio: "ignore" }).status === 0);
  let python = found();
  if (!python && process.getuid?.() === 0) {
    process.stderr.write("installing Debian's python3-xgboost…\n");
    spawnSync("apt-get", ["install", "-y", "-qq", "python3-xgboost"], { stdio: "ignore" });
    python = found();
  }
  return python;
}

function xgboost(python: string, dir: string, features: number, baseScore: number) {
  const script = `
import json, sys, time, numpy as np, xgboost as xgb
d = sys.argv[1]; p = json.loads(sys.argv[2])
X = np.fromfile(d + "/train-x.f32", dtype=np.float32).reshape(-1, p["features"])
y = np.fromfile(d + "/train-y.f32", dtype=np.float32)
H = np.fromfile(d + "/holdout-x.f32", dtype=np.float32).reshape(-1, p["features"])
t = time.perf_counter(); c = time.process_time()
dtrain = xgb.DMatrix(X, label=y, missing=np.nan, nthread=p["threads"])
booster = xgb.train({"tree_method": "hist", "max_depth": p["depth"], "max_bin": p["bins"], "eta": p["eta"], "lambda": 1,
  "min_child_weight": 1, "objective": "binary:logistic", "base_score": p["base"], "nthread": p["threads"], "seed": 1},
  dtrain, num_boost_round=p["trees"])
wall = time.perf_counter() - t; cpu = time.process_time() - c
booster.predict(xgb.DMatrix(H, missing=np.nan), output_margin=True).astype(np.float64).tofile(d + "/xgb-margin.f64")
print(json.dumps({"version": xgb.__version__, "wall": wall, "cpu": cpu}))
`;
  const out = execFileSync(python, ["-c", script, dir, JSON.stringify({ features, depth: DEPTH, bins: BINS, eta: ETA, trees: TREES, threads: THREADS, base: baseScore })], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
    // OpenMP's default busy-waiting collapses on a shared machine; passive waiting keeps the comparison fair.
    env: { ...process.env, OMP_WAIT_POLICY: "PASSIVE" },
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as { version: string; wall: number; cpu: number };
}

/**
 * The scale-1 world has ~15k client × family pairs; the figure needs ~200k. Its feature matrix is
 * replicated onto synthetic clients (inserted for the purpose, so every row is a distinct pair, as
 * the score table's primary key requires), and scored as one as-of date exactly as the pipeline
 * scores it: onnxruntime on its worker thread, rows encoded and COPied into `score` as they come,
 * committed. Explanations are a step of their own, measured with TreeSHAP (section 3).
 */
async function scoringEndToEnd(url: string, pool: Pool, asOf: string, head: DeployedHead, onnx: { workers?: number; threads?: number }): Promise<void> {
  const features = await computeFeatures(pool, asOf);
  const n = features.keys.length;
  const width = features.names.length;
  const replicas = Math.max(1, Math.ceil(200_000 / n));
  const clients = [...new Set(features.keys.map((k) => k.clientId))];
  const slot = new Map(clients.map((c, i) => [c, i]));
  const synthetic = (
    await pool.query<{ id: number }>(
      `INSERT INTO client (external_id, registered) SELECT 'bench-' || g, false FROM generate_series(1, $1) g RETURNING id`,
      [(replicas - 1) * clients.length],
    )
  ).rows.map((r) => r.id);
  const keys: FeatureKey[] = [];
  const values = new Float32Array(n * replicas * width);
  for (let r = 0; r < replicas; r++) {
    values.set(features.values, r * n * width);
    for (const key of features.keys) {
      keys.push(r === 0 ? key : { clientId: synthetic[(r - 1) * clients.length + slot.get(key.clientId)!]!, familyCode: key.familyCode });
    }
  }
  const big = { asOf, keys, names: features.names, values };
  const rows = keys.length;
  const { segmentOf } = await pipelineHooks(url);
  const runId = (
    await pool.query<{ id: number }>(`INSERT INTO pipeline_run (as_of, status, trigger, started_at) VALUES ($1, 'RUNNING', 'CLI', now()) RETURNING id`, [asOf])
  ).rows[0]!.id;

  const measure = async (label: string, day: string) => {
    const client = await pool.connect();
    try {
      const t = performance.now();
      const store = await openScoreStore(client, day, runId, (result, i) => ({ segment: segmentOf?.(result, i) ?? null }));
      const scored = await scoreFeatures({ ...big, asOf: day }, [head], { ...onnx, sink: store });
      const tCommit = performance.now();
      const written = await store.end();
      const commitMs = performance.now() - tCommit;
      const totalMs = performance.now() - t;
      const stored = Number((await pool.query<{ n: string }>("SELECT count(*) AS n FROM score WHERE as_of = $1", [day])).rows[0]!.n);
      if (written !== rows || stored !== rows) throw new Error(`stored ${stored} of ${rows} rows`);
      const { onnxMs, onnxBusyMs, sinkMs } = scored.timings;
      console.log(
        `${label}: ${rows} rows in ${s(totalMs)}: ${Math.round(rows / (totalMs / 1000))} rows/s ` +
          `(onnxruntime busy ${s(onnxBusyMs)} on its worker thread, waited for ${s(onnxMs)}; encoding + COPY ${s(sinkMs)}; end of COPY + commit ${s(commitMs)}; load ${load()})`,
      );
    } finally {
      client.release();
    }
  };
  const setup = `${onnx.workers ?? "2 (default)"} worker threads × ${onnx.threads ?? "1 (default)"} intra-op threads`;
  await measure(`ONNX scoring end to end (features in → onnxruntime, ${setup} → score rows committed)`, asOf);
  await measure("  again, replacing them (DELETE + COPY in one transaction)", asOf);
  // onnxruntime alone on the same rows, for reference.
  const scorer = await createOnnxScorer(head.onnx, MODEL_FEATURES.length, { intraOpNumThreads: THREADS });
  try {
    const matrix = modelMatrix(big);
    const t = performance.now();
    await scorer.score(matrix);
    const ms = performance.now() - t;
    console.log(`onnxruntime alone, same rows, ${THREADS} threads: ${s(ms)}: ${Math.round(rows / (ms / 1000))} rows/s`);
  } finally {
    await scorer.release();
  }
}

/**
 * The explanation step as the pipeline runs it: exact TreeSHAP on two threads over the scale-1
 * feature matrix, reasons phrased and stored with the feature vectors in score_explanation
 * (one transaction, binary COPY), committed.
 */
async function explanationsStored(pool: Pool, asOf: string, head: DeployedHead): Promise<void> {
  const features = await computeFeatures(pool, asOf);
  const client = await pool.connect();
  try {
    const t = performance.now();
    const explain = await explainRows(features, [head], { threads: THREADS });
    const tStore = performance.now();
    await storeExplanations(client, features, explain);
    const ms = performance.now() - t;
    const rows = features.keys.length;
    console.log(
      `TreeSHAP explained and stored (pipeline path, ${THREADS} threads, reasons phrased → score_explanation committed): ${rows} rows in ${s(ms)}: ` +
        `${Math.round(rows / (ms / 1000))} rows/s (TreeSHAP ${s(tStore - t)}, phrasing + COPY + commit ${s(performance.now() - tStore)}; load ${load()})`,
    );
  } finally {
    client.release();
  }
}

async function trainerAndScoring(url: string, skipXgboost: boolean, onnx: { workers?: number; threads?: number }): Promise<void> {
  const pool = createPgPool(url, 3);
  try {
    const last = (await pool.query<{ d: string }>("SELECT max(date)::text AS d FROM sales_line")).rows[0]!.d;
    const head = HEADS.find((h) => h.name === "BUY_90D")!;
    const plan = planSnapshots(last, head);
    const set = await buildTrainingSet(pool, [...plan.train, plan.holdout]);
    const columns = MODEL_FEATURES.map((n) => set.names.indexOf(n));
    const train = headRows(set, head, plan.train, columns, last);
    const holdout = headRows(set, head, [plan.holdout], columns, last);
    const trainMatrix = createFeatureMatrix(train.data, train.label.length, MODEL_FEATURES);
    const holdoutMatrix = createFeatureMatrix(holdout.data, holdout.label.length, MODEL_FEATURES);
    console.log(`buy_90d matrix: ${train.label.length} training rows × ${MODEL_FEATURES.length} features, ${holdout.label.length} holdout rows`);

    // 1. Trainer vs XGBoost.
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const ours = trainGbm({ matrix: trainMatrix, label: train.label }, { nRounds: TREES, maxDepth: DEPTH, maxBins: BINS, learningRate: ETA, lambda: 1, threads: THREADS, seed: 1 });
    const oursWall = performance.now() - t0;
    const oursCpu = cpuMs(c0);
    const oursAuc = rocAuc(predictMargin(ours.model, holdoutMatrix), holdout.label);
    console.log(`ml/ GBM     ${TREES} trees depth ${DEPTH}, ${BINS} bins, ${THREADS} threads: ${s(oursWall)} wall, ${s(oursCpu)} CPU, holdout AUC ${oursAuc.toFixed(4)}`);
    const python = skipXgboost ? undefined : findPython();
    if (python) {
      const dir = path.join(BENCH_DIR, "xgb");
      mkdirSync(dir, { recursive: true });
      const bytes = (a: Float32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
      writeFileSync(path.join(dir, "train-x.f32"), bytes(train.data));
      writeFileSync(path.join(dir, "train-y.f32"), bytes(train.label));
      writeFileSync(path.join(dir, "holdout-x.f32"), bytes(holdout.data));
      const base = train.label.reduce((a, b) => a + b, 0) / train.label.length;
      const x = xgboost(python, dir, MODEL_FEATURES.length, base);
      const margin = new Float64Array(new Uint8Array(readFileSync(path.join(dir, "xgb-margin.f64"))).buffer);
      const xgbAuc = rocAuc(margin, holdout.label);
      console.log(`xgboost ${x.version} hist, same settings:        ${s(x.wall * 1000)} wall, ${s(x.cpu * 1000)} CPU, holdout AUC ${xgbAuc.toFixed(4)}`);
      console.log(`ratio ml/ ÷ xgboost: ${(oursWall / (x.wall * 1000)).toFixed(2)}× wall time, ΔAUC ${(oursAuc - xgbAuc >= 0 ? "+" : "")}${(oursAuc - xgbAuc).toFixed(4)}`);
    } else {
      console.log("xgboost: not available (python3-xgboost could not be imported or installed) — comparison skipped");
    }

    // 2. ONNX end to end through the pipeline's own path (scoreFeatures → openScoreStore): the feature
    // matrix in, onnxruntime batch by batch on its worker thread, rows COPied into the real score
    // table and committed.
    const deployed: DeployedHead = { name: "BUY_90D", model: ours.model, onnx: exportOnnx(ours.model) };
    await scoringEndToEnd(url, pool, last, deployed, onnx);

    // 3. TreeSHAP.
    const shapRows = Math.min(5_000, holdoutMatrix.nRows);
    const t2 = performance.now();
    treeShap(ours.model, holdoutMatrix, { rowStart: 0, rowEnd: shapRows });
    const shapMs = performance.now() - t2;
    console.log(`TreeSHAP (exact, ${TREES} trees depth ${DEPTH}, 1 thread): ${shapRows} rows in ${s(shapMs)}: ${Math.round(shapRows / (shapMs / 1000))} rows/s`);
    await explanationsStored(pool, last, deployed);
  } finally {
    await pool.end();
  }
}

async function pipelineChild(url: string, fullTraining: boolean): Promise<void> {
  const pool = createPgPool(url, 4);
  const t = performance.now();
  const noLimits = { maxFitRows: undefined, maxValidRows: undefined, maxBaselineRows: undefined };
  const summary = await runPipeline(pool, {
    trigger: "CLI",
    ...(await pipelineHooks(url)),
    ...(fullTraining ? { limits: noLimits } : {}),
    log: (line) => process.stderr.write(`  [${((performance.now() - t) / 1000).toFixed(1).padStart(6)} s] ${line}\n`),
  });
  await pool.end();
  const cpu = process.cpuUsage();
  console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssMb: process.resourceUsage().maxRSS / 1024, scored: summary.scored, timings: summary.timingsMs, aucs: summary.metrics.map((m) => [m.head, m.model?.auc, m.logisticRegression?.auc, m.recencyCadence?.auc]) }));
}

async function pipelineAtScale(scale: number, fullTraining: boolean, profileDir?: string): Promise<void> {
  await withWorld(scale, async (url) => {
    const loadBefore = load();
    const profile = profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [];
    const child = spawnSync(process.execPath, [...profile, "--import", "tsx", import.meta.filename, "--child-pipeline", url, ...(fullTraining ? ["--full-training"] : [])], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 24,
    });
    if (child.status !== 0) throw new Error(`pipeline child failed (${child.status})`);
    const r = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { seconds: number; cpuSeconds: number; maxRssMb: number; scored: number; timings: Record<string, number>; aucs: [string, number?, number?, number?][] };
    const steps = Object.entries(r.timings).filter(([k]) => !k.startsWith("train."));
    const heads = Object.entries(r.timings).filter(([k]) => k.startsWith("train."));
    console.log(`pipeline scale ${scale}${fullTraining ? " (full training, no row budgets)" : ""}: ${r.scored} pairs scored, ${r.seconds.toFixed(1)} s wall (${r.cpuSeconds.toFixed(1)} s CPU in node, all threads; PostgreSQL's not counted), peak RSS ${Math.round(r.maxRssMb)} MB; load average before ${loadBefore}, after ${load()}`);
    console.log(`  steps: ${steps.map(([k, v]) => `${k} ${s(v)}`).join(", ")}`);
    console.log(`  train by head: ${heads.map(([k, v]) => `${k.slice(6)} ${s(v)}`).join(", ")}`);
    console.log(`  holdout AUC (model / logistic regression / recency-cadence rule): ${r.aucs.filter((a) => a[1] != null).map(([h, m, lr, rule]) => `${h} ${m!.toFixed(4)} / ${lr?.toFixed(4)} / ${rule?.toFixed(4)}`).join(", ")}`);
  });
}

async function main(): Promise<void> {
  if (process.argv[2] === "--child-pipeline") return pipelineChild(process.argv[3]!, process.argv[4] === "--full-training");
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "1" },
      "pipeline-scale": { type: "string", default: "1" },
      "skip-xgboost": { type: "boolean", default: false },
      // Only the pipeline figures (sections 1–3 take a minute of training first).
      "pipeline-only": { type: "boolean", default: false },
      // The pipeline without its row budgets (DEFAULT_LIMITS): every row of every snapshot, for comparison.
      "full-training": { type: "boolean", default: false },
      // onnxruntime workers and intra-op threads per worker for section 2 (default: the pipeline's, 2 × 1).
      "onnx-workers": { type: "string" },
      "onnx-threads": { type: "string" },
      // Writes a V8 CPU profile of the pipeline process into this folder (open it in Chrome DevTools).
      "profile-dir": { type: "string" },
    },
  });
  if (!values["pipeline-only"]) {
    const before = load();
    await withWorld(Number(values.scale), (url) => trainerAndScoring(url, values["skip-xgboost"] ?? false, {
      workers: values["onnx-workers"] ? Number(values["onnx-workers"]) : undefined,
      threads: values["onnx-threads"] ? Number(values["onnx-threads"]) : undefined,
    }));
    console.log(`(sections 1–3: load average before ${before}, after ${load()})`);
  }
  for (const scale of (values["pipeline-scale"] ?? "1").split(",").map(Number).filter((n) => n > 0)) {
    await pipelineAtScale(scale, values["full-training"] ?? false, values["profile-dir"]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
