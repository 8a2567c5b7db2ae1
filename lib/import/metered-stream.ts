// Counts and hashes the bytes of an upload as the parser reads them: progress for the admin, and a
// SHA-256 that recognises a file uploaded before.
import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";

export class MeteredStream extends Transform {
  bytes = 0;
  private readonly hash = createHash("sha256");

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    this.hash.update(chunk);
    callback(null, chunk);
  }

  /** Hex digest; valid once the stream has been read to the end. */
  digest(): string {
    return this.hash.copy().digest("hex");
  }
}
