// Purchases that arrive in an import are linked at once to the alerts they follow (attended or
// not, shown or held out), so outcomes do not wait for the next pipeline run.
import { attributePurchases, type AttributePurchasesResult } from "@/lib/alerts";
import type { Db } from "@/lib/db/prisma";
import type { FileImportReport } from "@/lib/import/import-sources";

export async function attributeAfterImport(db: Db, reports: readonly FileImportReport[]): Promise<AttributePurchasesResult | null> {
  const sales = reports.filter((r) => r.table === "ventas" && r.status === "SUCCEEDED" && r.rowsInserted > 0);
  if (!sales.length) return null;
  return attributePurchases(db, { sinceImportId: Math.min(...sales.map((r) => r.importId)) });
}
