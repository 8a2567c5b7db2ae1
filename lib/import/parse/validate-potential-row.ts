// A Potencial row: a client's yearly purchase potential for one category (C1, C2, T1).
import { categoryOfCommercialFamily, COMMERCIAL_FAMILY_OF_CATEGORY, parseCategory } from "./parse-classification";
import { parseId } from "./parse-id";
import { parseNonNegativeMoneyCents } from "./parse-number";
import type { RowChecker } from "./row-checker";
import type { PotentialRow } from "./types";

export function createPotentialValidator(): (c: RowChecker) => PotentialRow | undefined {
  const seen = new Map<string, number>(); // "client|category" → first line; ~3 per client
  return (c) => {
    const clientId = c.take("client", parseId(c.value("client"), c.name("client")));
    const familyLabel = c.text("familyLabel");
    const categoryText = c.value("category");
    const category = parseCategory(categoryText);
    if (!categoryText) c.error(c.name("category"), "required", `Falta ${c.name("category")}: el campo está vacío`);
    else if (!category) c.error(c.name("category"), "unknown_category", `${c.name("category")} "${categoryText}" no es una categoría conocida (Categoria C1, C2 o T1)`);
    const potentialCents = c.take("potential", parseNonNegativeMoneyCents(c.value("potential"), c.name("potential"), c.format));
    if (c.rejected || clientId === undefined || familyLabel === undefined || !category || potentialCents === undefined) return undefined;
    if (categoryOfCommercialFamily(familyLabel) !== category) {
      c.flag("family_label_mismatch", `${c.name("familyLabel")} "${familyLabel}" no corresponde a ${categoryText} (se esperaba "${COMMERCIAL_FAMILY_OF_CATEGORY[category]}"); manda la categoría`, c.name("familyLabel"));
    }
    const key = `${clientId}|${category}`;
    const firstLine = seen.get(key);
    if (firstLine === undefined) seen.set(key, c.line);
    else c.flag("duplicate_row", `El potencial del cliente ${clientId} en ${categoryText} ya aparece en la línea ${firstLine}`, c.name("client"));
    return { clientId, category, familyLabel, potentialCents };
  };
}
