// Streams rows into PostgreSQL with COPY … FROM STDIN (text format), batching them into chunks
// and honouring backpressure, so memory stays flat however many rows go through.
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { once } from "node:events";

export type CopyValue = string | number | boolean | null | undefined | readonly string[];

const CHUNK_CHARS = 256 * 1024;

function escapeText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : value;
}

function encodeArray(values: readonly string[]): string {
  // Array literal inside COPY text: each element double-quoted, with quotes and backslashes escaped.
  return `{${values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

export function encodeCopyValue(value: CopyValue): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string") return escapeText(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return escapeText(encodeArray(value));
}

/** One row as a line of COPY text, newline included. */
export function encodeCopyRow(row: readonly CopyValue[]): string {
  let line = encodeCopyValue(row[0]);
  for (let i = 1; i < row.length; i++) line += "\t" + encodeCopyValue(row[i]);
  return line + "\n";
}

export interface CopyWriter {
  /**
   * Queues one row. Returns a promise only when the caller must wait for the connection to drain
   * (so a loop over rows costs no promise per row); awaiting the result is always correct.
   */
  write(row: readonly CopyValue[]): Promise<void> | undefined;
  /** Queues `rows` rows already encoded as COPY text lines (see encodeCopyRow); same contract. */
  writeText(text: string, rows: number): Promise<void> | undefined;
  /**
   * Sends bytes as they are (a binary COPY's rows, see binary-copy.ts), counting `rows` rows; same
   * contract. Text queued before them is sent first.
   */
  writeBytes(bytes: Uint8Array, rows: number): Promise<void> | undefined;
  /** Flushes and finishes the COPY; resolves with the number of rows written. */
  end(): Promise<number>;
  /** Abandons the COPY (the server rolls it back) and waits until the connection is free again. */
  abort(reason: Error): Promise<void>;
}

export function openCopyWriter(client: PoolClient, copySql: string): CopyWriter {
  // A high-water mark of a few chunks lets the parser run ahead while PostgreSQL ingests.
  const stream = client.query(copyFrom(copySql, { highWaterMark: 4 * CHUNK_CHARS }));
  let buffer = "";
  let rows = 0;
  let failure: Error | undefined;
  stream.on("error", (error: Error) => {
    failure = error;
  });

  // One listener pair per wait, both removed when either fires (a race of once() promises would
  // leave an 'error' listener behind on every drain).
  const drained = () =>
    new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        stream.off("error", onError);
        if (failure) reject(failure);
        else resolve();
      };
      const onError = (error: Error) => {
        stream.off("drain", onDrain);
        reject(error);
      };
      stream.once("drain", onDrain);
      stream.once("error", onError);
    });
  const flush = (): Promise<void> | undefined => {
    if (!buffer) return undefined;
    const chunk = buffer;
    buffer = "";
    return stream.write(chunk) ? undefined : drained();
  };
  const queue = (text: string, count: number): Promise<void> | undefined => {
    if (failure) throw failure;
    buffer += text;
    rows += count;
    return buffer.length >= CHUNK_CHARS ? flush() : undefined;
  };

  return {
    write: (row) => queue(encodeCopyRow(row), 1),
    writeText: queue,
    writeBytes(bytes, count) {
      if (failure) throw failure;
      const pending = flush();
      rows += count;
      const written = stream.write(bytes);
      // One 'drain' empties the whole buffer, text and bytes alike: wait for it once.
      return pending ?? (written ? undefined : drained());
    },
    async end() {
      if (failure) throw failure;
      await flush();
      stream.end();
      await Promise.race([once(stream, "finish"), once(stream, "error").then(([error]) => Promise.reject(error))]);
      if (failure) throw failure;
      return rows;
    },
    async abort(reason) {
      if (failure || stream.destroyed) return;
      // pg-copy-streams answers destroy() with a CopyFail and reports the server's error back.
      await new Promise<void>((resolve) => {
        stream.once("close", () => resolve());
        stream.destroy(reason);
      });
    },
  };
}
