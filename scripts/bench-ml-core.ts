// `npx tsx scripts/bench-ml-core.ts [--rows 200000] [--features 40] [--trees 300] [--depth 6] [--bins 256]
//   [--threads 2] [--eta 0.1] [--lambda 1] [--holdout 50000] [--shap-rows 2000] [--skip-xgboost]`
// Benchmarks ml/ on synthetic data with a nonlinear logistic ground truth and 5 % NaN: training time and
// holdout AUC, ONNX scoring throughput, TreeSHAP throughput — and, when `python3 -c "import xgboost"` works,
// XGBoost's `hist` method with the same trees/depth/bins/eta/lambda/threads on the identical matrix.
// Prints figures only; no pass/fail. On a busy machine run it as `OMP_WAIT_POLICY=PASSIVE npx tsx …`: XGBoost's
// OpenMP threads otherwise spin while waiting for CPU and its wall time explodes.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  averagePrecision, createOnnxScorer, exportOnnx, makeSyntheticClassification, precisionAtTop, predict,
  predictMargin, rocAuc, selectRows, splitRows, trainGbm, treeShap, packEnsemble, buildShapTables,
} from "@/ml";

const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "200000" },
    holdout: { type: "string", default: "50000" },
    features: { type: "string", default: "40" },
    trees: { type: "string", default: "300" },
    depth: { type: "string", default: "6" },
    bins: { type: "string", default: "256" },
    threads: { type: "string", default: "2" },
    eta: { type: "string", default: "0.1" },
    lambda: { type: "string", default: "1" },
    "shap-rows": { type: "string", default: "2000" },
    "skip-xgboost": { type: "boolean", default: false },
    "single-thread-too": { type: "boolean", default: false },
  },
});
const nTrain = Number(args.rows), nHoldout = Number(args.holdout), nFeatures = Number(args.features);
const nTrees = Number(args.trees), depth = Number(args.depth), bins = Number(args.bins);
const threads = Number(args.threads), eta = Number(args.eta), lambda = Number(args.lambda);
const shapRows = Number(args["shap-rows"]);

const fmt = (x: number, d = 4) => x.toFixed(d);
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perSecond = (rows: number, ms: number) => `${Math.round((rows / ms) * 1000).toLocaleString("en-US")} rows/s`;

console.log(`machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), load avg ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}, node ${process.version}`);
console.log(`data: ${nTrain} train + ${nHoldout} holdout rows × ${nFeatures} features, 5 % NaN, nonlinear logistic truth`);
console.log(`model: ${nTrees} trees, depth ${depth}, ${bins} bins, eta ${eta}, lambda ${lambda}, threads ${threads}`);
if (os.loadavg()[0] > 1) console.log("note: the machine is busy (load > 1); wall times include time taken by other processes — compare CPU times too");
console.log();

let t0 = performance.now();
const all = makeSyntheticClassification({ nRows: nTrain + nHoldout, nFeatures, missingRate: 0.05, seed: 2024 });
const split = splitRows(nTrain + nHoldout, nHoldout / (nTrain + nHoldout), 7);
const train = { matrix: selectRows(all.matrix, split.train), label: Float64Array.from(split.train, (i) => all.label[i]) };
const holdout = { matrix: selectRows(all.matrix, split.valid), label: Float64Array.from(split.valid, (i) => all.label[i]) };
console.log(`generated data in ${seconds(performance.now() - t0)}; positive rate ${fmt(train.label.reduce((a, b) => a + b, 0) / nTrain, 3)}`);

const params = { nRounds: nTrees, maxDepth: depth, maxBins: bins, learningRate: eta, lambda, minChildWeight: 1, seed: 1 };
// CPU time (all threads of the process) is reported next to wall time: on a shared machine the wall
// clock also counts time other processes took from us, CPU time does not.
function trainOnce(nThreads: number) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = trainGbm(train, { ...params, threads: nThreads });
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - start;
  const auc = rocAuc(predictMargin(result.model, holdout.matrix), holdout.label);
  return { result, ms, cpuMs: (used.user + used.system) / 1000, auc };
}

