// Small labels shared by the inbox and the alert page (no hooks: usable on the server and in the browser).
import { translator, type Locale } from "@/lib/i18n/messages";
import { numberFormat } from "./format";

type Band = "HIGH" | "MEDIUM" | "LOW";

const SCORE: Intl.NumberFormatOptions = { maximumFractionDigits: 3 };
type Status = "OPEN" | "SNOOZED" | "ATTENDED" | "DISMISSED" | "EXPIRED";

// Short class names (app/globals.css): the pill repeats on every inbox row.
export const BAND_CLASS: Record<Band, string> = { HIGH: "priority-pill band-high", MEDIUM: "priority-pill band-medium", LOW: "priority-pill band-low" };

const STATUS_STYLE: Record<Status, string> = {
  OPEN: "bg-blue-50 text-blue-700",
  SNOOZED: "bg-purple-50 text-purple-700",
  ATTENDED: "bg-green-50 text-green-700",
  DISMISSED: "bg-gray-100 text-gray-600",
  EXPIRED: "bg-gray-100 text-gray-500",
};

/** The priority score as the badge's tooltip shows it ("4291,36"). */
export function formatScore(score: number, locale: Locale): string {
  return numberFormat(locale === "es" ? "es-ES" : "en-GB", SCORE).format(score);
}

export function PriorityBadge({ band, score, locale }: { band: Band; score?: number; locale: Locale }) {
  const t = translator(locale);
  return (
    <span
      className={BAND_CLASS[band]}
      title={score === undefined ? undefined : formatScore(score, locale)}
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
