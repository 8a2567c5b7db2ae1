// Collects the errors and flags of one data row while the table's validator reads its fields, so a
// row reports every problem at once (the admin fixes the file in one pass, not one error per upload).
import { hasControlCharacters, hasUndecodableBytes, looksLikeFormula } from "./cell-safety";
import type { FieldResult } from "./field-result";
import type { ColumnKey, RecognisedHeader } from "./table-headers";
import type { FileFormat, RowError, RowErrorCode, RowFlag, RowFlagCode } from "./types";

export const MAX_FIELD_LENGTH = 1000;
export const WHOLE_ROW = "(fila)";

const isPrintableAscii = (code: number) => code > 32 && code < 127;

/** Trims spaces, including the non-breaking ones Excel keeps from pasted text. */
export function trimField(value: string): string {
  // Nearly every field starts and ends with a visible ASCII character: nothing to trim.
  if (isPrintableAscii(value.charCodeAt(0)) && isPrintableAscii(value.charCodeAt(value.length - 1))) return value;
  return value.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, "");
}

// What hasControlCharacters and hasUndecodableBytes look for, in one pass over a whole record.
const SUSPECT_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;

export function clipRaw(fields: string[]): string[] {
  return fields.map((f) => (f.length > MAX_FIELD_LENGTH ? `${f.slice(0, MAX_FIELD_LENGTH)}…` : f));
}

/** What a clean row reports: shared, and frozen so that nobody adds to it by mistake. */
const NONE: never[] = Object.freeze([]) as never;

export class RowChecker {
  // A clean row (nearly all of them) allocates neither list: millions of rows, two arrays each.
  private errorList: RowError[] | undefined;
  private flagList: RowFlag[] | undefined;
  readonly format: FileFormat;
  private clippedRaw: string[] | undefined;

  /** `recordText`, the record as read, lets a clean row skip the per-field character checks. */
  constructor(
    private readonly header: RecognisedHeader,
    readonly line: number,
    private readonly rawFields: string[],
    recordText?: string,
  ) {
    this.format = header.format;
    this.checkShape(rawFields, recordText === undefined || SUSPECT_CHARACTERS.test(recordText));
  }

  /** The row's fields as read, for error reports; built on the first error only. */
  private get raw(): string[] {
    return (this.clippedRaw ??= clipRaw(this.rawFields));
  }

  name(key: ColumnKey): string {
    return this.header.columnNames[this.header.columnIndex[key]];
  }

  /** The field, trimmed ("" when the row is short of it). */
  value(key: ColumnKey): string {
    const field = this.rawFields[this.header.columnIndex[key]];
    return field === undefined ? "" : trimField(field);
  }

  /** Read-only: for a clean row this is the shared frozen empty list (record through error()). */
  get errors(): RowError[] {
    return this.errorList ?? NONE;
  }

  /** Read-only: for an unflagged row this is the shared frozen empty list (record through flag()). */
  get flags(): RowFlag[] {
    return this.flagList ?? NONE;
  }

  get rejected(): boolean {
    return this.errorList !== undefined;
  }

  error(column: string, code: RowErrorCode, message: string): void {
    (this.errorList ??= []).push({ line: this.line, column, code, message, raw: this.raw });
  }

  flag(code: RowFlagCode, message: string, column?: string): void {
    (this.flagList ??= []).push(column === undefined ? { code, message } : { code, column, message });
  }

  /** The parsed value, or undefined after recording the field's error. */
  take<T>(key: ColumnKey, result: FieldResult<T>): T | undefined {
    if (result.ok) return result.value;
    this.error(this.name(key), result.code, result.message);
    return undefined;
  }

  /** Free text: required, kept as written, flagged when a spreadsheet would run it as a formula. */
  text(key: ColumnKey): string | undefined {
    const value = this.value(key);
    if (value === "") {
      this.error(this.name(key), "required", `Falta ${this.name(key)}: el campo está vacío`);
      return undefined;
    }
    if (looksLikeFormula(value)) {
      this.flag("formula_like_text", `${this.name(key)} "${value}" empieza como una fórmula; se guarda como texto y se escapará al exportarlo`, this.name(key));
    }
    return value;
  }

  // Problems that make any field unreadable, whatever the table: a wrong column count, an endless
  // field, binary bytes, bytes the file's encoding could not decode.
  private checkShape(rawFields: string[], checkCharacters: boolean): void {
    const width = this.header.width;
    if (rawFields.length < width) {
      this.error(WHOLE_ROW, "field_count", `La fila tiene ${rawFields.length} columnas y la cabecera ${width}`);
    } else if (rawFields.length > width) {
      if (rawFields.slice(width).every((f) => trimField(f) === "")) {
        this.flag("extra_empty_fields", `La fila tiene ${rawFields.length - width} columnas vacías de más al final; se ignoran`);
      } else {
        this.error(WHOLE_ROW, "field_count", `La fila tiene ${rawFields.length} columnas y la cabecera ${width}`);
      }
    }
    const checked = Math.min(width, rawFields.length);
    for (let index = 0; index < checked; index++) {
      const field = rawFields[index];
      const tooLong = field.length > MAX_FIELD_LENGTH;
      if (!tooLong && !checkCharacters) continue;
      const column = this.header.columnNames[index] ?? `(columna ${index + 1})`;
      if (tooLong) {
        this.error(column, "field_too_long", `${column} tiene ${field.length} caracteres (como máximo ${MAX_FIELD_LENGTH})`);
      } else if (hasControlCharacters(field)) {
        this.error(column, "control_characters", `${column} contiene caracteres de control o binarios`);
      } else if (hasUndecodableBytes(field)) {
        this.error(column, "invalid_encoding", `${column} contiene bytes que no son texto válido en la codificación del archivo`);
      }
    }
  }
}