const ours = trainOnce(threads);
const holdoutProb = predict(ours.result.model, holdout.matrix);
console.log(`\n[ml/ GBM] training (incl. binning): ${seconds(ours.ms)} wall, ${seconds(ours.cpuMs)} CPU, ${threads} thread(s)`);
console.log(`[ml/ GBM] holdout AUC ${fmt(ours.auc)}, AP ${fmt(averagePrecision(holdoutProb, holdout.label))}, ` +
  `precision@5% ${fmt(precisionAtTop(holdoutProb, holdout.label, 0.05), 3)}, precision@10% ${fmt(precisionAtTop(holdoutProb, holdout.label, 0.1), 3)}`);
if (args["single-thread-too"] && threads !== 1) {
  const one = trainOnce(1);
  console.log(`[ml/ GBM] training with 1 thread: ${seconds(one.ms)} (AUC ${fmt(one.auc)})`);
}

// ONNX: export, score the training rows with 2 intra-op threads, check parity with the TS predictor.
let cpu: NodeJS.CpuUsage;
t0 = performance.now();
const onnxBytes = exportOnnx(ours.result.model);
const exportMs = performance.now() - t0;
const scorer = await createOnnxScorer(onnxBytes, nFeatures, { intraOpNumThreads: 2 });
await scorer.score(selectRows(holdout.matrix, Array.from({ length: 1000 }, (_, i) => i))); // warm-up
t0 = performance.now();
cpu = process.cpuUsage();
const onnxScores = await scorer.score(train.matrix, 65_536);
const onnxCpu = process.cpuUsage(cpu);
const onnxMs = performance.now() - t0;
const tsMargins = predictMargin(ours.result.model, train.matrix);
let maxDiff = 0;
for (let i = 0; i < nTrain; i++) maxDiff = Math.max(maxDiff, Math.abs(onnxScores.margin[i] - tsMargins[i]));
await scorer.release();
console.log(`\n[ONNX] export ${seconds(exportMs)}, ${(onnxBytes.length / 1024).toFixed(0)} KiB; scoring ${nTrain} rows with 2 threads: ` +
  `${seconds(onnxMs)} wall = ${perSecond(nTrain, onnxMs)} (CPU ${seconds(cpuMs(onnxCpu))}); max |margin TS − ONNX| = ${maxDiff.toExponential(2)}`);

// TreeSHAP on one core: pattern tables built once per model, then rows explained.
const packed = packEnsemble(ours.result.model);
const shapMatrix = selectRows(holdout.matrix, Array.from({ length: Math.min(shapRows, nHoldout) }, (_, i) => i));
t0 = performance.now();
const tables = buildShapTables(packed);
const tablesMs = performance.now() - t0;
treeShap(packed, shapMatrix, { rowEnd: Math.min(50, shapMatrix.nRows), tables }); // warm-up
t0 = performance.now();
cpu = process.cpuUsage();
const shap = treeShap(packed, shapMatrix, { tables });
const shapCpu = process.cpuUsage(cpu);
const shapMs = performance.now() - t0;
let worst = 0;
const shapMargins = predictMargin(packed, shapMatrix);
for (let r = 0; r < shapMatrix.nRows; r++) {
  let s = shap.expectedValue;
  for (let j = 0; j < nFeatures; j++) s += shap.values[r * nFeatures + j];
  worst = Math.max(worst, Math.abs(s - shapMargins[r]));
}
const recursiveRows = Math.min(200, shapMatrix.nRows);
t0 = performance.now();
cpu = process.cpuUsage();
treeShap(packed, shapMatrix, { rowEnd: recursiveRows, algorithm: "recursive" });
const recursiveCpu = process.cpuUsage(cpu);
const recursiveMs = performance.now() - t0;
console.log(`[TreeSHAP] tables for ${nTrees} trees built in ${seconds(tablesMs)}; ${shapMatrix.nRows} rows: ${seconds(shapMs)} wall = ` +
  `${perSecond(shapMatrix.nRows, shapMs)} (1 core; CPU ${perSecond(shapMatrix.nRows, cpuMs(shapCpu))}); max |Σφ + E − margin| = ${worst.toExponential(2)}`);
console.log(`[TreeSHAP] recursive Algorithm 2, ${recursiveRows} rows: ${perSecond(recursiveRows, recursiveMs)} wall, ` +
  `${perSecond(recursiveRows, cpuMs(recursiveCpu))} CPU`);

