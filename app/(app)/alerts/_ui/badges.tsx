// Small labels shared by the inbox and the alert page (no hooks: usable on the server and in the browser).
import { translator, type Locale } from "@/lib/i18n/messages";
import { numberFormat } from "./format";

type Band = "HIGH" | "MEDIUM" | "LOW";

const SCORE: Intl.NumberFormatOptions = { maximumFractionDigits: 3 };
type Status = "OPEN" | "SNOOZED" | "ATTENDED" | "DISMISSED" | "EXPIRED";

const BAND_STYLE: Record<Band, string> = {
  HIGH: "bg-red-50 text-red-700 ring-red-600/20",
  MEDIUM: "bg-amber-50 text-amber-800 ring-amber-600/20",
  LOW: "bg-gray-50 text-gray-600 ring-gray-500/20",
};

const STATUS_STYLE: Record<Status, string> = {
  OPEN: "bg-blue-50 text-blue-700",
  SNOOZED: "bg-purple-50 text-purple-700",
  ATTENDED: "bg-green-50 text-green-700",
  DISMISSED: "bg-gray-100 text-gray-600",
  EXPIRED: "bg-gray-100 text-gray-500",
};

export function PriorityBadge({ band, score, locale }: { band: Band; score?: number; locale: Locale }) {
  const t = translator(locale);
  return (
    <span
      className={`priority-pill ${BAND_STYLE[band]}`}
      title={score === undefined ? undefined : numberFormat(locale === "es" ? "es-ES" : "en-GB", SCORE).format(score)}
      data-testid="priority-badge"
    >
      {t(`band.${band}`)}
    </span>
  );
}

export function StatusBadge({ status, locale }: { status: Status; locale: Locale }) {
  const t = translator(locale);
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[status]}`} data-testid="alert-status">
      {t(`status.${status}`)}
    </span>
  );
}
