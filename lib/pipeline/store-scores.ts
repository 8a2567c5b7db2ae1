// Replaces the scores of one as-of date (one transaction, binary COPY): p_buy/p_churn/days, segment,
// share of wallet — one lean row per pair (the feature vector and the reasons are stored apart, by
// storeExplanations). openScoreStore is the scorer's sink: rows are encoded batch by batch while
// onnxruntime scores the next batch, and PostgreSQL ingests them meanwhile; storeScores stores a
// result already scored.
import type { PoolClient } from "pg";
import { BinaryCopyEncoder } from "@/lib/db/binary-copy";
import { openCopyWriter } from "@/lib/db/copy-writer";
import { toEpochDay } from "@/lib/features";
import type { ScoreResult, ScoreSink } from "./score-as-of";

export interface ScoreExtras {
  segment: string | null;
}

export interface ScoreStore extends ScoreSink {
  /** Finishes the COPY and commits; resolves with the number of rows stored. */
  end(): Promise<number>;
  /** Abandons the COPY and rolls the transaction back. */
  abort(reason: Error): Promise<void>;
}

const COPY_SQL = `COPY score (as_of, client_id, family_code, pipeline_run_id, p_buy_90d, p_churn_90d, p_churn_180d,
  expected_days_to_next, segment, share_of_wallet, potential_unreliable) FROM STDIN WITH (FORMAT binary)`;
const FIELDS = 11;
/** Bytes of encoded rows handed to the COPY stream at a time. */
const CHUNK_BYTES = 1 << 20;

/** Opens the transaction, deletes the date's previous scores and starts the COPY. */
export async function openScoreStore(
  client: PoolClient,
  asOf: string,
  runId: number,
  extras: (result: ScoreResult, index: number) => ScoreExtras,
): Promise<ScoreStore> {
  await client.query("BEGIN");
  try {
    await client.query("DELETE FROM score WHERE as_of = $1", [asOf]);
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  const writer = openCopyWriter(client, COPY_SQL);
  const encoder = new BinaryCopyEncoder(2 * CHUNK_BYTES);
  const day = toEpochDay(asOf);
  let pendingRows = 0;
  let closed = false;

  const handOver = (last: boolean) => {
    const rows = pendingRows;
    pendingRows = 0;
    return writer.writeBytes(encoder.take(last), rows);
  };
  const rollback = async (reason: Error) => {
    if (closed) return;
    closed = true;
    await writer.abort(reason);
    await client.query("ROLLBACK");
  };

  return {
    write(result, start, end) {
      const width = result.names.length;
      const shareColumn = result.names.indexOf("share_of_wallet_365");
      const unreliableColumn = result.names.indexOf("potential_unreliable");
      const values = result.features;
      let wait: Promise<void> | undefined;
      for (let i = start; i < end; i++) {
        const row = result.rows[i]!;
        const base = i * width;
        encoder
          .row(FIELDS)
          .date(day)
          .int4(row.clientId)
          .label(row.familyCode)
          .int4(runId)
          .float8(row.pBuy90d)
          .float8(row.pChurn90d)
          .float8(row.pChurn180d)
          .float8(row.expectedDaysToNext)
          .label(extras(result, i).segment)
          .float8(shareColumn < 0 ? null : values[base + shareColumn]!)
          .bool(unreliableColumn >= 0 && values[base + unreliableColumn] === 1);
        pendingRows++;
        if (encoder.length >= CHUNK_BYTES) wait = handOver(false) ?? wait;
      }
      return wait;
    },
    async end() {
      try {
        await handOver(true);
        const written = await writer.end();
        await client.query("COMMIT");
        closed = true;
        return written;
      } catch (error) {
        await rollback(error instanceof Error ? error : new Error(String(error))).catch(() => {});
        throw error;
      }
    },
    abort: rollback,
  };
}

/** Stores a result already scored (all rows at once). */
export async function storeScores(
  client: PoolClient,
  result: ScoreResult,
  runId: number,
  extras: (index: number) => ScoreExtras,
): Promise<number> {
  const store = await openScoreStore(client, result.asOf, runId, (_result, index) => extras(index));
  try {
    // In slices, so no more than a slice of encoded rows waits in memory for PostgreSQL.
    for (let start = 0; start < result.rows.length; start += 4_096) {
      await store.write(result, start, Math.min(result.rows.length, start + 4_096));
    }
  } catch (error) {
    await store.abort(error instanceof Error ? error : new Error(String(error))).catch(() => {});
    throw error;
  }
  return store.end();
}
