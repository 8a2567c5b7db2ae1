// Reads the data rows of an opened table with csv-parse's streaming parser: each record becomes a
// typed record or its errors, records the parser cannot tokenise become rejected rows in file order,
// and physical line numbers are kept exact (multi-line quoted fields included).
import { parse, type CsvError, type Info } from "csv-parse";
import { Readable, pipeline } from "node:stream";
import { clipRaw, RowChecker, trimField, WHOLE_ROW } from "./row-checker";
import type { RecognisedHeader } from "./table-headers";
import { ImportFileError, type ParseStats, type RowError, type RowErrorCode, type RowResult, type TableKind, type TableRecordMap } from "./types";

/** Far above any genuine row (< 200 chars); reached only by an unclosed quote swallowing the file. */
export const MAX_RECORD_CHARS = 1 << 20;

export type Validator = (c: RowChecker) => TableRecordMap[TableKind] | undefined;

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
function innerLineBreaks(raw: string): number {
  const body = raw.replace(/(\r\n|\r|\n)$/, "");
  let breaks = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body.charCodeAt(i);
    if (ch === 10) breaks++;
    else if (ch === 13) {
      breaks++;
      if (body.charCodeAt(i + 1) === 10) i++;
    }
  }
  return breaks;
}

function isCsvError(error: unknown): error is CsvError {
  const code: unknown = error instanceof Error ? (error as unknown as { code?: unknown }).code : undefined;
  return typeof code === "string" && /^(CSV_|INVALID_)/.test(code);
}

export async function* readRows(
  replay: string,
  rest: AsyncGenerator<string>,
  delimiter: string,
  header: RecognisedHeader,
  headerLine: number,
  validate: Validator,
  stats: ParseStats,
): AsyncGenerator<RowResult<TableRecordMap[TableKind]>, void, undefined> {
  const skipped: SkippedRecord[] = [];
  const parser = parse({
    delimiter,
    // Stray quotes inside unquoted fields stay literal; the field then fails its own validation with
    // a precise message, instead of the parser losing its place in the file.
    relax_quotes: true,
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    info: true,
    raw: true,
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      skipped.push({ endLine: (error as unknown as { lines?: number } | undefined)?.lines ?? 0, code: error?.code ?? "CSV_UNKNOWN", raw });
      return undefined;
    },
  });
  async function* feed(): AsyncGenerator<string> {
    if (replay) yield replay;
    yield* rest;
  }
  const input = Readable.from(feed());
  pipeline(input, parser, () => undefined); // errors surface through the parser's iterator below

  let previousEnd = 0;
  let lineOffset = 0; // csv-parse's line count minus ours, to place its skipped records
  const count = (result: RowResult<unknown>) => {
    stats.dataRows++;
    if (!result.ok) {
      stats.rejected++;
      for (const e of result.errors) stats.errorsByCode[e.code] = (stats.errorsByCode[e.code] ?? 0) + 1;
    } else if (result.flags.length) {
      stats.flagged++;
      for (const f of result.flags) stats.flagsByCode[f.code] = (stats.flagsByCode[f.code] ?? 0) + 1;
    } else {
      stats.accepted++;
    }
  };
  const rejectedRecord = (line: number, code: RowErrorCode, message: string, raw: string[]): RowResult<never> => {
    const error: RowError = { line, column: WHOLE_ROW, code, message, raw };
    return { ok: false, line, errors: [error] };
  };
  // Records the parser could not tokenise, reported in file order among the good ones.
  function* flushSkipped(beforeLine: number): Generator<RowResult<never>> {
    while (skipped.length && skipped[0].endLine < beforeLine) {
      const skip = skipped.shift()!;
      const start = previousEnd + 1;
      const end = Math.max(start, skip.endLine - lineOffset);
      previousEnd = end;
      if (start <= headerLine) continue;
      const raw = skip.raw === undefined ? [] : clipRaw([skip.raw.slice(0, 1000)]);
      if (skip.code === "CSV_MAX_RECORD_SIZE") {
        stats.truncated = true;
        const result = rejectedRecord(start, "record_too_large", `A partir de esta línea hay un registro de más de ${MAX_RECORD_CHARS} caracteres (probablemente unas comillas sin cerrar); no se puede leer el resto del archivo`, raw);
        count(result);
        yield result;
        return;
      }
      const reason = SKIP_MESSAGES[skip.code] ?? `Fila mal formada (${skip.code})`;
      const span = end > start ? ` (líneas ${start} a ${end})` : "";
      const result = rejectedRecord(start, "malformed_csv", `${reason}${span}`, raw);
      count(result);
      yield result;
    }
  }

  try {
    for await (const chunk of parser as AsyncIterable<{ info: Info; record: string[]; raw: string }>) {
      for (const result of flushSkipped(chunk.info.lines)) {
        yield result;
        if (stats.truncated) return;
      }
      // csv-parse counts a CRLF inside a quoted field as two lines, so physical lines are counted
      // here from the record's own text.
      const startLine = previousEnd + 1;
      const endLine = startLine + innerLineBreaks(chunk.raw);
      previousEnd = endLine;
      lineOffset = chunk.info.lines - endLine;
      if (endLine <= headerLine) continue; // the header (and a "sep=" line) were read already
      const fields = chunk.record;
      if (fields.every((f) => trimField(f) === "")) {
        stats.blankRows++;
        continue;
      }
      const checker = new RowChecker(header, startLine, fields);
      const record = checker.rejected ? undefined : validate(checker);
      if (record === undefined && !checker.rejected) checker.error(WHOLE_ROW, "malformed_csv", "Fila no válida");
      const result: RowResult<TableRecordMap[TableKind]> =
        record === undefined || checker.rejected
          ? { ok: false, line: startLine, errors: checker.errors }
          : { ok: true, line: startLine, record, flags: checker.flags };
      count(result);
      yield result;
    }
    for (const result of flushSkipped(Number.POSITIVE_INFINITY)) {
      yield result;
      if (stats.truncated) return;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    if (isCsvError(error)) {
      // A tokenising error the parser could not skip: report it where it happened and stop.
      stats.truncated = true;
      const line = previousEnd + 1;
      const result = rejectedRecord(line, "malformed_csv", `No se puede seguir leyendo el archivo a partir de esta línea: ${error.message}`, []);
      count(result);
      yield result;
      return;
    }
    throw new ImportFileError("read_error", `No se ha podido leer el archivo: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    input.destroy();
    parser.destroy();
  }
}
