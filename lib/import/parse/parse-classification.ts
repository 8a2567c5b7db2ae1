// The product classification labels: analytic block, category (what potentials are given for) and
// family. Spelling is tolerated ("Categoría C1", "categoria c1", "C1"); unknown labels are rejected,
// because the family decides whether a product is read as regular consumption or as technical.
import type { CategoryCode, FamilyCode, ProductBlock } from "./types";

function loose(value: string): string {
  return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]/g, "");
}

const CATEGORIES: Record<string, CategoryCode> = { c1: "C1", c2: "C2", t1: "T1" };
const FAMILIES: Record<string, FamilyCode> = { c1: "C1", c2: "C2", t1: "T1", t2: "T2" };

export function parseCategory(value: string): CategoryCode | undefined {
  return CATEGORIES[loose(value).replace(/^categoria/, "")];
}

export function parseFamily(value: string): FamilyCode | undefined {
  return FAMILIES[loose(value).replace(/^familia/, "")];
}

export function parseBlock(value: string): ProductBlock | undefined {
  const key = loose(value);
  if (key === "commodities" || key === "commodity") return "commodities";
  if (key === "productostecnicos" || key === "tecnicos" || key === "technical") return "technical";
  return undefined;
}

/** The commercial name the Potencial table gives each category. */
export const COMMERCIAL_FAMILY_OF_CATEGORY: Record<CategoryCode, string> = {
  C1: "Anestesia",
  C2: "Bioseguridad",
  T1: "Biomateriales",
};

export function categoryOfCommercialFamily(label: string): CategoryCode | undefined {
  const key = loose(label);
  return (Object.keys(COMMERCIAL_FAMILY_OF_CATEGORY) as CategoryCode[]).find((c) => loose(COMMERCIAL_FAMILY_OF_CATEGORY[c]) === key);
}

/** Category and block each family belongs to. */
export const FAMILY_PLACEMENT: Record<FamilyCode, { category: CategoryCode; block: ProductBlock }> = {
  C1: { category: "C1", block: "commodities" },
  C2: { category: "C2", block: "commodities" },
  T1: { category: "T1", block: "technical" },
  T2: { category: "T1", block: "technical" },
};
