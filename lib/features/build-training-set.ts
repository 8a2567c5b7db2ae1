// Features and labels stacked over many snapshot dates. The daily activity is grouped once into a
// temp table; each snapshot is then one SQL statement over it (features from days ≤ D, labels
// from days > D), all in one REPEATABLE READ transaction so every snapshot sees the same sales.
// The next snapshot's statement is sent before the current one is decoded, so PostgreSQL and
// node work at the same time, and each result is decoded into typed arrays as soon as it arrives.
import { prepareDailyActivity, readLastSalesDate } from "./daily-activity";
import { toIsoDate } from "./dates";
import { decodeKeys, unpackColumn } from "./decode-rows";
import { FEATURE_NAMES } from "./feature-dictionary";
import { featureQuery } from "./feature-query";
import { LABEL_NAMES } from "./label-definitions";
import { splitColumns } from "./split-columns";
import type { FeatureKey, FeatureSource, IsoDate, SnapshotTiming, TrainingSet } from "./types";
import { withReadSession } from "./with-read-session";

export interface BuildTrainingSetOptions {
  onProgress?: (timing: SnapshotTiming) => void;
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
  return withReadSession(source, async (client) => {
    const lastSalesDate = await readLastSalesDate(client);
    if (!lastSalesDate) throw new Error("No sales lines: there is nothing to train on");
    await prepareDailyActivity(client);
    const prepareMs = performance.now() - started;

    const text = featureQuery({ dailyActivity: "table", labels: true });
    const send = (asOf: IsoDate) => {
      const result = client.query<unknown[]>({ text, values: [asOf, lastSalesDate], rowMode: "array" });
      // Awaited in its turn; if an earlier snapshot fails first, this one must not go unhandled.
      result.catch(() => {});
      return { sentAt: performance.now(), result };
    };
    const parts: Snapshot[] = [];
    const timings: SnapshotTiming[] = [];
    let inFlight = snapshots.length > 0 ? send(snapshots[0]) : undefined;
    for (const [index, asOf] of snapshots.entries()) {
      const { sentAt, result } = inFlight!;
      const { rows } = await result;
      inFlight = index + 1 < snapshots.length ? send(snapshots[index + 1]) : undefined;
      parts.push(decodeSnapshot(rows));
      const timing = { index, total: snapshots.length, asOf, rows: rows.length, ms: performance.now() - sentAt };
      timings.push(timing);
      options.onProgress?.(timing);
    }
    return { ...stack(parts), snapshots, lastSalesDate, timings: { prepareMs, snapshots: timings, totalMs: performance.now() - started } };
  });
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
