// Uploaded files wait on disk (streamed, never held in memory) until their import runs.
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ImportSource } from "@/lib/import/import-sources";

const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class UploadTooLargeError extends Error {}

export async function saveUpload(dir: string, body: Readable, maxBytes: number): Promise<{ uploadId: string; size: number }> {
  await mkdir(dir, { recursive: true });
  const uploadId = randomUUID();
  const target = path.join(dir, `${uploadId}.csv`);
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) callback(new UploadTooLargeError(`El archivo supera el máximo de ${Math.round(maxBytes / 1e6)} MB.`));
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(body, limit, createWriteStream(target));
  } catch (error) {
    await rm(target, { force: true });
    throw error;
  }
  return { uploadId, size };
}

/** An import source for an upload id; ids are validated so no path can escape the folder. */
export async function uploadSource(dir: string, uploadId: string, fileName: string): Promise<ImportSource> {
  if (!UPLOAD_ID.test(uploadId)) throw new Error("Identificador de subida no válido.");
  const file = path.join(dir, `${uploadId}.csv`);
  const info = await stat(file);
  return { fileName, size: info.size, open: () => createReadStream(file, { highWaterMark: 256 * 1024 }) };
}

export async function deleteUpload(dir: string, uploadId: string): Promise<void> {
  if (UPLOAD_ID.test(uploadId)) await rm(path.join(dir, `${uploadId}.csv`), { force: true });
}
