// The inbox filter form's fields as one HTML string, for `<form dangerouslySetInnerHTML>`. As React
// elements its ~40 labels, selects and options were serialised into the RSC payload, parsed back and
// rendered to HTML on every request — about 1 ms of the server's time per inbox page, for a plain GET
// form that never changes on the client. Same markup as the JSX it replaces (a test renders both and
// compares), every value escaped as React escapes it.
import type { FamilyOption, InboxProvince } from "@/lib/data/inbox/get-inbox-page";
import { CHANNELS, hasFilters, inboxHref, MOTIVES, PRIORITY_BANDS, type InboxQuery } from "@/lib/data/inbox/inbox-query";
import { translator, type Locale } from "@/lib/i18n/messages";
import { escapeHtml } from "./inbox-rows-html";

const SELECT_CLASS = "mt-1 block w-full rounded-md border-gray-300 py-1.5 text-sm";
const LABEL_CLASS = "text-xs font-medium text-gray-600";

function selectHtml(name: string, label: string, value: string | null, all: string, options: readonly (readonly [string, string])[]): string {
  const chosen = value ?? "";
  const option = (code: string, text: string) =>
    `<option value="${escapeHtml(code)}"${code === chosen ? ' selected=""' : ""}>${escapeHtml(text)}</option>`;
  return (
    `<label class="${LABEL_CLASS}">${escapeHtml(label)}<select name="${name}" class="${SELECT_CLASS}">` +
    option("", all) +
    options.map(([code, text]) => option(code, text)).join("") +
    `</select></label>`
  );
}

export function inboxFilterFieldsHtml(query: InboxQuery, provinces: InboxProvince[], families: FamilyOption[], locale: Locale): string {
  const t = translator(locale);
  const all = t("inbox.filter.all");
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}"/>`;
  const clear = hasFilters(query)
    ? `<a href="${escapeHtml(inboxHref({ ...query, band: null, motive: null, family: null, province: null, channel: null, q: null }, { page: 1 }))}" class="text-sm text-gray-600 underline">${escapeHtml(t("inbox.filter.clear"))}</a>`
    : "";
  return (
    (query.tab !== "pending" ? hidden("tab", query.tab) : "") +
    (query.sort !== "priority" ? hidden("sort", query.sort) : "") +
    (query.plan ? hidden("plan", "today") : "") +
    selectHtml("band", t("inbox.filter.band"), query.band, all, PRIORITY_BANDS.map((band) => [band, t(`band.${band}`)])) +
    selectHtml("motive", t("inbox.filter.motive"), query.motive, all, MOTIVES.map((motive) => [motive, t(`motive.${motive}`)])) +
    selectHtml("family", t("inbox.filter.family"), query.family, all, families.map((family) => [family.code, family.label])) +
    selectHtml("province", t("inbox.filter.province"), query.province, all, provinces.map((province) => [province.code, province.name])) +
    selectHtml("channel", t("inbox.filter.channel"), query.channel, all, CHANNELS.map((channel) => [channel, t(`channel.${channel}`)])) +
    `<label class="${LABEL_CLASS}">${escapeHtml(t("inbox.filter.q"))}` +
    // Attribute order as React writes an input: name and value last.
    `<input type="search" placeholder="${escapeHtml(t("inbox.filter.qPlaceholder"))}" class="${SELECT_CLASS}" name="q" value="${escapeHtml(query.q ?? "")}"/></label>` +
    `<div class="flex items-center gap-3">` +
    `<button type="submit" class="rounded-md bg-blue-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-700">${escapeHtml(t("inbox.filter.apply"))}</button>` +
    clear +
    `</div>`
  );
}
