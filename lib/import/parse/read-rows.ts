// Reads the data rows of an opened table: each record becomes a typed record or its errors, records
// the tokenizer cannot read become rejected rows in file order, and physical line numbers are kept
// exact (multi-line quoted fields included).
//
// The work is synchronous per piece of text (`RowReader`); the async generators on top hand the
// results out one array per piece of text, so the per-row cost is a loop step, not a promise.
import { CsvTokenizer, type CsvRecord } from "./csv-tokenizer";
import { clipRaw, RowChecker, trimField, WHOLE_ROW } from "./row-checker";
import type { RecognisedHeader } from "./table-headers";
import { ImportFileError, type ParseStats, type RowError, type RowErrorCode, type RowResult, type TableKind, type TableRecordMap } from "./types";

/** Far above any genuine row (< 200 chars); reached only by an unclosed quote swallowing the file. */
export const MAX_RECORD_CHARS = 1 << 20;

export type Validator = (c: RowChecker) => TableRecordMap[TableKind] | undefined;
type AnyRow = RowResult<TableRecordMap[TableKind]>;

const SKIP_MESSAGES: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: "Unas comillas abiertas no se cierran antes del final del archivo",
  CSV_INVALID_CLOSING_QUOTE: "Comillas mal cerradas: tras cerrar las comillas de un campo debe venir un separador o un salto de línea",
  INVALID_OPENING_QUOTE: "Comillas en mitad de un campo sin comillas",
};

interface SkippedRecord {
  endLine: number;
  code: string;
  raw: string | undefined;
}

/** Line breaks inside a record's text, its own terminating one excluded ("\r\n" is one break). */
export function innerLineBreaks(raw: string): number {
  let end = raw.length;
  if (raw.charCodeAt(end - 1) === 10) end--;
  if (raw.charCodeAt(end - 1) === 13) end--;
  // Nearly every record is one line: two native scans settle it.
  const lf = raw.indexOf("\n");
  const cr = raw.indexOf("\r");
  if ((lf < 0 || lf >= end) && (cr < 0 || cr >= end)) return 0;
  let breaks = 0;
  for (let i = 0; i < end; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 10) breaks++;
    else if (ch === 13) {
      breaks++;
      if (raw.charCodeAt(i + 1) === 10) i++;
    }
  }
  return breaks;
}

function isBlankRecord(fields: string[]): boolean {
  for (let i = 0; i < fields.length; i++) if (fields[i].length !== 0 && trimField(fields[i]) !== "") return false;
  return true;
}

function isCsvError(error: unknown): boolean {
  const code: unknown = error instanceof Error ? (error as unknown as { code?: unknown }).code : undefined;
  return typeof code === "string" && /^(CSV_|INVALID_)/.test(code);
}

/** Turns pieces of decoded text into row results, synchronously. */
export class RowReader {
  /** True once the rest of the file cannot be read (see `ParseStats.truncated`). */
  finished = false;
  private readonly skipped: SkippedRecord[] = [];
  private readonly tokenizer: CsvTokenizer;
  private previousEnd = 0;
  private lineOffset = 0; // csv-parse's line count minus ours, to place its skipped records

  constructor(
    delimiter: string,
    private readonly header: RecognisedHeader,
    private readonly headerLine: number,
    private readonly validate: Validator,
    private readonly stats: ParseStats,
  ) {
    this.tokenizer = new CsvTokenizer(
      {
        delimiter,
        // Stray quotes inside unquoted fields stay literal; the field then fails its own validation
        // with a precise message, instead of the parser losing its place in the file.
        relax_quotes: true,
        relax_column_count: true,
        skip_records_with_error: true,
        max_record_size: MAX_RECORD_CHARS,
      },
      (error, raw, lines) => {
        this.skipped.push({ endLine: lines, code: error?.code ?? "CSV_UNKNOWN", raw });
      },
    );
  }

  /** The results of the rows this text completes, in file order. */
  write(text: string): AnyRow[] {
    return this.guard(() => this.collect(this.tokenizer.write(text), false));
  }

  /** The results of the last row (no final line break) and of records left skipped at the end. */
  end(): AnyRow[] {
    return this.guard(() => this.collect(this.tokenizer.end(), true));
  }

  private guard(work: () => AnyRow[]): AnyRow[] {
    if (this.finished) return [];
    try {
      return work();
    } catch (error) {
      if (!isCsvError(error)) throw error;
      // A tokenising error the parser could not skip: report it where it happened and stop.
      this.finished = true;
      this.stats.truncated = true;
      const result = this.rejectedRecord(this.previousEnd + 1, "malformed_csv", `No se puede seguir leyendo el archivo a partir de esta línea: ${(error as Error).message}`, []);
      return [result];
    }
  }

