import { describe, expect, it } from "vitest";
import { deriveTrueLabels, type TruthFamilyRow } from "./true-labels";

const row = (over: Partial<TruthFamilyRow>): TruthFamilyRow => ({
  clientId: "1",
  family: "C1",
  segment: "loyal",
  shareOfWallet: 0.8,
  ordersPerYear: 4,
  meanGapDays: 91.3,
  firstOrder: "2021-02-01",
  churnDate: null,
  churnCause: null,
  deteriorationStart: null,
  ...over,
});

describe("deriveTrueLabels", () => {
  const rows = [
    row({ clientId: "healthy" }),
    row({ clientId: "soon", churnDate: "2025-10-15", churnCause: "family", deteriorationStart: "2025-06-01" }),
    row({ clientId: "later", churnDate: "2026-03-01", churnCause: "client" }),
    row({ clientId: "gone", churnDate: "2024-05-01", churnCause: "client" }),
    row({ clientId: "new", firstOrder: "2025-11-20" }),
    row({ clientId: "edge", churnDate: "2025-12-29" }), // exactly 90 days after the date
  ];

  it("labels state and churn within the horizon as of a date", () => {
    const labels = deriveTrueLabels(rows, "2025-09-30");
    const byClient = Object.fromEntries(labels.map((l) => [l.clientId, l]));
    expect(byClient.healthy).toMatchObject({ state: "active", churnsWithinHorizon: false, daysToChurn: null });
    expect(byClient.soon).toMatchObject({ state: "deteriorating", churnsWithinHorizon: true, daysToChurn: 15 });
    expect(byClient.later).toMatchObject({ state: "active", churnsWithinHorizon: false, daysToChurn: 152 });
    expect(byClient.gone).toMatchObject({ state: "churned", churnsWithinHorizon: false, daysToChurn: null });
    expect(byClient.new).toMatchObject({ state: "not_yet_client" });
    expect(byClient.edge).toMatchObject({ churnsWithinHorizon: true, daysToChurn: 90 });
  });

  it("honours another horizon and marks pauses, which are not churn", () => {
    const labels = deriveTrueLabels(rows, "2025-08-12", {
      horizonDays: 30,
      pauses: [{ clientId: "healthy", start: "2025-08-04", end: "2025-08-24", reason: "august" }],
    });
    const byClient = Object.fromEntries(labels.map((l) => [l.clientId, l]));
    expect(byClient.healthy).toMatchObject({ paused: true, state: "active", churnsWithinHorizon: false });
    expect(byClient.soon).toMatchObject({ paused: false, churnsWithinHorizon: false });
  });
});
