import { createElement as h, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { escapeHtml, inboxRowsHtml } from "../app/(app)/inbox/inbox-rows-html";
import { PriorityBadge } from "../app/(app)/alerts/_ui/badges";
import { formatDay, formatEuros, formatWindow } from "../app/(app)/alerts/_ui/format";
import type { InboxRow } from "../lib/data/inbox/get-inbox-page";
import { translator, type Locale } from "../lib/i18n/messages";

// The inbox rows are written as an HTML string for speed; React is the reference. The rows below are
// rendered both ways — as the JSX they replace, with React's own escaping — and must match byte for byte.
function reactRows(rows: InboxRow[], locale: Locale, showProvince: boolean): string {
  const t = translator(locale);
  return renderToStaticMarkup(
    h(
      Fragment,
      null,
      rows.map((row) =>
        h(
          "tr",
          { key: row.id, "data-testid": "inbox-row", "data-alert-id": row.id },
          h("td", null, h("a", { href: `/alerts/${row.id}` }, row.clientExternalId), showProvince && row.provinceName && h("small", null, row.provinceName)),
          h("td", null, row.familyCode),
          h("td", null, t(`motive.${row.motive}`)),
          h("td", null, h(PriorityBadge, { band: row.priorityBand, score: row.priorityScore, locale })),
          h("td", null, formatEuros(row.expectedImpact, locale)),
          h(
            "td",
            null,
            formatWindow(row.contactFrom, row.contactUntil, locale),
            row.status === "SNOOZED" &&
              row.snoozedUntil &&
              h("small", { className: "snoozed" }, `${t("status.SNOOZED")} ${t("inbox.snoozedUntil", { date: formatDay(row.snoozedUntil, locale) })}`),
          ),
          h("td", null, t(`channel.${row.channel}`)),
          h("td", null, row.topReason ?? "—"),
        ),
      ),
    ),
  );
}

const base: InboxRow = {
  id: 14126,
  version: 1,
  clientExternalId: "1000888078",
  provinceName: "Madrid",
  familyCode: "T1",
  motive: "CHURN_RISK",
  status: "OPEN",
  priorityBand: "HIGH",
  priorityScore: 4291.3612,
  expectedImpact: 5428.6,
  contactFrom: "2025-12-12",
  contactUntil: "2025-12-26",
  channel: "FIELD_VISIT",
  snoozedUntil: null,
  topReason: "Lleva 168 días sin comprar Familia T1; su ritmo habitual es cada 9 días: 15,2 veces su ritmo.",
};

const rows: InboxRow[] = [
  base,
  { ...base, id: 2, priorityBand: "MEDIUM", priorityScore: 12.5, motive: "REPLENISHMENT", channel: "TELESALES", contactUntil: "2026-01-02", topReason: null },
  { ...base, id: 3, priorityBand: "LOW", status: "SNOOZED", snoozedUntil: "2026-01-15", provinceName: null, expectedImpact: 350 },
  // Whatever an import or the engine put in a text, it stays text.
  {
    ...base,
    id: 4,
    clientExternalId: `<script>alert("x")</script>&'`,
    provinceName: `Lleida "L'Urgell" <b>`,
    familyCode: "A&B",
    topReason: `<img src=x onerror="alert(1)"> & 'quoted' "double"`,
  },
];

describe("inboxRowsHtml", () => {
  for (const locale of ["es", "en"] as const) {
    for (const showProvince of [true, false]) {
      it(`writes what React renders (${locale}, province ${showProvince ? "shown" : "hidden"})`, () => {
        expect(inboxRowsHtml(rows, locale, showProvince)).toBe(reactRows(rows, locale, showProvince));
      });
    }
  }

  it("never lets a value become markup", () => {
    const html = inboxRowsHtml([rows[3]!], "es", true);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#x27;");
  });

  it("escapes like React and leaves plain text alone", () => {
    expect(escapeHtml(`a<b>&"c'`)).toBe("a&lt;b&gt;&amp;&quot;c&#x27;");
    expect(escapeHtml("Reposición · 1.427 €")).toBe("Reposición · 1.427 €");
    expect(escapeHtml(42)).toBe("42");
  });

  it("writes nothing for an empty page", () => {
    expect(inboxRowsHtml([], "es", true)).toBe("");
  });
});
