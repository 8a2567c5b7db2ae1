// `npm run bench:ml [-- --scale 1] [--pipeline-scale 1,10] [--skip-xgboost]`: the signal engine's figures
// on a generated demo world, in a throwaway PostgreSQL:
//   1. our GBM vs XGBoost `hist` on the same buy_90d feature matrix (same threads, trees, depth, bins):
//      training time and temporal-holdout AUC;
//   2. ONNX scoring end to end (feature matrix in → onnxruntime → scores stored with COPY), rows/s;
//   3. TreeSHAP rows/s for the same 300-tree, depth-6 model;
//   4. the whole pipeline (features → train → score → explain → alerts) per scale, wall time and peak RSS
//      (in a child process, so the memory is the pipeline's own).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { openCopyWriter } from "../lib/db/copy-writer";
import { createPgPool } from "../lib/db/pg-pool";
import { prepareDatabase } from "../lib/db/prepare-database";
import { createPrismaClient } from "../lib/db/prisma";
import { PROJECT_ROOT } from "../lib/db/resolve-database";
import { startThrowawayPostgres } from "../lib/db/start-throwaway-postgres";
import { loadDemoWorld } from "../lib/demo-world/load-demo-world";
import { buildTrainingSet, MODEL_FEATURES } from "../lib/features";
import { headRows } from "../lib/pipeline/head-rows";
import { HEADS } from "../lib/pipeline/heads";
import { planSnapshots } from "../lib/pipeline/plan-snapshots";
import { pipelineHooks } from "../lib/pipeline/pipeline-hooks";
import { runPipeline } from "../lib/pipeline/run-pipeline";
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

async function trainerAndScoring(url: string, skipXgboost: boolean): Promise<void> {
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

    // 2. ONNX end to end: the feature matrix in, probabilities out, scores stored with COPY.
    const onnx = exportOnnx(ours.model);
    const replicas = Math.max(1, Math.ceil(200_000 / holdout.label.length));
    const big = new Float32Array(holdout.data.length * replicas);
    for (let r = 0; r < replicas; r++) big.set(holdout.data, r * holdout.data.length);
    const rows = holdout.label.length * replicas;
    const scorer = await createOnnxScorer(onnx, MODEL_FEATURES.length, { intraOpNumThreads: THREADS });
    const client = await pool.connect();
    try {
      await client.query("CREATE TEMP TABLE bench_score (client_id int, family_code text, p_buy_90d real, features bytea)");
      const t1 = performance.now();
      const scores = await scorer.score({ data: big, nRows: rows, nFeatures: MODEL_FEATURES.length });
      const onnxMs = performance.now() - t1;
      const writer = openCopyWriter(client, "COPY bench_score (client_id, family_code, p_buy_90d, features) FROM STDIN");
      const width = MODEL_FEATURES.length;
      for (let i = 0; i < rows; i++) {
        const features = `\\x${Buffer.from(big.buffer, i * width * 4, width * 4).toString("hex")}`;
        await writer.write([i, "C1", scores.prediction[i]!, features]);
      }
      await writer.end();
      const totalMs = performance.now() - t1;
      console.log(`ONNX scoring end to end: ${rows} rows in ${s(totalMs)} (onnxruntime ${s(onnxMs)}, store ${s(totalMs - onnxMs)}): ${Math.round(rows / (totalMs / 1000))} rows/s`);
    } finally {
      client.release();
      await scorer.release();
    }

    // 3. TreeSHAP.
    const shapRows = Math.min(5_000, holdoutMatrix.nRows);
    const t2 = performance.now();
    treeShap(ours.model, holdoutMatrix, { rowStart: 0, rowEnd: shapRows });
    const shapMs = performance.now() - t2;
    console.log(`TreeSHAP (exact, ${TREES} trees depth ${DEPTH}): ${shapRows} rows in ${s(shapMs)}: ${Math.round(shapRows / (shapMs / 1000))} rows/s`);
  } finally {
    await pool.end();
  }
}

async function pipelineChild(url: string): Promise<void> {
  const pool = createPgPool(url, 4);
  const t = performance.now();
  const summary = await runPipeline(pool, { trigger: "CLI", ...(await pipelineHooks(url)) });
  await pool.end();
  console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, scored: summary.scored, timings: summary.timingsMs, aucs: summary.metrics.map((m) => [m.head, m.model?.auc, m.recencyCadence?.auc]) }));
}

async function pipelineAtScale(scale: number): Promise<void> {
  await withWorld(scale, async (url) => {
    const child = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, "--child-pipeline", url], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 24,
    });
    if (child.status !== 0) throw new Error(`pipeline child failed (${child.status})`);
    const r = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { seconds: number; maxRssMb: number; scored: number; timings: Record<string, number>; aucs: unknown };
    console.log(`pipeline scale ${scale}: ${r.scored} pairs scored, ${r.seconds.toFixed(1)} s wall, peak RSS ${Math.round(r.maxRssMb)} MB; steps ${JSON.stringify(r.timings)}; AUC model vs rule ${JSON.stringify(r.aucs)}`);
  });
}

async function main(): Promise<void> {
  if (process.argv[2] === "--child-pipeline") return pipelineChild(process.argv[3]!);
  const { values } = parseArgs({
    options: { scale: { type: "string", default: "1" }, "pipeline-scale": { type: "string", default: "1" }, "skip-xgboost": { type: "boolean", default: false } },
  });
  await withWorld(Number(values.scale), (url) => trainerAndScoring(url, values["skip-xgboost"] ?? false));
  for (const scale of (values["pipeline-scale"] ?? "1").split(",").map(Number).filter((n) => n > 0)) await pipelineAtScale(scale);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
