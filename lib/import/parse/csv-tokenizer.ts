// csv-parse driven synchronously: text goes in, the records it completes come back as an array.
// The streaming Parser costs a stream push, an async-iterator step and, with `info: true`, two
// object spreads per record — more than the tokenising itself. Its `api` object (csv-parse's own
// core, the one the stream wraps, pinned at 7.0.3 in package.json) has the same options and
// semantics without any of that: same records, same skipped records, same line counter.
import { parse, type CsvError, type Options } from "csv-parse";

/** One tokenised record. */
export interface CsvRecord {
  fields: string[];
  /** The record's text as read, its terminating line break included (csv-parse's `raw`). */
  raw: string;
  /** csv-parse's line counter at the record's end (it counts a CRLF inside quotes as two lines). */
  lines: number;
}

export type OnSkip = (error: CsvError | undefined, raw: string | undefined) => void;

interface CsvParseCore {
  info: { lines: number };
  parse(buf: Buffer | undefined, end: boolean, push: (record: { record: string[]; raw: string }) => void, close: () => void): Error | undefined;
}

export class CsvTokenizer {
  private readonly core: CsvParseCore;
  private out: CsvRecord[] = [];
  private stopped = false;
  private readonly push = (record: { record: string[]; raw: string }) => {
    this.out.push({ fields: record.record, raw: record.raw, lines: this.core.info.lines });
  };
  private readonly close = () => {
    this.stopped = true;
  };

  constructor(options: Omit<Options, "info" | "raw" | "on_skip">, onSkip: OnSkip) {
    // `raw` gives each record its text (line counting, rejected-row detail); `info` is left off:
    // the live counter `info.lines` read at push time is the value `info: true` would copy.
    const onSkipped = (error: CsvError | undefined, raw: string | undefined): undefined => void onSkip(error, raw);
    const parser = parse({ ...options, raw: true, on_skip: onSkipped }) as unknown as { api?: CsvParseCore };
    if (typeof parser.api?.parse !== "function") throw new Error("csv-parse: unexpected version (no core api)");
    this.core = parser.api;
  }

  /** Tokenises the next piece of text; throws the parser's error when it cannot go on. */
  write(text: string): CsvRecord[] {
    return this.run(Buffer.from(text, "utf8"), false);
  }

  /** Flushes the last record (a file not ending with a line break). */
  end(): CsvRecord[] {
    return this.run(undefined, true);
  }

  private run(buf: Buffer | undefined, end: boolean): CsvRecord[] {
    if (this.stopped) return [];
    const error = this.core.parse(buf, end, this.push, this.close);
    const records = this.out;
    this.out = [];
    if (error !== undefined) {
      this.stopped = true;
      throw error;
    }
    return records;
  }
}
