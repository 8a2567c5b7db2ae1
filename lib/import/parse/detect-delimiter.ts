// The separator is whichever candidate makes the header a known table: Spanish Excel writes ";"
// (the comma is its decimal mark), the customer's export ",", "Unicode text" exports a tab. Trying
// each candidate against the header is more reliable than counting characters in data lines, where
// quoted "1.234,56" values are full of commas.
import { parse } from "csv-parse/sync";
import { recogniseHeader, type HeaderMatch } from "./table-headers";

export const DELIMITER_CANDIDATES = [",", ";", "\t"] as const;

export interface DelimiterDetection {
  delimiter: string;
  cells: string[];
  match: HeaderMatch;
}

export function splitHeaderLine(line: string, delimiter: string): string[] {
  const records = parse(line, { delimiter, relax_quotes: true, relax_column_count: true, skip_records_with_error: true }) as string[][];
  return records[0] ?? [];
}

/** The first candidate whose split is a recognised header; otherwise the one giving most columns. */
export function detectDelimiter(headerLine: string, forced?: string): DelimiterDetection {
  const candidates = forced ? [forced] : DELIMITER_CANDIDATES;
  let fallback: DelimiterDetection | undefined;
  for (const delimiter of candidates) {
    const cells = splitHeaderLine(headerLine, delimiter);
    const match = recogniseHeader(cells);
    const detection = { delimiter, cells, match };
    if (match.ok) return detection;
    if (!fallback || cells.length > fallback.cells.length || (match.reason === "duplicate" && fallback.match.ok === false && fallback.match.reason !== "duplicate")) {
      fallback = detection;
    }
  }
  return fallback!;
}
