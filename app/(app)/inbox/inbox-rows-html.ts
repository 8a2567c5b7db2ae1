// The inbox table's 25 rows as one HTML string, for `<tbody dangerouslySetInnerHTML>`. As React
// elements, each row's ~11 elements were serialised into the RSC payload, parsed back from it and
// rendered to HTML on every request — about a third of the page's server time, for markup that never
// changes on the client. As a string they cost one concatenation, and the payload carries the string.
// Every value is escaped exactly as React escapes text and attributes (a test renders the same rows
// with React and compares), so nothing a client id or a reason text contains can become markup.
import type { InboxRow } from "@/lib/data/inbox/get-inbox-page";
import { translator, type Locale } from "@/lib/i18n/messages";
import { BAND_CLASS, formatScore } from "@/app/(app)/alerts/_ui/badges";
import { formatDay, formatEuros, formatWindow } from "@/app/(app)/alerts/_ui/format";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** React's escaping of text and attribute values (escapeTextForBrowser). */
export function escapeHtml(value: string | number): string {
  const text = String(value);
  return /["'&<>]/.test(text) ? text.replace(/["'&<>]/g, (char) => ESCAPES[char]!) : text;
}

/** The rows of `InboxTable`: same markup as the JSX it replaces (see tests/inbox-rows-html.test.ts). */
export function inboxRowsHtml(rows: InboxRow[], locale: Locale, showProvince: boolean): string {
  const t = translator(locale);
  let html = "";
  for (const row of rows) {
    const id = escapeHtml(row.id);
    // One province: the header already names it.
    const province = showProvince && row.provinceName ? `<small>${escapeHtml(row.provinceName)}</small>` : "";
    const snoozed =
      row.status === "SNOOZED" && row.snoozedUntil
        ? `<small class="snoozed">${escapeHtml(t("status.SNOOZED"))} ${escapeHtml(t("inbox.snoozedUntil", { date: formatDay(row.snoozedUntil, locale) }))}</small>`
        : "";
    html +=
      `<tr data-testid="inbox-row" data-alert-id="${id}">` +
      `<td><a href="/alerts/${id}">${escapeHtml(row.clientExternalId)}</a>${province}</td>` +
      `<td>${escapeHtml(row.familyCode)}</td>` +
      `<td>${escapeHtml(t(`motive.${row.motive}`))}</td>` +
      `<td><span class="${BAND_CLASS[row.priorityBand]}" title="${escapeHtml(formatScore(row.priorityScore, locale))}" data-testid="priority-badge">${escapeHtml(t(`band.${row.priorityBand}`))}</span></td>` +
      `<td>${escapeHtml(formatEuros(row.expectedImpact, locale))}</td>` +
      `<td>${escapeHtml(formatWindow(row.contactFrom, row.contactUntil, locale))}${snoozed}</td>` +
      `<td>${escapeHtml(t(`channel.${row.channel}`))}</td>` +
      `<td>${escapeHtml(row.topReason ?? "—")}</td>` +
      `</tr>`;
  }
  return html;
}
