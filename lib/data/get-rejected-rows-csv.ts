import "server-only";
import type { Actor } from "@/lib/auth/load-actor";
import type { Db } from "@/lib/db/prisma";
import { escapeCsvCell } from "@/lib/import/parse";

/** The rejected rows of an import as a CSV safe to open in Excel (no formula injection), or null. */
export async function getRejectedRowsCsv(db: Db, actor: Actor, importId: number): Promise<string | null> {
  if (actor.role !== "ADMIN") throw new Error("Import data is for administrators only");
  const found = await db.import.findUnique({ where: { id: importId }, select: { id: true } });
  if (!found) return null;
  const rows = await db.importRejectedRow.findMany({ where: { importId }, orderBy: [{ line: "asc" }, { id: "asc" }] });
  // The original fields each in their own column, so the admin can correct them and upload again.
  const rawFields = rows.map((row) => (Array.isArray(row.raw) ? (row.raw as unknown[]).map(String) : [JSON.stringify(row.raw)]));
  const width = Math.max(0, ...rawFields.map((fields) => fields.length));
  const header = ["linea", "columna", "codigo", "motivo", ...Array.from({ length: width }, (_, i) => `campo_${i + 1}`)].join(";");
  const body = rows.map((row, index) =>
    [String(row.line), row.column ?? "", row.code, row.message, ...rawFields[index]!].map(escapeCsvCell).join(";"),
  );
  // BOM so that Spanish Excel opens the accents correctly.
  return `\ufeff${[header, ...body].join("\r\n")}\r\n`;
}
