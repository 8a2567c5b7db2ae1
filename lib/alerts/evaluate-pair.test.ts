// Each motive fires on a crafted pair and not on its near miss; expectations worked by hand.
import { describe, expect, it } from "vitest";
import { DEFAULT_ALERT_SETTINGS as S } from "./alert-settings";
import { evaluatePair } from "./evaluate-pair";
import { commodityPair, technicalPair } from "./testing/scored-pair-fixture";
import type { ScoredPair } from "./types";

const motiveOf = (pair: ScoredPair) => evaluatePair(pair, S).chosen?.motive ?? null;
const finding = (pair: ScoredPair, motive: string) => evaluatePair(pair, S).findings.find((f) => f.motive === motive)!;

describe("REPLENISHMENT (loyal commodity buyer, due within 14 days or overdue)", () => {
  it("fires when the rhythm says due in 5 days (21-day rhythm, 16 days since the last purchase)", () => {
    const f = finding(commodityPair({ context: { recencyDays: 16 } }), "REPLENISHMENT");
    expect(f.fired).toBe(true);
    expect(f.facts).toEqual({ motive: "REPLENISHMENT", daysToDue: 5, overdue: false });
    expect(f.reasons[0].text).toBe(
      "Le toca reponer Familia C1 en unos 5 días: compra cada 21 días y la última fue hace 16 días.",
    );
  });

  it("near miss: due in 16 days (5 days since the last purchase) is beyond the horizon", () => {
    expect(motiveOf(commodityPair({ context: { recencyDays: 5 } }))).toBeNull();
  });

  it("fires when overdue against its own rhythm, in the words a delegate reads", () => {
    const f = finding(commodityPair({ context: { recencyDays: 47 } }), "REPLENISHMENT");
    expect(f.fired).toBe(true);
    expect(f.facts).toEqual({ motive: "REPLENISHMENT", daysToDue: -26, overdue: true });
    expect(f.reasons[0].text).toBe("Lleva 47 días sin comprar Familia C1; su ritmo habitual es cada 21 días.");
  });

  it("uses the model's due date when it is earlier than the rhythm's", () => {
    const f = finding(commodityPair({ expectedDaysToNext: 10, context: { recencyDays: 1 } }), "REPLENISHMENT");
    expect(f.facts).toEqual({ motive: "REPLENISHMENT", daysToDue: 10, overdue: false });
    expect(f.reasons[0].code).toBe("replenishment.modelDue");
  });

  it("near miss: a client the model no longer expects to buy (pBuy90d 0.2 < 0.3)", () => {
    expect(finding(commodityPair({ pBuy90d: 0.2, context: { recencyDays: 16 } }), "REPLENISHMENT").fired).toBe(false);
  });

  it("not for a promiscuous client", () => {
    const pair = commodityPair({ context: { recencyDays: 16, value365: 3000, value365PrevYear: 3200 } });
    expect(finding(pair, "REPLENISHMENT").fired).toBe(false);
  });
});

describe("CAPTURE (promiscuous commodity buyer, gap ≥ 1,000 € and a timing signal)", () => {
  // Share 30 % (32 % last year) of a 10,000 € potential: 7,000 € a year bought elsewhere.
  const promiscuous = (overrides: Parameters<typeof commodityPair>[0] = {}) =>
    commodityPair({
      pBuy90d: 0.7,
      ...overrides,
      context: { value365: 3000, value365PrevYear: 3200, medianGapDays: 30, recencyDays: 25, ...overrides.context },
    });

  it("fires with a 7,000 € gap and the next purchase due in 5 days", () => {
    const f = finding(promiscuous(), "CAPTURE");
    expect(f.fired).toBe(true);
    expect(f.facts).toEqual({ motive: "CAPTURE", gap: 7000, daysToDue: 5 });
    expect(f.reasons[0].text).toBe(
      "Nos compra 3.000 € al año de Familia C1 frente a un potencial de 10.000 € (30 %): unos 7.000 € al año se los lleva otro proveedor.",
    );
  });

  it("near miss: a 980 € gap is not large enough", () => {
    const pair = promiscuous({ potential: 1400, context: { value365: 420, value365PrevYear: 448 } });
    expect(evaluatePair(pair, S).segment.segment).toBe("PROMISCUOUS");
    expect(finding(pair, "CAPTURE").fired).toBe(false);
  });

  it("near miss: no timing signal (due in 20 days, pBuy90d 0.55 < 0.6)", () => {
    expect(motiveOf(promiscuous({ pBuy90d: 0.55, context: { recencyDays: 10 } }))).toBeNull();
  });

  it("a high pBuy90d is a timing signal on its own (no due date)", () => {
    const f = finding(promiscuous({ pBuy90d: 0.65, context: { recencyDays: 10 } }), "CAPTURE");
    expect(f.facts).toEqual({ motive: "CAPTURE", gap: 7000, daysToDue: null });
  });

  it("never with an unreliable potential (there is no gap to measure)", () => {
    expect(finding(promiscuous({ potentialUnreliable: true }), "CAPTURE").fired).toBe(false);
  });
});

