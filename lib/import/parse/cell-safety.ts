// Spreadsheet formula injection: a cell starting with = + - @ (or a tab / carriage return) is run
// as a formula by Excel when a CSV is opened. Where a number or id is expected such a value is
// rejected; text is kept as data, and escaped with a leading apostrophe whenever we write it back
// into a CSV (OWASP's recommendation).

const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(value: string): boolean {
  return FORMULA_START.test(value);
}

/** The cell as it must be written into a CSV that someone may open with Excel. */
export function escapeCsvCell(value: string): string {
  const safe = looksLikeFormula(value) ? `'${value}` : value;
  return /[",;\r\n\t]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Control characters other than tab never occur in a genuine export: they mean binary garbage. */
export function hasControlCharacters(value: string): boolean {
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value);
}

/** U+FFFD is what the decoder leaves for bytes that were not valid in the file's encoding. */
export function hasUndecodableBytes(value: string): boolean {
  return value.includes("\ufffd");
}
