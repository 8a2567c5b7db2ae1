// Customer, product and invoice identifiers: plain digits. Leading zeros are dropped because the ERP
// ids are numbers and Excel already drops them in some exports but not others; "0123" and "123"
// must join as the same client.
import { looksLikeFormula } from "./cell-safety";
import { fieldError, type FieldResult } from "./field-result";

export function parseId(value: string, column: string, maxDigits = 12): FieldResult<string> {
  if (value === "") return fieldError("required", `Falta ${column}: el campo está vacío`);
  if (/^\d+$/.test(value)) {
    const id = value.charCodeAt(0) === 48 ? value.replace(/^0+/, "") : value;
    if (id === "") return fieldError("invalid_id", `${column} "${value}" no es un identificador válido (no puede ser cero)`);
    if (id.length > maxDigits) {
      return fieldError("invalid_id", `${column} "${value}" tiene ${id.length} dígitos (como máximo ${maxDigits})`);
    }
    return { ok: true, value: id };
  }
  if (/^\d+([.,]\d+)?[eE][+-]?\d+$/.test(value)) {
    return fieldError("id_scientific_notation", `${column} "${value}" está en notación científica: Excel ha redondeado el identificador; exporta la columna como texto`);
  }
  if (looksLikeFormula(value)) {
    return fieldError("formula_like", `${column} "${value}" parece una fórmula de hoja de cálculo, no un identificador`);
  }
  return fieldError("invalid_id", `${column} "${value}" no es un identificador válido (se esperan solo dígitos)`);
}
