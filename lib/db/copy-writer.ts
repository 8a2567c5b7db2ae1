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

export interface CopyWriter {
  write(row: readonly CopyValue[]): Promise<void>;
  /** Flushes and finishes the COPY; resolves with the number of rows written. */
  end(): Promise<number>;
}

export function openCopyWriter(client: PoolClient, copySql: string): CopyWriter {
  const stream = client.query(copyFrom(copySql));
  let buffer = "";
  let rows = 0;
  let failure: Error | undefined;
  stream.on("error", (error: Error) => {
    failure = error;
  });

  const flush = async () => {
    if (!buffer) return;
    const chunk = buffer;
    buffer = "";
    if (!stream.write(chunk)) await Promise.race([once(stream, "drain"), once(stream, "error")]);
    if (failure) throw failure;
  };

  return {
    async write(row) {
      if (failure) throw failure;
      let line = "";
      for (let i = 0; i < row.length; i++) line += (i ? "\t" : "") + encodeCopyValue(row[i]);
      buffer += line + "\n";
      rows++;
      if (buffer.length >= CHUNK_CHARS) await flush();
    },
    async end() {
      await flush();
      stream.end();
      await Promise.race([once(stream, "finish"), once(stream, "error").then(([error]) => Promise.reject(error))]);
      if (failure) throw failure;
      return rows;
    },
  };
}
