// Numbers as the declared format writes them. The customer's export uses "." for thousands and ","
// for decimals ("1.427,63", "-141,93", "0,00"); the canonical copy uses a dot decimal and no
// thousands separator. Anything else ("1,234.56", "1.23" in a European file, "12 €") is rejected
// rather than guessed: a wrong guess silently multiplies a sale by 1,000.
import { looksLikeFormula } from "./cell-safety";
import { fieldError, type FieldResult } from "./field-result";
import type { FileFormat } from "./types";

const EUROPEAN = /^(-)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;
const DOT = /^(-)?(\d+)(?:\.(\d+))?$/;

// Money has at most 2 decimals (Excel's currency format). The canonical copy may also carry binary
// float noise from the tool that wrote it ("9247.300000000001", "1086.4399999999998"): digits past
// the cent that are a run of 0s or 9s are that noise and round away; anything else is rejected.
const FLOAT_NOISE = /^(0{5,}|9{5,})\d*$/;
const MAX_ABS_MONEY_CENTS = 10_000_000_000; // 100 million money units: far above any dental order
const MAX_ABS_UNITS = 1_000_000;

interface DecimalParts {
  negative: boolean;
  integer: string;
  fraction: string;
}

function expectedShape(format: FileFormat): string {
  return format === "original" ? 'formato europeo, p. ej. "1.234,56"' : 'punto decimal, p. ej. "1234.56"';
}

function splitDecimal(value: string, column: string, format: FileFormat): FieldResult<DecimalParts> {
  if (value === "") return fieldError("required", `Falta ${column}: el campo está vacío`);
  const match = (format === "original" ? EUROPEAN : DOT).exec(value);
  if (!match) {
    if (looksLikeFormula(value) && !/^-\d/.test(value)) {
      return fieldError("formula_like", `${column} "${value}" parece una fórmula de hoja de cálculo, no un número`);
    }
    return fieldError("invalid_number", `${column} "${value}" no es un número válido (se espera ${expectedShape(format)})`);
  }
  return { ok: true, value: { negative: match[1] === "-", integer: match[2].replace(/\./g, ""), fraction: match[3] ?? "" } };
}

/** A money amount as integer hundredths (exact for sums and line keys). */
export function parseMoneyCents(value: string, column: string, format: FileFormat): FieldResult<number> {
  const parts = splitDecimal(value, column, format);
  if (!parts.ok) return parts;
  const { negative, integer, fraction } = parts.value;
  if (fraction.length > 2 && (format === "original" || !FLOAT_NOISE.test(fraction.slice(2)))) {
    return fieldError("invalid_number", `${column} "${value}" tiene demasiados decimales (como máximo 2)`);
  }
  if (integer.length > 12) return fieldError("number_out_of_range", `${column} "${value}" es demasiado grande`);
  // Round half away from zero on the third decimal, working on digits to avoid float error.
  const padded = (fraction + "000").slice(0, 3);
  let cents = Number(integer) * 100 + Number(padded.slice(0, 2));
  if (Number(padded[2]) >= 5) cents += 1;
  if (Math.abs(cents) > MAX_ABS_MONEY_CENTS) return fieldError("number_out_of_range", `${column} "${value}" es demasiado grande`);
  return { ok: true, value: negative && cents !== 0 ? -cents : cents };
}

/** A whole number of units; decimals are allowed only when they are zeros ("12,00"). */
export function parseUnits(value: string, column: string, format: FileFormat): FieldResult<number> {
  const parts = splitDecimal(value, column, format);
  if (!parts.ok) return parts;
  const { negative, integer, fraction } = parts.value;
  if (/[1-9]/.test(fraction)) return fieldError("not_integer", `${column} "${value}" debe ser un número entero de unidades`);
  if (integer.length > 7 || Number(integer) > MAX_ABS_UNITS) {
    return fieldError("number_out_of_range", `${column} "${value}" está fuera de rango (como máximo ${MAX_ABS_UNITS.toLocaleString("es-ES")} unidades)`);
  }
  const units = Number(integer);
  return { ok: true, value: negative && units !== 0 ? -units : units };
}

/** Money that cannot be negative (a potential). */
export function parseNonNegativeMoneyCents(value: string, column: string, format: FileFormat): FieldResult<number> {
  const cents = parseMoneyCents(value, column, format);
  if (cents.ok && cents.value < 0) return fieldError("negative_value", `${column} "${value}" no puede ser negativo`);
  return cents;
}
