// The stacked training set equals the single-date functions, snapshot by snapshot.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/test-database";
import { buildTrainingSet } from "./build-training-set";
import { computeFeatures } from "./compute-features";
import { computeLabels } from "./compute-labels";
import { addDays } from "./dates";
import { LABEL_NAMES } from "./label-definitions";
import { SalesWorld, type WorldLine } from "./testing/sales-world";
import type { SnapshotTiming } from "./types";

let t: TestDatabase;
let pool: pg.Pool;
const SNAPSHOTS = ["2023-06-30", "2023-09-30", "2023-12-31", "2024-03-31"];

beforeAll(async () => {
  t = await createTestDatabase();
  pool = new pg.Pool({ connectionString: t.url, max: 2 });
  const world = await new SalesWorld(pool).init();
  const lines: WorldLine[] = [];
  for (let c = 0; c < 6; c++) {
    await world.client(`S${c}`);
    for (const family of ["C1", "T1"] as const) {
      for (let day = 30 + c * 40; day < 1100; day += 45 + c * 9) {
        lines.push({ client: `S${c}`, family, date: addDays("2022-01-01", day), value: 40 + c });
      }
    }
  }
  await world.lines(lines);
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

describe("buildTrainingSet", () => {
  it("stacks each snapshot's features and labels with its date, reporting progress", async () => {
    const progress: SnapshotTiming[] = [];
    const set = await buildTrainingSet(pool, SNAPSHOTS, { onProgress: (p) => progress.push(p) });
    // Two sessions take dates in turn, so progress may arrive out of order; every date comes once.
    progress.sort((a, b) => a.index - b.index);
    expect(progress.map((p) => [p.index, p.total, p.asOf])).toEqual(SNAPSHOTS.map((d, i) => [i, 4, d]));
    expect(set.timings.snapshots).toEqual(progress);
    expect(set.snapshots).toEqual(SNAPSHOTS);

    let offset = 0;
    for (const [index, asOf] of SNAPSHOTS.entries()) {
      const features = await computeFeatures(pool, asOf);
      const labels = await computeLabels(pool, asOf);
      const n = features.keys.length;
      const width = features.names.length;
      expect(progress[index].rows).toBe(n);
      expect(set.keys.slice(offset, offset + n)).toEqual(features.keys);
      expect([...set.snapshotOfRow.subarray(offset, offset + n)].every((s) => s === index)).toBe(true);
      expect(set.features.subarray(offset * width, (offset + n) * width)).toEqual(features.values);
      for (const name of LABEL_NAMES) expect(set.labels[name].subarray(offset, offset + n)).toEqual(labels.labels[name]);
      offset += n;
    }
    expect(set.keys.length).toBe(offset);
    expect(set.names).toEqual((await computeFeatures(pool, SNAPSHOTS[0])).names);
  });

  it("gives the same set from one session as from two sharing a snapshot", async () => {
    const [one, two] = [await buildTrainingSet(pool, SNAPSHOTS, { sessions: 1 }), await buildTrainingSet(pool, SNAPSHOTS, { sessions: 2 })];
    expect(two.keys).toEqual(one.keys);
    expect(two.snapshotOfRow).toEqual(one.snapshotOfRow);
    expect(Buffer.from(two.features.buffer).equals(Buffer.from(one.features.buffer))).toBe(true);
    for (const name of LABEL_NAMES) expect(two.labels[name]).toEqual(one.labels[name]);
  });
});