// XGBoost on the identical matrices.
if (!args["skip-xgboost"]) {
  const python = ["python3", "/usr/bin/python3"].find((p) => spawnSync(p, ["-c", "import xgboost"], { stdio: "ignore" }).status === 0);
  if (!python) {
    console.log("\n[xgboost] not importable by python3 — skipped (apt-get install -y python3-xgboost)");
  } else {
    const dir = path.resolve("tmp/bench-ml-core");
    mkdirSync(dir, { recursive: true });
    const write = (name: string, a: Float32Array | Float64Array) => writeFileSync(path.join(dir, name), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    write("train-x.f32", train.matrix.data);
    write("train-y.f64", train.label);
    write("holdout-x.f32", holdout.matrix.data);
    const baseScore = train.label.reduce((a, b) => a + b, 0) / nTrain;
    const script = `
import json, sys, time, numpy as np, xgboost as xgb
d = sys.argv[1]; p = json.loads(sys.argv[2])
X = np.fromfile(d + "/train-x.f32", dtype=np.float32).reshape(-1, p["features"])
y = np.fromfile(d + "/train-y.f64", dtype=np.float64)
H = np.fromfile(d + "/holdout-x.f32", dtype=np.float32).reshape(-1, p["features"])
t = time.perf_counter(); c = time.process_time(); dtrain = xgb.DMatrix(X, label=y, missing=np.nan, nthread=p["threads"])
t_dm = time.perf_counter() - t; c_dm = time.process_time() - c
params = {"tree_method": "hist", "grow_policy": "depthwise", "max_depth": p["depth"], "max_bin": p["bins"],
          "eta": p["eta"], "lambda": p["lambda"], "min_child_weight": 1, "gamma": 0, "objective": "binary:logistic",
          "base_score": p["base_score"], "nthread": p["threads"], "seed": 1}
t = time.perf_counter(); c = time.process_time(); booster = xgb.train(params, dtrain, num_boost_round=p["trees"])
t_train = time.perf_counter() - t; c_train = time.process_time() - c
pred = booster.predict(xgb.DMatrix(H, missing=np.nan, nthread=p["threads"]), output_margin=True).astype(np.float64)
pred.tofile(d + "/xgb-holdout-margin.f64")
print(json.dumps({"version": xgb.__version__, "dmatrix_s": t_dm, "train_s": t_train, "cpu_s": c_dm + c_train}))
`;
    const out = execFileSync(python, ["-c", script, dir, JSON.stringify({
      features: nFeatures, depth, bins, eta, lambda, trees: nTrees, threads, base_score: baseScore,
    })], { encoding: "utf8", maxBuffer: 1 << 24 });
    const xgbInfo = JSON.parse(out.trim().split("\n").pop()!) as { version: string; dmatrix_s: number; train_s: number; cpu_s: number };
    const xgbMargin = new Float64Array(new Uint8Array(readFileSync(path.join(dir, "xgb-holdout-margin.f64"))).buffer);
    const xgbAuc = rocAuc(xgbMargin, holdout.label);
    const xgbMs = (xgbInfo.dmatrix_s + xgbInfo.train_s) * 1000;
    const xgbCpuMs = xgbInfo.cpu_s * 1000;
    console.log(`\n[xgboost ${xgbInfo.version} hist] DMatrix ${seconds(xgbInfo.dmatrix_s * 1000)} + train ${seconds(xgbInfo.train_s * 1000)} wall, ` +
      `${seconds(xgbCpuMs)} CPU (nthread=${threads}, OMP_WAIT_POLICY=${process.env.OMP_WAIT_POLICY ?? "default"})`);
    console.log("\n                      wall time    CPU time    holdout AUC");
    console.log(`  ml/ GBM             ${seconds(ours.ms).padStart(9)}   ${seconds(ours.cpuMs).padStart(9)}    ${fmt(ours.auc)}`);
    console.log(`  xgboost hist        ${seconds(xgbMs).padStart(9)}   ${seconds(xgbCpuMs).padStart(9)}    ${fmt(xgbAuc)}   (DMatrix + train)`);
    console.log(`  ratio ml/ ÷ xgboost ${(ours.ms / xgbMs).toFixed(2).padStart(8)}×  ${(ours.cpuMs / xgbCpuMs).toFixed(2).padStart(8)}×    ΔAUC ${(ours.auc - xgbAuc >= 0 ? "+" : "")}${fmt(ours.auc - xgbAuc)}`);
  }
}
