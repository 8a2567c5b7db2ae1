// Opens one uploaded CSV: decodes its bytes, recognises the table from the header, then yields one
// result per data row (a typed record, or the reasons it was rejected) as csv-parse reads them, in
// arrays (`batches`, one per chunk of text) or one by one (`rows`). Nothing is held beyond a few
// chunks and their rows, so a 2 GB file costs what a 2 KB one does; the consumer's `for await` pace
// is the pace at which bytes are read (backpressure).
import { decodeBytes, type DecodeState } from "./decode-bytes";
import { detectDelimiter } from "./detect-delimiter";
import { defaultMaxDate } from "./parse-date";
import { MAX_HEADER_CHARS, readLeadingLines } from "./read-header";
import { flattenBatches, MAX_RECORD_CHARS, readRowBatches, RowReader, type Validator } from "./read-rows";
import { describeExpectedHeaders, TABLE_LABELS } from "./table-headers";
import {
  ImportFileError,
  type DetectedEncoding,
  type FileError,
  type FileFormat,
  type ParseStats,
  type RowResult,
  type TableKind,
  type TableRecordMap,
} from "./types";
import { createCampaignValidator } from "./validate-campaign-row";
import { createClientValidator } from "./validate-client-row";
import { createPotentialValidator } from "./validate-potential-row";
import { createProductValidator } from "./validate-product-row";
import { createSalesValidator } from "./validate-sales-row";

export interface ParseOptions {
  /** When set, a file holding another table is a file-level error. */
  expectedTable?: TableKind;
  /** Latest admissible date (ISO); defaults to one year after today. */
  maxDate?: string;
  /** Lines within which exact repeats of a sales line are numbered (sales-line-key.ts; tests shrink it). */
  keyWindowLines?: number;
}

interface OpenedTableOf<K extends TableKind> {
  ok: true;
  table: K;
  format: FileFormat;
  encoding: DetectedEncoding;
  bom: boolean;
  delimiter: string;
  /** Physical line of the header (2 when an Excel "sep=" line precedes it). */
  headerLine: number;
  columnNames: string[];
  /** Single use. Counts in `stats` are final once it is exhausted. */
  rows: AsyncGenerator<RowResult<TableRecordMap[K]>, void, undefined>;
  /** The same rows in file order, one array per chunk of text: the cheap way through a big file.
   *  Single use, and either this or `rows`, not both. */
  batches: AsyncGenerator<RowResult<TableRecordMap[K]>[], void, undefined>;
  stats: ParseStats;
}

export type OpenedTable = { [K in TableKind]: OpenedTableOf<K> }[TableKind];
export type OpenTableResult = OpenedTable | { ok: false; error: FileError };

function emptyStats(): ParseStats {
  return { dataRows: 0, accepted: 0, flagged: 0, rejected: 0, blankRows: 0, errorsByCode: {}, flagsByCode: {}, truncated: false };
}

function fileError(code: FileError["code"], message: string): { ok: false; error: FileError } {
  return { ok: false, error: { code, message } };
}

function describeHeaderProblem(cells: string[], match: ReturnType<typeof detectDelimiter>["match"]): { ok: false; error: FileError } {
  const shown = cells.map((c) => `"${c.length > 60 ? `${c.slice(0, 60)}…` : c}"`).join(", ");
  if (!match.ok && match.reason === "duplicate") {
    return fileError("duplicate_column", `La cabecera repite la columna "${match.column}" (tabla ${TABLE_LABELS[match.table]}). Cabecera leída: ${shown}`);
  }
  let closest = "";
  if (!match.ok && match.reason === "unknown" && match.closest) {
    const { table, missing, unexpected } = match.closest;
    const parts = [missing.length ? `faltan ${missing.map((m) => `"${m}"`).join(", ")}` : "", unexpected.length ? `sobran ${unexpected.map((u) => `"${u}"`).join(", ")}` : ""];
    closest = ` Se parece a ${TABLE_LABELS[table]}, pero ${parts.filter(Boolean).join(" y ")}.`;
  }
  return fileError("unrecognised_header", `No se reconoce la cabecera del archivo (${shown}).${closest} Cabeceras esperadas: ${describeExpectedHeaders()}.`);
}

function createValidator(table: TableKind, maxDate: string, keyWindowLines?: number): Validator {
  switch (table) {
    case "ventas": return createSalesValidator({ maxDate, keyWindowLines });
    case "clientes": return createClientValidator();
    case "productos": return createProductValidator();
    case "potencial": return createPotentialValidator();
    case "campanas": return createCampaignValidator({ maxDate });
  }
}

/** Opens a CSV byte stream (a Node Readable, or any async iterable of chunks). */
export async function openTableStream(source: AsyncIterable<Uint8Array | string>, options: ParseOptions = {}): Promise<OpenTableResult> {
  const decodeState: DecodeState = { encoding: "utf-8", bom: false, decided: false };
  const text = decodeBytes(source, decodeState);
  let leading;
  try {
    leading = await readLeadingLines(text, 2);
  } catch (error) {
    await text.return(undefined).catch(() => undefined);
    if (error instanceof ImportFileError) return fileError(error.code, error.message);
    return fileError("read_error", `No se ha podido leer el archivo: ${error instanceof Error ? error.message : String(error)}`);
  }
  const close = () => text.return(undefined).catch(() => undefined);
  if (leading.tooLong) {
    await close();
    return fileError("header_too_long", `La primera línea supera ${MAX_HEADER_CHARS} caracteres sin salto de línea: no parece un CSV`);
  }
  if (leading.consumed.trim() === "") {
    await close();
    return fileError("empty_file", "El archivo está vacío");
  }
  // Excel understands a first line "sep=;" naming the separator; honour it when present.
  const sepHint = /^sep=(.)$/i.exec(leading.lines[0] ?? "");
  const headerLine = sepHint ? 2 : 1;
  const headerText = (sepHint ? leading.lines[1] : leading.lines[0]) ?? "";
  const detection = detectDelimiter(headerText, sepHint?.[1]);
  if (!detection.match.ok) {
    await close();
    return describeHeaderProblem(detection.cells, detection.match);
  }
  const header = detection.match.header;
  if (options.expectedTable && options.expectedTable !== header.table) {
    await close();
    return fileError("wrong_table", `Se esperaba la tabla ${TABLE_LABELS[options.expectedTable]}, pero la cabecera es la de ${TABLE_LABELS[header.table]}`);
  }
  const stats = emptyStats();
  const validate = createValidator(header.table, options.maxDate ?? defaultMaxDate(), options.keyWindowLines);
  const reader = new RowReader(detection.delimiter, header, headerLine, validate, stats);
  const batches = readRowBatches(leading.consumed, text, reader);
  const rows = flattenBatches(batches);
  return {
    ok: true,
    table: header.table,
    format: header.format,
    encoding: decodeState.encoding,
    bom: decodeState.bom,
    delimiter: detection.delimiter,
    headerLine,
    columnNames: header.columnNames,
    rows,
    batches,
    stats,
  } as OpenedTable;
}

export { MAX_RECORD_CHARS };
