// Opening a CSV from disk: the same parser over a file stream with moderate chunks.
import { createReadStream } from "node:fs";
import { openTableStream, type OpenTableResult, type ParseOptions } from "./parse-table-stream";

export async function openTableFile(filePath: string, options: ParseOptions = {}): Promise<OpenTableResult> {
  const stream = createReadStream(filePath, { highWaterMark: 64 * 1024 });
  // A missing or unreadable file surfaces as the first read's error, turned into a file error there.
  return openTableStream(stream, options);
}
