// The demo world's own catalogue: 25 invented SKUs in the customer's four families (Familia C1: 6,
// C2: 2 in block Commodities; T1: 10, T2: 7 in Productos Técnicos), with list prices in the same
// fictional money unit as the sales, so that per-unit values land in the ranges DATA.md describes.
import type { CategoryCode, FamilyCode } from "@/lib/import/parse/types";

export const FAMILIES: readonly FamilyCode[] = ["C1", "C2", "T1", "T2"];
export const COMMODITY_FAMILIES: readonly FamilyCode[] = ["C1", "C2"];

export interface Sku {
  id: string;
  family: FamilyCode;
  category: CategoryCode;
  /** List price per unit in 2021; it rises a little every year. */
  listPrice: number;
  /** Units are sold in multiples of this (boxes of 12 or 24), 1 otherwise. */
  pack: number;
  /** Relative popularity inside its family. */
  popularity: number;
}

const sku = (id: string, family: FamilyCode, listPrice: number, popularity: number, pack = 1): Sku => ({
  id,
  family,
  category: family === "T2" ? "T1" : family,
  listPrice,
  pack,
  popularity,
});

export const CATALOGUE: readonly Sku[] = [
  // Familia C1 — anaesthetic cartridges, boxes
  sku("2101", "C1", 64, 30),
  sku("2104", "C1", 78, 22),
  sku("2109", "C1", 121, 16),
  sku("2116", "C1", 97, 14),
  sku("2122", "C1", 59, 10),
  sku("2130", "C1", 138, 8),
  // Familia C2 — biosafety consumables; 2410 ships in packs of 12 or 24
  sku("2410", "C2", 52, 70, 12),
  sku("2415", "C2", 41, 30),
  // Familia T1 — biomaterials
  sku("6003", "T1", 288, 22),
  sku("6005", "T1", 865, 9),
  sku("6008", "T1", 192, 16),
  sku("6012", "T1", 415, 10),
  sku("6014", "T1", 147, 12),
  sku("6019", "T1", 524, 7),
  sku("6023", "T1", 333, 8),
  sku("6027", "T1", 243, 7),
  sku("6031", "T1", 694, 4),
  sku("6036", "T1", 121, 5),
  // Familia T2 — surgical technical products
  sku("6102", "T2", 212, 24),
  sku("6106", "T2", 96, 20),
  sku("6109", "T2", 383, 12),
  sku("6111", "T2", 151, 16),
  sku("6117", "T2", 462, 8),
  sku("6120", "T2", 77, 12),
  sku("6124", "T2", 262, 8),
];

export const SKUS_BY_FAMILY: Record<FamilyCode, readonly Sku[]> = {
  C1: CATALOGUE.filter((s) => s.family === "C1"),
  C2: CATALOGUE.filter((s) => s.family === "C2"),
  T1: CATALOGUE.filter((s) => s.family === "T1"),
  T2: CATALOGUE.filter((s) => s.family === "T2"),
};

export function blockLabel(family: FamilyCode): string {
  return family === "C1" || family === "C2" ? "Commodities" : "Productos Técnicos";
}
