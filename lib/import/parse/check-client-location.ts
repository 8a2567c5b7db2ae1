// A client's postal code and province. The export's postal-code column loses leading zeros when it
// passes through Excel ("1001" for Álava's "01001") and writes "0" for clients abroad (Andorra);
// the province name is free text in several spellings. Disagreements are flagged, not rejected: the
// client exists either way, and which location wins is decided when the tables are merged.
import { provinceByCode, provinceByName } from "@/lib/geo/spain";
import { looksLikeFormula } from "./cell-safety";
import { fieldError, type FieldResult } from "./field-result";
import type { RowFlag } from "./types";

export interface ClientLocation {
  postalCode: string | null;
  provinceCode: string | null;
  flags: RowFlag[];
}

export function checkClientLocation(
  rawPostal: string,
  provinceName: string,
  columns: { postalCode: string; province: string },
): FieldResult<ClientLocation> {
  const flags: RowFlag[] = [];
  let postalCode: string | null;
  if (rawPostal === "" || /^0+$/.test(rawPostal)) {
    postalCode = null;
    flags.push({ code: "postal_code_missing", column: columns.postalCode, message: `Sin código postal ("${rawPostal}"): el cliente no se puede situar por código postal` });
  } else if (/^\d{5}$/.test(rawPostal)) {
    postalCode = rawPostal;
  } else if (/^\d{4}$/.test(rawPostal)) {
    postalCode = `0${rawPostal}`;
    flags.push({ code: "postal_code_padded", column: columns.postalCode, message: `Código postal "${rawPostal}" de 4 dígitos (Excel quita el cero inicial): se lee como "${postalCode}"` });
  } else if (looksLikeFormula(rawPostal)) {
    return fieldError("formula_like", `${columns.postalCode} "${rawPostal}" parece una fórmula de hoja de cálculo, no un código postal`);
  } else {
    return fieldError("invalid_postal_code", `${columns.postalCode} "${rawPostal}" no es un código postal válido (se esperan 5 dígitos)`);
  }

  const named = provinceName === "" ? undefined : provinceByName(provinceName);
  const ofPostal = postalCode ? provinceByCode(postalCode.slice(0, 2)) : undefined;
  if (postalCode && !ofPostal) {
    flags.push({ code: "postal_code_unknown_prefix", column: columns.postalCode, message: `El código postal "${postalCode}" no empieza por el código de ninguna provincia española` });
  }
  if (!named) {
    if (provinceName === "" && !postalCode) return fieldError("required", `Falta ${columns.province} y no hay código postal del que deducirla`);
    const fallback = ofPostal ? `; se toma ${ofPostal.name} por el código postal` : "";
    const what = provinceName === "" ? "Provincia vacía" : `Provincia "${provinceName}" no es una provincia española conocida`;
    flags.push({ code: "unknown_province", column: columns.province, message: `${what}${fallback}` });
    return { ok: true, value: { postalCode, provinceCode: ofPostal?.code ?? null, flags } };
  }
  if (ofPostal && ofPostal.code !== named.code) {
    flags.push({
      code: "postal_province_conflict",
      column: columns.postalCode,
      message: `El código postal ${postalCode} corresponde a ${ofPostal.name}, pero la provincia indicada es ${provinceName}`,
    });
  }
  return { ok: true, value: { postalCode, provinceCode: named.code, flags } };
}
