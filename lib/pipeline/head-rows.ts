// Rows of the stacked training set that a head learns from at given snapshots, as a model matrix.
import type { TrainingSet } from "@/lib/features";
import { daysBetween } from "@/lib/features/dates";
import { Prng, sampleSortedIndices } from "@/ml";
import type { HeadDefinition } from "./heads";

export interface HeadRows {
  /** Indices into the training set. */
  rows: Int32Array;
  /** Row-major model features (the columns `modelColumns` select). */
  data: Float32Array;
  label: Float32Array;
  /** survival:aft only: 1 = right-censored. */
  censored?: Uint8Array;
}

export function headRows(
  set: TrainingSet,
  head: HeadDefinition,
  snapshots: readonly string[],
  modelColumns: readonly number[],
  asOf: string,
  /** At most this many rows, drawn uniformly (seeded, kept in their order) when there are more. */
  sample?: { maxRows: number; seed: number },
): HeadRows {
  const wanted = new Set(snapshots.map((d) => set.snapshots.indexOf(d)).filter((i) => i >= 0));
  const labels = set.labels[head.label];
  const observed = set.labels.days_to_next_observed;
  let picked: number[] = [];
  for (let r = 0; r < set.keys.length; r++) {
    if (wanted.has(set.snapshotOfRow[r]!) && !Number.isNaN(labels[r]!)) picked.push(r);
  }
  if (sample && picked.length > sample.maxRows) {
    const all = picked;
    picked = Array.from(sampleSortedIndices(all.length, sample.maxRows, new Prng(sample.seed)), (i) => all[i]!);
  }
  const width = set.names.length;
  const f = modelColumns.length;
  const data = new Float32Array(picked.length * f);
  const label = new Float32Array(picked.length);
  const censored = head.objective === "survival:aft" ? new Uint8Array(picked.length) : undefined;
  picked.forEach((r, i) => {
    const base = r * width;
    for (let j = 0; j < f; j++) data[i * f + j] = set.features[base + modelColumns[j]!]!;
    let y = labels[r]!;
    if (censored) {
      // Nothing after the as-of date may be seen: a next purchase beyond it is censored there.
      const visible = daysBetween(set.snapshots[set.snapshotOfRow[r]!]!, asOf);
      const isCensored = observed[r] !== 1 || y > visible;
      censored[i] = isCensored ? 1 : 0;
      y = Math.max(1, isCensored ? Math.min(y, visible) : y);
    }
    label[i] = y;
  });
  return { rows: Int32Array.from(picked), data, label, censored };
}
