import type { PipelineStatusName } from "@/lib/data/admin/get-pipeline-runs";
import { translator, type Locale } from "@/lib/i18n/messages";

const STYLE: Record<PipelineStatusName, string> = {
  QUEUED: "bg-amber-50 text-amber-800",
  RUNNING: "bg-blue-50 text-blue-700",
  SUCCEEDED: "bg-green-50 text-green-700",
  FAILED: "bg-red-50 text-red-700",
};

export function PipelineStatusBadge({ status, locale, testId }: { status: PipelineStatusName; locale: Locale; testId?: string }) {
  const t = translator(locale);
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${STYLE[status]}`} data-testid={testId} data-status={status}>
      {t(`pipeline.status.${status}`)}
    </span>
  );
}
