// Replaces the explanations of one as-of date (one transaction, binary COPY): per client × family,
// the feature vector the scores were computed from (float32 little-endian, audit and evaluation) and
// the phrased TreeSHAP reasons of the purchase and churn heads (the API's and the alerts' "why").
// Kept apart from `score` so that the per-pair score row stays lean: the reasons' jsonb and the
// feature vector were most of a score row's bytes and of PostgreSQL's cost to store it.
import type { PoolClient } from "pg";
import { BinaryCopyEncoder } from "@/lib/db/binary-copy";
import { openCopyWriter } from "@/lib/db/copy-writer";
import { toEpochDay, type FeatureMatrix } from "@/lib/features";
import type { RowReasons } from "./score-as-of";

const COPY_SQL = `COPY score_explanation (as_of, client_id, family_code, features, reasons) FROM STDIN WITH (FORMAT binary)`;
const FIELDS = 5;
const CHUNK_BYTES = 1 << 20;

/**
 * Phrases every row's reasons (once: the result is what the scores and alerts carry) and stores
 * them with the row's feature vector, replacing the date's previous explanations.
 */
export async function storeExplanations(
  client: PoolClient,
  features: FeatureMatrix,
  reasonsOf: (row: number) => RowReasons,
): Promise<RowReasons[]> {
  const n = features.keys.length;
  const width = features.names.length;
  const day = toEpochDay(features.asOf);
  const bytes = new Uint8Array(features.values.buffer, features.values.byteOffset, features.values.byteLength);
  const reasons = new Array<RowReasons>(n);
  await client.query("BEGIN");
  const writer = await (async () => {
    try {
      await client.query("DELETE FROM score_explanation WHERE as_of = $1", [features.asOf]);
      return openCopyWriter(client, COPY_SQL);
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  })();
  try {
    const encoder = new BinaryCopyEncoder(2 * CHUNK_BYTES);
    let pending = 0;
    for (let r = 0; r < n; r++) {
      const key = features.keys[r]!;
      reasons[r] = reasonsOf(r);
      encoder
        .row(FIELDS)
        .date(day)
        .int4(key.clientId)
        .text(key.familyCode)
        .bytea(bytes.subarray(r * width * 4, (r + 1) * width * 4))
        .jsonb(JSON.stringify(reasons[r]));
      pending++;
      if (encoder.length >= CHUNK_BYTES) {
        const wait = writer.writeBytes(encoder.take(false), pending);
        pending = 0;
        if (wait) await wait;
      }
    }
    await writer.writeBytes(encoder.take(true), pending);
    const written = await writer.end();
    if (written !== n) throw new Error(`stored ${written} of ${n} explanations`);
    await client.query("COMMIT");
    return reasons;
  } catch (error) {
    await writer.abort(error instanceof Error ? error : new Error(String(error))).catch(() => {});
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