  private collect(records: CsvRecord[], atEnd: boolean): AnyRow[] {
    const out: AnyRow[] = [];
    for (const record of records) {
      this.flushSkipped(record.lines, out);
      if (this.finished) return out;
      this.readRecord(record, out);
    }
    if (atEnd) this.flushSkipped(Number.POSITIVE_INFINITY, out);
    return out;
  }

  private readRecord(record: CsvRecord, out: AnyRow[]): void {
    const { stats, header } = this;
    // csv-parse counts a CRLF inside a quoted field as two lines, so physical lines are counted
    // here from the record's own text.
    const startLine = this.previousEnd + 1;
    const endLine = startLine + innerLineBreaks(record.raw);
    this.previousEnd = endLine;
    this.lineOffset = record.lines - endLine;
    if (endLine <= this.headerLine) return; // the header (and a "sep=" line) were read already
    const fields = record.fields;
    if (isBlankRecord(fields)) {
      stats.blankRows++;
      return;
    }
    const checker = new RowChecker(header, startLine, fields, record.raw);
    const parsed = checker.rejected ? undefined : this.validate(checker);
    if (parsed === undefined && !checker.rejected) checker.error(WHOLE_ROW, "malformed_csv", "Fila no válida");
    stats.dataRows++;
    if (parsed === undefined || checker.rejected) {
      this.countRejected(checker.errors);
      out.push({ ok: false, line: startLine, errors: checker.errors });
    } else {
      const flags = checker.flags;
      if (flags.length) {
        stats.flagged++;
        for (const f of flags) stats.flagsByCode[f.code] = (stats.flagsByCode[f.code] ?? 0) + 1;
      } else {
        stats.accepted++;
      }
      out.push({ ok: true, line: startLine, record: parsed, flags });
    }
  }

  private countRejected(errors: RowError[]): void {
    this.stats.rejected++;
    for (const e of errors) this.stats.errorsByCode[e.code] = (this.stats.errorsByCode[e.code] ?? 0) + 1;
  }

  private rejectedRecord(line: number, code: RowErrorCode, message: string, raw: string[]): AnyRow {
    const error: RowError = { line, column: WHOLE_ROW, code, message, raw };
    this.stats.dataRows++;
    this.countRejected([error]);
    return { ok: false, line, errors: [error] };
  }

  // Records the parser could not tokenise, reported in file order among the good ones.
  private flushSkipped(beforeLine: number, out: AnyRow[]): void {
    const { skipped } = this;
    while (skipped.length && skipped[0].endLine < beforeLine) {
      const skip = skipped.shift()!;
      const start = this.previousEnd + 1;
      const end = Math.max(start, skip.endLine - this.lineOffset);
      this.previousEnd = end;
      if (start <= this.headerLine) continue;
      const raw = skip.raw === undefined ? [] : clipRaw([skip.raw.slice(0, 1000)]);
      if (skip.code === "CSV_MAX_RECORD_SIZE") {
        this.stats.truncated = true;
        this.finished = true;
        out.push(this.rejectedRecord(start, "record_too_large", `A partir de esta línea hay un registro de más de ${MAX_RECORD_CHARS} caracteres (probablemente unas comillas sin cerrar); no se puede leer el resto del archivo`, raw));
        return;
      }
      const reason = SKIP_MESSAGES[skip.code] ?? `Fila mal formada (${skip.code})`;
      const span = end > start ? ` (líneas ${start} a ${end})` : "";
      out.push(this.rejectedRecord(start, "malformed_csv", `${reason}${span}`, raw));
    }
  }
}

/**
 * The rows of the file, one array per piece of decoded text (a few thousand rows for a 256 KiB
 * chunk). `replay` is the text already consumed while reading the header. Reading pauses between
 * arrays, so the consumer's pace is the pace at which bytes are read (backpressure).
 */
export async function* readRowBatches(replay: string, rest: AsyncGenerator<string>, reader: RowReader): AsyncGenerator<AnyRow[], void, undefined> {
  try {
    if (replay) {
      const rows = reader.write(replay);
      if (rows.length) yield rows;
    }
    while (!reader.finished) {
      const next = await rest.next();
      const rows = next.done ? reader.end() : reader.write(next.value);
      if (rows.length) yield rows;
      if (next.done) return;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError("read_error", `No se ha podido leer el archivo: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await rest.return(undefined).catch(() => undefined);
  }
}

/** The same rows one at a time (tests, small tables). */
export async function* flattenBatches<T>(batches: AsyncGenerator<T[], void, undefined>): AsyncGenerator<T, void, undefined> {
  for await (const batch of batches) yield* batch;
}
