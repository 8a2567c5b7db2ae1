// A scored row in the alert engine's terms (lib/alerts ScoredPair): the context comes from the
// feature values computed as of the same date.
import { fromEpochDay } from "@/lib/features";
import type { SegmentInputs } from "@/lib/alerts/classify-segment";
import type { FamilyCode, ScoredPair } from "@/lib/alerts/types";
import type { FeatureValues } from "./feature-values-view";
import type { ScoredRow } from "./score-as-of";

const finite = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? v : null);
const zero = (v: number | undefined): number => finite(v) ?? 0;

const previousYearValue = (v: FeatureValues) => Math.max(0, zero(v.purchase_value_730) - zero(v.purchase_value_365));

/** Just what the segment is decided from (the scorer classifies every pair as it stores them). */
export function segmentInputsOf(v: FeatureValues): SegmentInputs {
  return {
    block: v.is_technical === 1 ? "TECHNICAL" : "COMMODITY",
    potential: finite(v.potential_amount),
    potentialUnreliable: v.potential_unreliable === 1,
    context: { value365: zero(v.purchase_value_365), value365PrevYear: previousYearValue(v), purchaseDays365: zero(v.purchase_days_365) },
  };
}

export function toScoredPair(row: ScoredRow, asOf: string, delegateId: number | null, previousPBuy90d?: number | null): ScoredPair {
  const v = row.values;
  const segmentInputs = segmentInputsOf(v);
  const lastDay = finite(v.last_purchase_epoch_day);
  return {
    clientId: row.clientId,
    familyCode: row.familyCode as FamilyCode,
    block: segmentInputs.block,
    delegateId,
    asOf,
    pBuy90d: row.pBuy90d,
    pChurn90d: row.pChurn90d,
    pChurn180d: row.pChurn180d,
    expectedDaysToNext: row.expectedDaysToNext,
    shareOfWallet: finite(v.share_of_wallet_365),
    potential: segmentInputs.potential,
    potentialUnreliable: segmentInputs.potentialUnreliable,
    context: {
      ...segmentInputs.context,
      lastPurchaseDate: lastDay === null ? null : fromEpochDay(lastDay),
      recencyDays: zero(v.recency_days),
      medianGapDays: finite(v.gap_median_days),
      value90: zero(v.purchase_value_90),
      value90Prev: Math.max(0, zero(v.purchase_value_180) - zero(v.purchase_value_90)),
      meanOrderValue: zero(v.order_value_mean_365) || zero(v.order_value_mean_all),
      daysSinceCampaignEnd: finite(v.days_since_campaign_end),
      sameSeasonLastYearValue: zero(v.same_season_ly_value),
      lastPurchaseInCampaign: v.last_purchase_in_campaign === 1,
    },
    // The alert explains the head that matters to its motive; both are offered, churn first for
    // active technical pairs (what CHURN_RISK reads), purchase otherwise.
    reasons: v.is_technical === 1 && row.reasons.churn.length ? row.reasons.churn : row.reasons.buy,
    previousPBuy90d: previousPBuy90d ?? null,
  };
}
