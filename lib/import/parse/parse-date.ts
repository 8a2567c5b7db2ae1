// Dates as the declared format writes them: M/D/YYYY in the customer's export (US order, even in a
// Spanish company: that is how the sheet was exported), ISO YYYY-MM-DD in the canonical copy. Every
// date is checked against the calendar (no 2/30) and a plausible range.
import { looksLikeFormula } from "./cell-safety";
import { fieldError, type FieldResult } from "./field-result";
import type { FileFormat } from "./types";

export const MIN_PLAUSIBLE_DATE = "2000-01-01";

// A trailing midnight time is what some spreadsheets append to a date cell; it carries nothing.
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: 0?0:00(?::00)?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Today + one year, the latest date a genuine export can hold (orders are not invoiced years ahead). */
export function defaultMaxDate(today: Date = new Date()): string {
  return iso(today.getUTCFullYear() + 1, today.getUTCMonth() + 1, Math.min(today.getUTCDate(), 28));
}

// Sales files come sorted by date, thousands of lines per day: the last answer is usually the one.
let last: { value: string; column: string; format: FileFormat; maxDate: string; result: FieldResult<string> } | undefined;

export function parseDate(value: string, column: string, format: FileFormat, maxDate: string): FieldResult<string> {
  if (last && last.value === value && last.column === column && last.format === format && last.maxDate === maxDate) return last.result;
  const result = parseDateUncached(value, column, format, maxDate);
  last = { value, column, format, maxDate, result };
  return result;
}

function parseDateUncached(value: string, column: string, format: FileFormat, maxDate: string): FieldResult<string> {
  if (value === "") return fieldError("required", `Falta ${column}: el campo está vacío`);
  const expected = format === "original" ? "M/D/AAAA" : "AAAA-MM-DD";
  const match = (format === "original" ? US_DATE : ISO_DATE).exec(value);
  if (!match) {
    if (looksLikeFormula(value)) return fieldError("formula_like", `${column} "${value}" parece una fórmula de hoja de cálculo, no una fecha`);
    if (/^\d{4,5}$/.test(value)) {
      return fieldError("invalid_date", `${column} "${value}" es un número de serie de Excel, no una fecha (se espera ${expected}); aplica formato de fecha a la columna antes de exportar`);
    }
    return fieldError("invalid_date", `${column} "${value}" no es una fecha válida (se espera ${expected})`);
  }
  const [year, month, day] =
    format === "original" ? [Number(match[3]), Number(match[1]), Number(match[2])] : [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    const swapped = format === "original" && month > 12 && month <= 31 && day >= 1 && day <= 12;
    const hint = swapped ? "; parece D/M/AAAA, con el día y el mes intercambiados" : "";
    return fieldError("invalid_date", `${column} "${value}" no es una fecha válida (se espera ${expected})${hint}`);
  }
  const date = iso(year, month, day);
  if (date < MIN_PLAUSIBLE_DATE || date > maxDate) {
    return fieldError("date_out_of_range", `${column} "${value}" está fuera del rango admitido (${MIN_PLAUSIBLE_DATE} a ${maxDate})`);
  }
  return { ok: true, value: date };
}
