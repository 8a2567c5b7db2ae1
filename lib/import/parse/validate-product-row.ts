// A Productos row: a SKU and where it sits (block → category → family). An inconsistent placement is
// rejected: it decides whether the SKU's demand is read as regular (commodities) or technical.
import { FAMILY_PLACEMENT, parseBlock, parseCategory, parseFamily } from "./parse-classification";
import { parseId } from "./parse-id";
import type { RowChecker } from "./row-checker";
import type { ProductRow } from "./types";

export function createProductValidator(): (c: RowChecker) => ProductRow | undefined {
  const seen = new Map<string, number>();
  return (c) => {
    const productId = c.take("product", parseId(c.value("product"), c.name("product")));
    const blockText = c.text("block");
    const categoryText = c.text("category");
    const familyText = c.text("family");
    const block = blockText === undefined ? undefined : parseBlock(blockText);
    const category = categoryText === undefined ? undefined : parseCategory(categoryText);
    const family = familyText === undefined ? undefined : parseFamily(familyText);
    if (blockText !== undefined && !block) c.error(c.name("block"), "unknown_block", `${c.name("block")} "${blockText}" no es un bloque conocido (Commodities o Productos Técnicos)`);
    if (categoryText !== undefined && !category) c.error(c.name("category"), "unknown_category", `${c.name("category")} "${categoryText}" no es una categoría conocida (Categoria C1, C2 o T1)`);
    if (familyText !== undefined && !family) c.error(c.name("family"), "unknown_family", `${c.name("family")} "${familyText}" no es una familia conocida (Familia C1, C2, T1 o T2)`);
    if (c.rejected || productId === undefined || !block || !category || !family) return undefined;
    const placement = FAMILY_PLACEMENT[family];
    if (placement.category !== category || placement.block !== block) {
      c.error(c.name("family"), "inconsistent_classification", `${familyText} pertenece a Categoria ${placement.category} (${placement.block === "commodities" ? "Commodities" : "Productos Técnicos"}), no a ${categoryText} / ${blockText}`);
      return undefined;
    }
    const firstLine = seen.get(productId);
    if (firstLine === undefined) seen.set(productId, c.line);
    else c.flag("duplicate_row", `El producto ${productId} ya aparece en la línea ${firstLine}`, c.name("product"));
    return { productId, block, category, family };
  };
}
