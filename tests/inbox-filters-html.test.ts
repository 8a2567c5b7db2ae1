import { createElement as h, Fragment, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { inboxFilterFieldsHtml } from "../app/(app)/inbox/inbox-filters-html";
import type { FamilyOption, InboxProvince } from "../lib/data/inbox/get-inbox-page";
import { CHANNELS, hasFilters, inboxHref, MOTIVES, parseInboxQuery, PRIORITY_BANDS, type InboxQuery } from "../lib/data/inbox/inbox-query";
import { translator, type Locale } from "../lib/i18n/messages";

// The inbox's filter form is written as an HTML string for speed (like its rows); React is the
// reference. The fields below are the JSX the string replaces, rendered with React's own escaping
// and its defaultValue handling, and must match byte for byte.
const selectClass = "mt-1 block w-full rounded-md border-gray-300 py-1.5 text-sm";
const labelClass = "text-xs font-medium text-gray-600";

function reactFields(query: InboxQuery, provinces: InboxProvince[], families: FamilyOption[], locale: Locale): string {
  const t = translator(locale);
  const select = (name: string, label: string, value: string | null, options: [string, string][]): ReactNode =>
    h(
      "label",
      { className: labelClass },
      label,
      h(
        "select",
        { name, defaultValue: value ?? "", className: selectClass },
        h("option", { value: "" }, t("inbox.filter.all")),
        options.map(([code, text]) => h("option", { key: code, value: code }, text)),
      ),
    );
  return renderToStaticMarkup(
    h(
      Fragment,
      null,
      query.tab !== "pending" && h("input", { type: "hidden", name: "tab", value: query.tab }),
      query.sort !== "priority" && h("input", { type: "hidden", name: "sort", value: query.sort }),
      query.plan && h("input", { type: "hidden", name: "plan", value: "today" }),
      select("band", t("inbox.filter.band"), query.band, PRIORITY_BANDS.map((band) => [band, t(`band.${band}`)])),
      select("motive", t("inbox.filter.motive"), query.motive, MOTIVES.map((motive) => [motive, t(`motive.${motive}`)])),
      select("family", t("inbox.filter.family"), query.family, families.map((family) => [family.code, family.label])),
      select("province", t("inbox.filter.province"), query.province, provinces.map((province) => [province.code, province.name])),
      select("channel", t("inbox.filter.channel"), query.channel, CHANNELS.map((channel) => [channel, t(`channel.${channel}`)])),
      h(
        "label",
        { className: labelClass },
        t("inbox.filter.q"),
        h("input", { type: "search", name: "q", defaultValue: query.q ?? "", placeholder: t("inbox.filter.qPlaceholder"), className: selectClass }),
      ),
      h(
        "div",
        { className: "flex items-center gap-3" },
        h("button", { type: "submit", className: "rounded-md bg-blue-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-700" }, t("inbox.filter.apply")),
        hasFilters(query) &&
          h(
            "a",
            { href: inboxHref({ ...query, band: null, motive: null, family: null, province: null, channel: null, q: null }, { page: 1 }), className: "text-sm text-gray-600 underline" },
            t("inbox.filter.clear"),
          ),
      ),
    ),
  );
}

const families: FamilyOption[] = [
  { code: "C1", label: "Familia C1" },
  { code: "T1", label: `Técnica "T1" <&> 'x'` },
];
const provinces: InboxProvince[] = [
  { code: "28", name: "Madrid", clients: 10 },
  { code: "45", name: `Toledo <script>alert("x")</script> & 'co'`, clients: 3 },
];

describe("inbox filter form as an HTML string", () => {
  const queries: Partial<InboxQuery>[] = [
    {},
    { band: "HIGH", motive: "CHURN_RISK", family: "T1", province: "45", channel: "TELESALES" },
    { q: `"><script>alert('q')</script>&amp;` },
    { tab: "attended", sort: "window", plan: true, q: "2810" },
    { tab: "snoozed", province: "99", family: "ZZ" }, // values with no option: nothing selected
  ];
  for (const locale of ["es", "en"] as const) {
    for (const patch of queries) {
      it(`matches React's markup (${locale}, ${JSON.stringify(patch)})`, () => {
        const query = { ...parseInboxQuery({}), ...patch };
        expect(inboxFilterFieldsHtml(query, provinces, families, locale)).toBe(reactFields(query, provinces, families, locale));
      });
    }
  }

  it("marks the chosen options and escapes what the user typed", () => {
    const query = { ...parseInboxQuery({}), band: "LOW" as const, q: `"><img src=x onerror=alert(1)>` };
    const html = inboxFilterFieldsHtml(query, provinces, families, "es");
    expect(html).toContain(`<option value="LOW" selected="">`);
    expect(html).not.toContain("<img");
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  });
});