describe("DETERIORATION (loyal commodity buyer, falling trends and falling probability)", () => {
  // Loyal by hysteresis (50 % now, 80 % last year); 600 € in the last 90 days vs 1,800 € before.
  const falling = (overrides: Parameters<typeof commodityPair>[0] = {}) =>
    commodityPair({
      pBuy90d: 0.6,
      ...overrides,
      context: { value365: 5000, value365PrevYear: 8000, value90: 600, value90Prev: 1800, recencyDays: 16, ...overrides.context },
    });

  it("fires on trend90 0.33, trend365 0.625 and pBuy90d 0.6, and wins over the due reorder", () => {
    const e = evaluatePair(falling(), S);
    expect(e.segment).toMatchObject({ segment: "LOYAL", heldByHysteresis: true });
    expect(e.findings.find((f) => f.motive === "REPLENISHMENT")?.fired).toBe(true);
    expect(e.chosen?.motive).toBe("DETERIORATION");
    expect(e.chosen?.facts).toEqual({ motive: "DETERIORATION", trend90: 1 / 3, trend365: 0.625, baseline90: 2000, shortfall90: 1400 });
    expect(e.chosen?.reasons.map((r) => r.text)).toEqual([
      "Sus compras de Familia C1 caen: 600 € en los últimos 90 días frente a 1.800 € en los 90 anteriores (−67 %).",
      "En el último año ha comprado 5.000 €, un 38 % menos que el año anterior (8.000 €).",
      "La probabilidad de que compre en 90 días es solo del 60 %, baja para un cliente fiel.",
    ]);
  });

  it("near miss: the model still expects it to buy (pBuy90d 0.8) → only the reorder reminder", () => {
    expect(motiveOf(falling({ pBuy90d: 0.8 }))).toBe("REPLENISHMENT");
  });

  it("a drop of the probability since the previous run counts (0.97 → 0.80)", () => {
    expect(motiveOf(falling({ pBuy90d: 0.8, previousPBuy90d: 0.97 }))).toBe("DETERIORATION");
  });

  it("near miss: a seasonal 90-day dip with a stable year (trend365 0.94) is not deterioration", () => {
    const pair = falling({ context: { value365: 7500 } });
    expect(finding(pair, "DETERIORATION").fired).toBe(false);
  });
});

