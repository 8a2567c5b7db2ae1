// Features and labels stacked over many snapshot dates. The daily activity is grouped once per
// session into a temp table; each snapshot is then one SQL statement over it (features from days
// ≤ D, labels from days > D), in REPEATABLE READ transactions that share one snapshot so every
// snapshot date sees the same sales. With a pool, two sessions take snapshot dates in turn (two
// cores); each sends its next statement before decoding the current result, so PostgreSQL and node
// work at the same time, and each result is decoded into typed arrays as soon as it arrives.
import { prepareDailyActivity, readLastSalesDate } from "./daily-activity";
import { toIsoDate } from "./dates";
import { decodeKeys, unpackColumn } from "./decode-rows";
import { FEATURE_NAMES } from "./feature-dictionary";
import { featureQuery } from "./feature-query";
import { LABEL_NAMES } from "./label-definitions";
import { splitColumns } from "./split-columns";
import type { FeatureKey, FeatureSource, IsoDate, SnapshotTiming, TrainingSet } from "./types";
import { withReadSession } from "./with-read-session";
import type { ClientBase, Pool } from "pg";

export interface BuildTrainingSetOptions {
  onProgress?: (timing: SnapshotTiming) => void;
  /**
   * Sessions computing snapshots at once when `source` is a pool (default 2). Each statement runs on
   * one core; a second session, reading the first one's exported snapshot (the same sales), keeps a
   * second core busy. Each session builds its own daily activity (a temp table is per session).
   */
  sessions?: number;
}

interface Snapshot {
  keys: FeatureKey[];
  features: Float32Array;
  labels: Float32Array;
}

export async function buildTrainingSet(
  source: FeatureSource,
  snapshotDates: readonly (IsoDate | Date)[],
  options: BuildTrainingSetOptions = {},
): Promise<TrainingSet> {
  const snapshots = snapshotDates.map((d) => toIsoDate(d));
  if (snapshots.length > 65_535) throw new Error("At most 65,535 snapshot dates");
  const started = performance.now();
  const parts: Snapshot[] = new Array(snapshots.length);
  const timings: SnapshotTiming[] = [];
  let next = 0;
  let prepareMs = 0;
  let failed = false;

  /** One session's share: it takes the next snapshot not yet taken until none is left. */
  const work = async (client: ClientBase, lastSalesDate: IsoDate) => {
    const t = performance.now();
    await prepareDailyActivity(client);
    prepareMs = Math.max(prepareMs, performance.now() - t);
    const text = featureQuery({ dailyActivity: "table", labels: true });
    const send = () => {
      if (failed || next >= snapshots.length) return undefined;
      const index = next++;
      const result = client.query<unknown[]>({ text, values: [snapshots[index], lastSalesDate], rowMode: "array" });
      // Awaited in its turn; if an earlier snapshot fails first, this one must not go unhandled.
      result.catch(() => {});
      return { index, sentAt: performance.now(), result };
    };
    // The next statement is sent before the current result is decoded: PostgreSQL and node overlap.
    let inFlight = send();
    try {
      while (inFlight) {
        const { index, sentAt, result } = inFlight;
        const { rows } = await result;
        inFlight = send();
        parts[index] = decodeSnapshot(rows);
        const timing = { index, total: snapshots.length, asOf: snapshots[index]!, rows: rows.length, ms: performance.now() - sentAt };
        timings.push(timing);
        options.onProgress?.(timing);
      }
    } catch (error) {
      failed = true;
      throw error;
    }
  };

  const sessions = Math.max(1, Math.min(options.sessions ?? 2, snapshots.length, freeConnections(source)));
  const lastSalesDate = await withReadSession(source, async (client) => {
    const last = await readLastSalesDate(client);
    if (!last) throw new Error("No sales lines: there is nothing to train on");
    if (sessions === 1) {
      await work(client, last);
      return last;
    }
    const { rows } = await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
    const snapshot = rows[0]!.snapshot;
    const helpers = Array.from({ length: sessions - 1 }, () => withReadSession(source, (helper) => work(helper, last), { snapshot }));
    // The exporting transaction must stay open until every helper has finished with its snapshot.
    const results = await Promise.allSettled([work(client, last), ...helpers]);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (rejected) throw rejected.reason;
    return last;
  });
  timings.sort((a, b) => a.index - b.index);
  return { ...stack(parts), snapshots, lastSalesDate, timings: { prepareMs, snapshots: timings, totalMs: performance.now() - started } };
}

/** Connections a pool can still hand out (a helper session must never wait on our own ones). */
function freeConnections(source: FeatureSource): number {
  if (typeof source !== "object" || !("totalCount" in source)) return 1;
  const pool = source as Pool;
  return (pool.options.max ?? 10) - (pool.totalCount - pool.idleCount);
}

function decodeSnapshot(rows: unknown[][]): Snapshot {
  const features = new Float32Array(rows.length * FEATURE_NAMES.length);
  const labels = new Float32Array(rows.length * LABEL_NAMES.length);
  unpackColumn(rows, 2, FEATURE_NAMES.length, features);
  unpackColumn(rows, 3, LABEL_NAMES.length, labels);
  return { keys: decodeKeys(rows), features, labels };
}

function stack(parts: Snapshot[]): Pick<TrainingSet, "names" | "features" | "keys" | "snapshotOfRow" | "labels"> {
  const total = parts.reduce((n, p) => n + p.keys.length, 0);
  const features = new Float32Array(total * FEATURE_NAMES.length);
  const labels = new Float32Array(total * LABEL_NAMES.length);
  const snapshotOfRow = new Uint16Array(total);
  const keys: FeatureKey[] = [];
  let offset = 0;
  for (const [index, part] of parts.entries()) {
    features.set(part.features, offset * FEATURE_NAMES.length);
    labels.set(part.labels, offset * LABEL_NAMES.length);
    snapshotOfRow.fill(index, offset, offset + part.keys.length);
    for (const key of part.keys) keys.push(key);
    offset += part.keys.length;
  }
  return { names: [...FEATURE_NAMES], features, keys, snapshotOfRow, labels: splitColumns(labels, LABEL_NAMES) };
}
