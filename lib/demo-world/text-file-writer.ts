// Writes text to a file in large chunks and waits whenever the disk is behind, so generating millions
// of lines keeps memory flat. Lines are joined with "\n" and the file gets no final line break,
// exactly like the customer's exports.
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";

const FLUSH_AT = 1 << 16;

export class TextFileWriter {
  private readonly stream: WriteStream;
  private buffer = "";
  private first = true;
  private failure: Error | undefined;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: "utf8" });
    this.stream.on("error", (error) => (this.failure = error));
  }

  /** Appends one line (the separator goes before every line but the first). */
  async line(text: string): Promise<void> {
    this.buffer += this.first ? text : `\n${text}`;
    this.first = false;
    if (this.buffer.length >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.buffer) return;
    const chunk = this.buffer;
    this.buffer = "";
    if (!this.stream.write(chunk)) await this.drained();
    if (this.failure) throw this.failure;
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.stream.off("drain", done);
        this.stream.off("error", done);
        resolve();
      };
      this.stream.on("drain", done);
      this.stream.on("error", done);
    });
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
    if (this.failure) throw this.failure;
  }
}

/** Writes a whole small file at once. */
export async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const writer = new TextFileWriter(path);
  for (const line of lines) await writer.line(line);
  await writer.close();
}
