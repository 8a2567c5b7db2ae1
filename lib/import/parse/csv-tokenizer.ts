// Text goes in, the records it completes come back as an array — csv-parse's semantics, faster.
//
// Nearly every line of a real export is "simple": it ends with the file's line break, and each
// field is either unquoted without quotes or carriage returns, or wholly quoted without quotes
// inside ("1.427,63"). Such a line is split here with indexOf, which is several times cheaper than
// csv-parse's byte-by-byte state machine (2.3 µs a line on the 1.6M-line bench file). At the first
// line that is not simple, csv-parse takes over for the rest of the file, from that line, with the
// record delimiter it would have discovered itself; so every record, skipped record and line
// count is what csv-parse alone gives (pinned by csv-tokenizer.test.ts over mutated files).
//
// csv-parse is driven synchronously through its `api` object (its own core, the one the stream
// wraps; pinned at 7.0.3 in package.json): the streaming Parser costs a stream push, an
// async-iterator step and, with `info: true`, two object spreads per record.
import { parse, type CsvError, type Options } from "csv-parse";

/** One tokenised record. */
export interface CsvRecord {
  fields: string[];
  /** The record's text as read, its terminating line break included (a CRLF may lose its LF). */
  raw: string;
  /** Physical lines read up to the record's end, as csv-parse counts them (a CRLF inside quotes is two). */
  lines: number;
}

/** `lines`: the skipped record's end, counted like CsvRecord.lines. */
export type OnSkip = (error: CsvError | undefined, raw: string | undefined, lines: number) => void;

interface CsvParseCore {
  info: { lines: number };
  parse(buf: Buffer | undefined, end: boolean, push: (record: { record: string[]; raw: string }) => void, close: () => void): Error | undefined;
}

type TokenizerOptions = Omit<Options, "info" | "raw" | "on_skip" | "record_delimiter" | "delimiter" | "quote"> & { delimiter: string };

/** Longer lines are left to csv-parse (which also enforces max_record_size). */
const MAX_SIMPLE_LINE = 64 * 1024;
const QUOTE = 34;
const CR = 13;

export class CsvTokenizer {
  private core: CsvParseCore | undefined;
  private out: CsvRecord[] = [];
  private stopped = false;
  // Simple-line mode.
  private carry = "";
  private crlf: boolean | undefined; // the record delimiter, decided at the first line break
  private linesRead = 0;
  private readonly delimiterCode: number;
  private readonly push = (record: { record: string[]; raw: string }) => {
    this.out.push({ fields: record.record, raw: record.raw, lines: this.linesRead + this.core!.info.lines });
  };
  private readonly close = () => {
    this.stopped = true;
  };

  /** `simpleLines: false` leaves every line to csv-parse (tests compare both ways). */
  constructor(
    private readonly options: TokenizerOptions,
    private readonly onSkip: OnSkip,
    private simpleLines = true,
  ) {
    if (options.delimiter.length !== 1) throw new Error("CsvTokenizer: the delimiter must be one character");
    this.delimiterCode = options.delimiter.charCodeAt(0);
    if (!simpleLines) this.startCsvParse(undefined);
  }

  /** Tokenises the next piece of text; throws the parser's error when it cannot go on. */
  write(text: string): CsvRecord[] {
    if (this.simpleLines) return this.readSimpleLines(text);
    return this.run(Buffer.from(text, "utf8"), false);
  }

  /** Flushes the last record (a file not ending with a line break). */
  end(): CsvRecord[] {
    if (this.simpleLines) {
      const rest = this.carry;
      this.carry = "";
      if (rest === "") return [];
      // The last line, without its line break: csv-parse says what it is.
      this.startCsvParse(this.crlf);
      return this.run(Buffer.from(rest, "utf8"), true);
    }
    return this.run(undefined, true);
  }

  private startCsvParse(crlf: boolean | undefined): void {
    this.simpleLines = false;
    const onSkipped = (error: CsvError | undefined, raw: string | undefined): undefined =>
      void this.onSkip(error, raw, this.linesRead + ((error as unknown as { lines?: number } | undefined)?.lines ?? 0));
    const recordDelimiter = crlf === undefined ? {} : { record_delimiter: crlf ? "\r\n" : "\n" };
    // `raw` gives each record its text (line counting, rejected-row detail); `info` is left off:
    // the live counter `info.lines` read at push time is the value `info: true` would copy.
    const parser = parse({ ...this.options, ...recordDelimiter, raw: true, on_skip: onSkipped }) as unknown as { api?: CsvParseCore };
    if (typeof parser.api?.parse !== "function") throw new Error("csv-parse: unexpected version (no core api)");
    this.core = parser.api;
  }

  private run(buf: Buffer | undefined, end: boolean): CsvRecord[] {
    if (this.stopped) return [];
    const error = this.core!.parse(buf, end, this.push, this.close);
    const records = this.out;
    this.out = [];
    if (error !== undefined) {
      this.stopped = true;
      throw error;
    }
    return records;
  }

  private readSimpleLines(text: string): CsvRecord[] {
    const s = this.carry === "" ? text : this.carry + text;
    const out: CsvRecord[] = [];
    let start = 0;
    let nextCr = s.indexOf("\r");
    for (;;) {
      const nl = s.indexOf("\n", start);
      if (nl < 0) break;
      if (nextCr >= 0 && nextCr < start) nextCr = s.indexOf("\r", start);
      if (this.crlf === undefined) {
        // csv-parse settles the record delimiter at the first line break: "\r\n", "\n" or "\r".
        if (nextCr >= 0 && nextCr < nl - 1) break; // a lone "\r" first: csv-parse's business
        this.crlf = nextCr >= 0 && nextCr === nl - 1;
      }
      // In CRLF mode the only "\r" must end the line; in LF mode there must be none.
      const lineEnd = this.crlf ? nl - 1 : nl;
      if (this.crlf ? nextCr !== lineEnd : nextCr >= 0 && nextCr < nl) break;
      if (nl - start > MAX_SIMPLE_LINE) break;
      const fields = this.splitSimpleLine(s, start, lineEnd);
      if (fields === undefined) break;
      this.linesRead++;
      out.push({ fields, raw: s.slice(start, nl + 1), lines: this.linesRead });
      start = nl + 1;
    }
    const rest = s.slice(start);
    if (rest.length > MAX_SIMPLE_LINE || (rest !== "" && s.indexOf("\n", start) >= 0)) {
      // A line that is not simple: csv-parse reads from it on.
      this.carry = "";
      this.startCsvParse(this.crlf);
      for (const record of this.run(Buffer.from(rest, "utf8"), false)) out.push(record);
      return out;
    }
    this.carry = rest;
    return out;
  }

  /** The fields of s[start, end), or undefined when the line is not simple. */
  private splitSimpleLine(s: string, start: number, end: number): string[] | undefined {
    const fields: string[] = [];
    const delimiter = this.delimiterCode;
    let i = start;
    for (;;) {
      if (i < end && s.charCodeAt(i) === QUOTE) {
        const close = s.indexOf('"', i + 1);
        if (close < 0 || close >= end) return undefined;
        const after = close + 1;
        if (after !== end && s.charCodeAt(after) !== delimiter) return undefined;
        fields.push(s.slice(i + 1, close));
        if (after === end) return fields;
        i = after + 1;
      } else {
        let j = i;
        while (j < end) {
          const c = s.charCodeAt(j);
          if (c === delimiter) break;
          if (c === QUOTE || c === CR) return undefined;
          j++;
        }
        fields.push(s.slice(i, j));
        if (j === end) return fields;
        i = j + 1;
      }
    }
  }
}
