// What a field parser returns: the typed value, or a row-error code with its Spanish explanation.
import type { RowErrorCode } from "./types";

export type FieldResult<T> = { ok: true; value: T } | { ok: false; code: RowErrorCode; message: string };

export function fieldError<T>(code: RowErrorCode, message: string): FieldResult<T> {
  return { ok: false, code, message };
}
