import { describe, expect, it } from "vitest";
import { DEFAULT_ALERT_SETTINGS as S } from "./alert-settings";
import { classifySegment } from "./classify-segment";
import { commodityPair, technicalPair } from "./testing/scored-pair-fixture";

const withShares = (value365: number, value365PrevYear: number) =>
  classifySegment(commodityPair({ potential: 10_000, context: { value365, value365PrevYear } }), S);

describe("loyalty segment from share of wallet (entry 60 % / 20 %, stay 45 % / 12 %)", () => {
  it("80 % this year and 85 % last year is loyal", () => {
    const r = withShares(8000, 8500);
    expect(r).toMatchObject({ segment: "LOYAL", method: "share", share365: 0.8, sharePrev365: 0.85, heldByHysteresis: false });
  });

  it("a loyal client with one bad quarter (80 % → 50 %) stays loyal: hysteresis", () => {
    expect(withShares(5000, 8000)).toMatchObject({ segment: "LOYAL", heldByHysteresis: true });
  });

  it("falling below the stay threshold (80 % → 40 %) leaves loyal", () => {
    expect(withShares(4000, 8000)).toMatchObject({ segment: "PROMISCUOUS", heldByHysteresis: false });
  });

  it("promotion is immediate: 30 % → 70 % is loyal now", () => {
    expect(withShares(7000, 3000)).toMatchObject({ segment: "LOYAL", heldByHysteresis: false });
  });

  it("a promiscuous client dipping to 15 % stays promiscuous; 10 % both years is marginal", () => {
    expect(withShares(1500, 3000)).toMatchObject({ segment: "PROMISCUOUS", heldByHysteresis: true });
    expect(withShares(1000, 1000)).toMatchObject({ segment: "MARGINAL" });
  });

  it("a new client (nothing last year) is judged on this year alone", () => {
    expect(withShares(5000, 0)).toMatchObject({ segment: "PROMISCUOUS", sharePrev365: null });
  });

  it("technical families get no loyalty segment", () => {
    expect(classifySegment(technicalPair(), S)).toMatchObject({ segment: "TECHNICAL", method: "technical" });
  });
});

describe("loyalty segment when the potential is unreliable: the client's own history", () => {
  const history = (purchaseDays365: number, value365: number, value365PrevYear: number) =>
    classifySegment(
      commodityPair({ potential: 2000, potentialUnreliable: true, context: { purchaseDays365, value365, value365PrevYear } }),
      S,
    );

  it("buying on 12 days a year is loyal, whatever the share says", () => {
    expect(history(12, 8000, 8000)).toMatchObject({ segment: "LOYAL", method: "history", share365: null });
  });

  it("4 days keeping 75 % of last year's value stays loyal; 4 days at 50 % does not", () => {
    expect(history(4, 3000, 4000)).toMatchObject({ segment: "LOYAL", heldByHysteresis: true });
    expect(history(4, 2000, 4000)).toMatchObject({ segment: "PROMISCUOUS" });
  });

  it("one or two purchase days a year is marginal", () => {
    expect(history(2, 500, 0)).toMatchObject({ segment: "MARGINAL" });
  });
});
