// Builders of hand-written ScoredPairs for the rule tests: a realistic baseline per block that each
// test bends in the one direction it is about.
import type { PairContext, ScoredPair } from "../types";

type PairOverrides = Partial<Omit<ScoredPair, "context">> & { context?: Partial<PairContext> };

/** A loyal, regular Familia C1 buyer on 2025-10-15: share 80 % (85 % last year), buys every 21 days. */
export function commodityPair(overrides: PairOverrides = {}): ScoredPair {
  const { context, ...rest } = overrides;
  return {
    clientId: 1,
    familyCode: "C1",
    block: "COMMODITY",
    delegateId: 7,
    asOf: "2025-10-15",
    pBuy90d: 0.9,
    pChurn90d: 0.1,
    pChurn180d: 0.05,
    expectedDaysToNext: null,
    shareOfWallet: 0.8,
    potential: 10_000,
    potentialUnreliable: false,
    reasons: [],
    ...rest,
    context: {
      lastPurchaseDate: "2025-10-10",
      recencyDays: 5,
      medianGapDays: 21,
      purchaseDays365: 17,
      value365: 8000,
      value365PrevYear: 8500,
      value90: 2000,
      value90Prev: 2100,
      meanOrderValue: 470,
      daysSinceCampaignEnd: null,
      sameSeasonLastYearValue: 2000,
      ...context,
    },
  };
}

/** An active Familia T1 buyer (every 45 days) on 2025-10-15 whose model sees a 70 % churn risk. */
export function technicalPair(overrides: PairOverrides = {}): ScoredPair {
  const { context, ...rest } = overrides;
  return {
    clientId: 2,
    familyCode: "T1",
    block: "TECHNICAL",
    delegateId: 7,
    asOf: "2025-10-15",
    pBuy90d: 0.3,
    pChurn90d: 0.7,
    pChurn180d: 0.5,
    expectedDaysToNext: null,
    shareOfWallet: 0.5,
    potential: 6000,
    potentialUnreliable: false,
    reasons: [],
    ...rest,
    context: {
      lastPurchaseDate: "2025-06-10",
      recencyDays: 127,
      medianGapDays: 45,
      purchaseDays365: 5,
      value365: 3000,
      value365PrevYear: 3200,
      value90: 0,
      value90Prev: 900,
      meanOrderValue: 900,
      daysSinceCampaignEnd: null,
      sameSeasonLastYearValue: 800,
      ...context,
    },
  };
}
