import type { ImportSummary } from "@/lib/data/get-import-batch";
import { translator, type Locale, type MessageKey } from "@/lib/i18n/messages";

const STATUS_STYLE: Record<ImportSummary["status"], string> = {
  RUNNING: "bg-blue-50 text-blue-700",
  SUCCEEDED: "bg-green-50 text-green-700",
  FAILED: "bg-red-50 text-red-700",
};

export function ImportStatusBadge({ status, locale }: { status: ImportSummary["status"]; locale: Locale }) {
  const t = translator(locale);
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[status]}`}>{t(`imports.status.${status}` as MessageKey)}</span>;
}

/** Works on the server (history) and in the browser (the running batch). */
export function ImportTable({ imports, locale }: { imports: ImportSummary[]; locale: Locale }) {
  const t = translator(locale);
  const n = (value: number) => value.toLocaleString(locale === "es" ? "es-ES" : "en-GB");
  if (!imports.length) return <p className="text-sm text-gray-500">{t("common.none")}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border bg-white">
      <table className="w-full text-sm" data-testid="import-table">
        <thead className="border-b bg-gray-50 text-left text-gray-500">
          <tr>
            {(["file", "table", "status", "rows", "accepted", "rejected", "flagged", "new", "existing", "when", "by"] as const).map((col) => (
              <th key={col} className="p-2 font-medium">
                {t(`imports.col.${col}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {imports.map((row) => (
            <tr key={row.id} className="border-b align-top last:border-0">
              <td className="p-2">
                <div className="font-medium">{row.fileName}</div>
                {row.error && <div className="mt-1 max-w-md text-xs text-red-700">{row.error}</div>}
                {row.rowsRejected > 0 && (
                  <a className="mt-1 block text-xs text-blue-700 underline" href={`/api/admin/imports/${row.id}/rejected`}>
                    {t("imports.downloadRejected")}
                  </a>
                )}
              </td>
              <td className="p-2">{row.tableKind ?? "—"}</td>
              <td className="p-2">
                <ImportStatusBadge status={row.status} locale={locale} />
              </td>
              <td className="p-2 text-right">{n(row.rowsTotal)}</td>
              <td className="p-2 text-right">{n(row.rowsAccepted)}</td>
              <td className="p-2 text-right">{n(row.rowsRejected)}</td>
              <td className="p-2 text-right">{n(row.rowsFlagged)}</td>
              <td className="p-2 text-right">{n(row.rowsInserted)}</td>
              <td className="p-2 text-right">{n(row.rowsExisting)}</td>
              <td className="whitespace-nowrap p-2">{new Date(row.startedAt).toLocaleString(locale === "es" ? "es-ES" : "en-GB")}</td>
              <td className="p-2">{row.userName ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
