// Plain-text summary of an import batch, for the command line.
import type { FileImportReport } from "@/lib/import/import-sources";

const n = (value: number) => value.toLocaleString("es-ES");

export function formatImportReport(reports: FileImportReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (r.status === "FAILED") {
      lines.push(`✗ ${r.fileName}: ${r.error}`);
      continue;
    }
    lines.push(
      `✓ ${r.fileName} (${r.table}): ${n(r.rowsTotal)} filas · ${n(r.rowsAccepted)} aceptadas · ${n(r.rowsRejected)} rechazadas · ` +
        `${n(r.rowsFlagged)} con avisos · ${n(r.rowsInserted)} nuevas · ${n(r.rowsExisting)} ya existentes` +
        (r.sameFileImportedBefore ? " · (este mismo archivo ya se había importado)" : ""),
    );
    const details = r.details as { errorsByCode?: Record<string, number>; flagsByCode?: Record<string, number>; merge?: Record<string, number> };
    const parts = [
      ...Object.entries(details.errorsByCode ?? {}).map(([code, count]) => `rechazo ${code}: ${n(count)}`),
      ...Object.entries(details.flagsByCode ?? {}).map(([code, count]) => `aviso ${code}: ${n(count)}`),
      ...Object.entries(details.merge ?? {}).filter(([, count]) => count > 0).map(([code, count]) => `${code}: ${n(count)}`),
    ];
    if (parts.length) lines.push(`    ${parts.join(" · ")}`);
  }
  return lines.join("\n");
}
