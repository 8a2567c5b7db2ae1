// Reference data every installation needs: Spain's geography and the product families.
// Idempotent: safe to run on every start.
import type { DbTx } from "@/lib/db/prisma";
import { PROVINCES, REGIONS } from "@/lib/geo/spain";

export const FAMILIES = [
  { code: "C1", label: "Familia C1", block: "COMMODITY", categoryCode: "C1" },
  { code: "C2", label: "Familia C2", block: "COMMODITY", categoryCode: "C2" },
  { code: "T1", label: "Familia T1", block: "TECHNICAL", categoryCode: "T1" },
  // Potencial has no T2 category: Biomateriales (Categoria T1) covers families T1 and T2.
  { code: "T2", label: "Familia T2", block: "TECHNICAL", categoryCode: "T1" },
] as const;

export async function seedReferenceData(db: DbTx): Promise<void> {
  for (const region of REGIONS) {
    await db.region.upsert({ where: { code: region.code }, create: region, update: { name: region.name } });
  }
  for (const province of PROVINCES) {
    await db.province.upsert({
      where: { code: province.code },
      create: { code: province.code, name: province.name, regionCode: province.regionCode },
      update: { name: province.name, regionCode: province.regionCode },
    });
  }
  for (const family of FAMILIES) {
    await db.family.upsert({ where: { code: family.code }, create: family, update: {} });
  }
}
