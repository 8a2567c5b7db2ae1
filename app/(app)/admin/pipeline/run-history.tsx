import Link from "next/link";
import type { PipelineRunSummary } from "@/lib/data/admin/get-pipeline-runs";
import { translator, type Locale } from "@/lib/i18n/messages";
import { formatDateTime, formatDay, formatDuration } from "../_ui/format";
import { PipelineStatusBadge } from "./pipeline-status-badge";

export function RunHistory({ runs, locale }: { runs: PipelineRunSummary[]; locale: Locale }) {
  const t = translator(locale);
  if (!runs.length) return <p className="text-sm text-gray-500">{t("common.none")}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border bg-white">
      <table className="w-full text-sm" data-testid="pipeline-history">
        <thead className="border-b bg-gray-50 text-left text-gray-500">
          <tr>
            {(["id", "asOf", "trigger", "by", "created", "duration", "status", "cause"] as const).map((col) => (
              <th key={col} className="p-2 font-medium">
                {t(`pipeline.col.${col}`)}
              </th>
            ))}
            <th className="p-2" />
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className="border-b align-top last:border-0" data-testid="pipeline-history-row" data-run-id={run.id}>
              <td className="p-2 tabular-nums">{run.id}</td>
              <td className="whitespace-nowrap p-2">{formatDay(run.asOf, locale)}</td>
              <td className="p-2">{t(`pipeline.trigger.${run.trigger}`)}</td>
              <td className="p-2">{run.userName ?? "—"}</td>
              <td className="whitespace-nowrap p-2">{formatDateTime(run.createdAt, locale)}</td>
              <td className="whitespace-nowrap p-2 tabular-nums">{formatDuration(run.durationMs)}</td>
              <td className="p-2">
                <PipelineStatusBadge status={run.status} locale={locale} />
              </td>
              <td className="max-w-md p-2 text-xs text-red-700">{run.error ?? ""}</td>
              <td className="whitespace-nowrap p-2">
                <Link href={`/admin/pipeline/${run.id}`} className="text-blue-700 underline">
                  {t("pipeline.viewLog")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
