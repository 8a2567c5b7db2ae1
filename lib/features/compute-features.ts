// Features of every client × family with a purchase on or before `asOf`, from lines dated ≤ asOf.
import { toIsoDate } from "./dates";
import { decodeKeys, unpackColumn } from "./decode-rows";
import { FEATURE_NAMES } from "./feature-dictionary";
import { featureQuery } from "./feature-query";
import type { FeatureMatrix, FeatureSource, IsoDate } from "./types";
import { withReadSession } from "./with-read-session";

export async function computeFeatures(source: FeatureSource, asOf: IsoDate | Date): Promise<FeatureMatrix> {
  const date = toIsoDate(asOf);
  return withReadSession(source, async (client) => {
    // The inline daily activity reads only lines dated ≤ asOf: nothing later enters the statement.
    const text = featureQuery({ dailyActivity: "inline" });
    const { rows } = await client.query<unknown[]>({ text, values: [date], rowMode: "array" });
    const names = [...FEATURE_NAMES];
    const values = new Float32Array(rows.length * names.length);
    unpackColumn(rows, 2, names.length, values);
    return { asOf: date, keys: decodeKeys(rows), names, values };
  });
}