describe("CHURN_RISK (technical family, against its own rhythm, never during a normal pause)", () => {
  it("fires on 15 October: 127 days silent, 96 after discounting August, 2.1× a 45-day rhythm", () => {
    const f = finding(technicalPair(), "CHURN_RISK");
    expect(f.fired).toBe(true);
    expect(f.pauseDays).toEqual({ AUGUST: 31 });
    expect(f.facts).toMatchObject({ motive: "CHURN_RISK", silenceDays: 96, valueAtRisk90: 900 });
    expect(f.reasons.map((r) => r.text)).toEqual([
      "Lleva 127 días sin comprar Familia T1 (96 si se descuentan 31 días de agosto, una pausa normal); su ritmo habitual es cada 45 días: 2,1 veces su ritmo.",
      "Probabilidad de que deje de comprar Familia T1 en 90 días: 70 %.",
    ]);
  });

  it("NOT in August: same client, overdue on 20 August (bought 1 May) → suppressed by the pause", () => {
    // 111 days silent, 20 of them August → 91 = 2.0× its rhythm: every condition holds, but it is August.
    const pair = technicalPair({ asOf: "2025-08-20", context: { lastPurchaseDate: "2025-05-01", recencyDays: 111 } });
    const f = finding(pair, "CHURN_RISK");
    expect(f.fired).toBe(false);
    expect(f.suppressedBy).toBe("pause:AUGUST");
    expect(motiveOf(pair)).toBeNull();
    // …and the same client on 15 October (167 days, 136 after August: 3.0×) is churn risk.
    const october = technicalPair({ context: { lastPurchaseDate: "2025-05-01", recencyDays: 167 } });
    expect(motiveOf(october)).toBe("CHURN_RISK");
  });

  it("NOT just after August: silent since 1 July (71 days on 10 September) is 40 days without August, 0.9× a 45-day rhythm", () => {
    const pair = technicalPair({ asOf: "2025-09-10", context: { lastPurchaseDate: "2025-07-01", recencyDays: 71 } });
    expect(finding(pair, "CHURN_RISK").facts).toBeUndefined();
    expect(motiveOf(pair)).toBeNull();
  });

  it("NOT just after a campaign: a campaign ended 20 days before 15 October", () => {
    const f = finding(technicalPair({ context: { daysSinceCampaignEnd: 20 } }), "CHURN_RISK");
    expect(f.fired).toBe(false);
    expect(f.suppressedBy).toBe("pause:POST_CAMPAIGN");
  });

  it("…but a campaign the client did not buy in pulled nothing forward: no post-campaign pause", () => {
    const f = finding(technicalPair({ context: { daysSinceCampaignEnd: 20, lastPurchaseInCampaign: false } }), "CHURN_RISK");
    expect(f.suppressedBy).toBeUndefined();
    expect(f.fired).toBe(true);
    expect(f.pauseDays?.POST_CAMPAIGN).toBeUndefined();
  });

  it("NOT at Christmas (5 January)", () => {
    const pair = technicalPair({ asOf: "2026-01-05", context: { lastPurchaseDate: "2025-09-01", recencyDays: 126 } });
    expect(finding(pair, "CHURN_RISK").suppressedBy).toBe("pause:CHRISTMAS");
  });

  it("a campaign 100 days ago still discounts its grace days inside the silence", () => {
    const f = finding(technicalPair({ context: { daysSinceCampaignEnd: 100 } }), "CHURN_RISK");
    expect(f.pauseDays).toEqual({ AUGUST: 31, POST_CAMPAIGN: 24 });
    expect(f.facts).toMatchObject({ silenceDays: 72, overdueRatio: 1.6 });
  });

  it("near miss: the model does not see the risk (pChurn90d 0.45 < 0.5)", () => {
    expect(motiveOf(technicalPair({ pChurn90d: 0.45 }))).toBeNull();
  });

  it("near miss: 1.4× its rhythm after discounting August", () => {
    // Bought 10 July: 97 days on 15 October, minus 31 of August = 66 → 66 / 45 = 1.47 < 1.5.
    expect(motiveOf(technicalPair({ context: { lastPurchaseDate: "2025-07-10", recencyDays: 97 } }))).toBeNull();
  });
});

describe("REACTIVATION (lapsed > 180 days and > 3× its rhythm, with meaningful potential)", () => {
  const lapsed = (recencyDays: number, overrides: Parameters<typeof commodityPair>[0] = {}) =>
    commodityPair({
      familyCode: "C2",
      pBuy90d: 0.15,
      potential: 5000,
      ...overrides,
      context: { lastPurchaseDate: "2025-03-01", recencyDays, medianGapDays: 30, value365: 600, value365PrevYear: 2400, value90: 0, value90Prev: 0, ...overrides.context },
    });

  it("fires 228 days after the last purchase (rhythm 30 days) with a 5,000 € potential", () => {
    const f = finding(lapsed(228), "REACTIVATION");
    expect(f.fired).toBe(true);
    expect(f.reasons.map((r) => r.text)).toEqual([
      "No compra Familia C2 desde hace 228 días (su ritmo era cada 30 días).",
      "Mantiene un potencial de 5.000 € al año en esta categoría.",
    ]);
  });

  it("near miss: 170 days is not lapsed yet (and nothing else fires)", () => {
    expect(motiveOf(lapsed(170))).toBeNull();
  });

  it("near miss: 200 days for a client that buys every 90 days is not 3× its rhythm", () => {
    expect(finding(lapsed(200, { context: { medianGapDays: 90 } }), "REACTIVATION").fired).toBe(false);
  });

  it("near miss: a 400 € potential is not meaningful", () => {
    expect(finding(lapsed(228, { potential: 400 }), "REACTIVATION").fired).toBe(false);
  });

  it("with an unreliable potential, what it used to buy is the reference", () => {
    const f = finding(lapsed(228, { potentialUnreliable: true, potential: 0 }), "REACTIVATION");
    expect(f.facts).toEqual({ motive: "REACTIVATION", daysLapsed: 228, referenceValue: 2400 });
  });

  it("wins over churn risk for a technical client long gone", () => {
    const pair = technicalPair({ context: { lastPurchaseDate: "2025-03-01", recencyDays: 228 } });
    expect(evaluatePair(pair, S).findings.find((f) => f.motive === "CHURN_RISK")?.fired).toBe(true);
    expect(motiveOf(pair)).toBe("REACTIVATION");
  });
});
