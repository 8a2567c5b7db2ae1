// Public surface of the import parser (no database here: the merge into PostgreSQL lives elsewhere).
export { openTableStream, MAX_RECORD_CHARS, type OpenTableResult, type OpenedTable, type ParseOptions } from "./parse-table-stream";
export { openTableFile } from "./parse-table-file";
export { classifySalesLine, isDemand } from "./classify-sales-line";
export { salesLineKey, createSalesLineKeyer, type SalesLineIdentity } from "./sales-line-key";
export { escapeCsvCell, looksLikeFormula } from "./cell-safety";
export { TABLE_COLUMNS, TABLE_LABELS, describeExpectedHeaders } from "./table-headers";
export { MAX_FIELD_LENGTH } from "./row-checker";
export * from "./types";
export { readAllRows } from "./read-all-rows";
