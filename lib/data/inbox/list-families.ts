import "server-only";
import type { DbTx } from "@/lib/db/prisma";

export interface FamilyOption {
  code: string;
  label: string;
}

/** The product families (reference data, not scoped): the inbox's family filter. */
export async function listFamilies(db: DbTx): Promise<FamilyOption[]> {
  return db.family.findMany({ select: { code: true, label: true }, orderBy: { code: "asc" } });
}
