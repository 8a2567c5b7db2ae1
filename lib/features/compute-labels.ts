// Labels of a snapshot date D for the pairs of its feature matrix (same rows, same order).
import { readLastSalesDate } from "./daily-activity";
import { toIsoDate } from "./dates";
import { decodeKeys, unpackColumn } from "./decode-rows";
import { LABEL_NAMES, labelQuery } from "./label-definitions";
import { observableHorizons } from "./observable-horizons";
import { splitColumns } from "./split-columns";
import type { FeatureSource, IsoDate, LabelSet } from "./types";
import { withReadSession } from "./with-read-session";

export async function computeLabels(source: FeatureSource, asOf: IsoDate | Date): Promise<LabelSet> {
  const date = toIsoDate(asOf);
  return withReadSession(source, async (client) => {
    const lastSalesDate = await readLastSalesDate(client);
    if (!lastSalesDate) throw new Error("No sales lines: there is nothing to label");
    const { rows } = await client.query<unknown[]>({ text: labelQuery(), values: [date, lastSalesDate], rowMode: "array" });
    const packed = new Float32Array(rows.length * LABEL_NAMES.length);
    unpackColumn(rows, 2, LABEL_NAMES.length, packed);
    return {
      asOf: date,
      lastSalesDate,
      observable: observableHorizons(date, lastSalesDate),
      keys: decodeKeys(rows),
      labels: splitColumns(packed, LABEL_NAMES),
    };
  });
}
