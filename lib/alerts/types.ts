// Shapes of the alert engine: what the scoring pipeline hands in (ScoredPair) and what the rules hand
// to persistence (AlertDraft). Self-contained on purpose: the pure rules import nothing from the
// database layer, so they run in vitest, in scripts and in the server alike.

export type FamilyCode = "C1" | "C2" | "T1" | "T2";
export type ProductBlock = "COMMODITY" | "TECHNICAL";
export type Motive = "REPLENISHMENT" | "CAPTURE" | "DETERIORATION" | "CHURN_RISK" | "REACTIVATION";
/** Loyalty segment of a client × commodity family; technical families are always TECHNICAL. */
export type Segment = "LOYAL" | "PROMISCUOUS" | "MARGINAL" | "TECHNICAL";
export type PriorityBand = "HIGH" | "MEDIUM" | "LOW";
export type Channel = "FIELD_VISIT" | "DELEGATE_CALL" | "TELESALES" | "MARKETING_AUTOMATION";
export type AlertStatus = "OPEN" | "SNOOZED" | "ATTENDED" | "DISMISSED" | "EXPIRED";
/** An ISO calendar date, "YYYY-MM-DD" (a business date: no time zone). */
export type IsoDate = string;

export const MOTIVES: readonly Motive[] = ["REPLENISHMENT", "CAPTURE", "DETERIORATION", "CHURN_RISK", "REACTIVATION"];

/** The purchase history of a client × family as of `asOf`, as the feature engine computes it. */
export interface PairContext {
  lastPurchaseDate: IsoDate | null;
  recencyDays: number;
  /** Median days between consecutive purchase days: the client's own rhythm (null with < 2 purchase days). */
  medianGapDays: number | null;
  purchaseDays365: number;
  value365: number;
  /** Value purchased in (asOf − 730, asOf − 365]. */
  value365PrevYear: number;
  value90: number;
  /** Value purchased in (asOf − 180, asOf − 90]. */
  value90Prev: number;
  meanOrderValue: number;
  /** Days since the most recent campaign window ended (null before the first campaign). */
  daysSinceCampaignEnd: number | null;
  /** Value purchased in the 90 days that followed this date one year ago: (asOf − 365, asOf − 275]. */
  sameSeasonLastYearValue: number;
  /**
   * Whether the last purchase fell inside a campaign window. Only such a purchase was pulled
   * forward, so only then is the post-campaign gap a normal pause. Unknown (undefined): assume it was.
   */
  lastPurchaseInCampaign?: boolean;
}

export interface ModelReason {
  feature: string;
  contribution: number;
  /** Already phrased in Spanish by the explainer. */
  text: string;
}

/** One client × family scored by the models as of a date: the input of the alert rules. */
export interface ScoredPair {
  clientId: number;
  familyCode: FamilyCode;
  block: ProductBlock;
  delegateId: number | null;
  asOf: IsoDate;
  /** P(purchase of the family in the next 90 days). */
  pBuy90d: number;
  /** P(no purchase in the next 90 days | active at asOf); null when not active (< 2 purchase days in 365). */
  pChurn90d: number | null;
  pChurn180d: number | null;
  /** Model estimate of the days from asOf to the next purchase. */
  expectedDaysToNext: number | null;
  /** Purchases of the last 365 days / yearly potential of the family's category. */
  shareOfWallet: number | null;
  /** Yearly potential of the family's category (T1 and T2 share category T1's). */
  potential: number | null;
  /** Potential missing, zero, or below actual purchases. */
  potentialUnreliable: boolean;
  context: PairContext;
  /** Top SHAP reasons, best first. */
  reasons: ModelReason[];
  /**
   * Optional extension: the previous run's pBuy90d, so DETERIORATION can see the probability fall.
   * Without it, "falling probability" is read as pBuy90d below a level a loyal buyer never has.
   */
  previousPBuy90d?: number | null;
}

/** One condition a rule evaluated, with the value it saw and the threshold it compared against. */
export interface RuleCheck {
  rule: string;
  value: number | string | boolean | null;
  op: ">=" | "<=" | ">" | "<" | "==" | "in";
  threshold: number | string | boolean | null;
  passed: boolean;
}

export interface AlertReason {
  source: "rule" | "model";
  /** Stable code of the rule reason ("replenishment.overdue") or the model feature name. */
  code: string;
  text: string;
  contribution?: number;
}

export interface SegmentResult {
  segment: Segment;
  /** "share": share of wallet against potential; "history": the client's own history (potential unreliable). */
  method: "share" | "history" | "technical";
  share365: number | null;
  sharePrev365: number | null;
  /** True when hysteresis kept a better segment than this year's share alone would give. */
  heldByHysteresis: boolean;
  checks: RuleCheck[];
}

export interface PriorityResult {
  expectedImpact: number;
  impactBasis: string;
  conversionProbability: number;
  conversionBasis: string;
  urgency: number;
  urgencyBasis: string;
  score: number;
  band: PriorityBand;
}

export interface ContactWindow {
  contactFrom: IsoDate;
  contactUntil: IsoDate;
}

export interface AlertTrace {
  engine: "alerts/v1";
  asOf: IsoDate;
  motive: Motive;
  segment: SegmentResult;
  /** Every condition of the motive's rule, fired or not (the ones that made it fire are passed). */
  checks: RuleCheck[];
  /** Normal-pause days discounted from the silence (CHURN_RISK), by pause kind. */
  pauseDays?: Record<string, number>;
  priority: PriorityResult;
  channel: { ruleId: number | null; position: number; description: string; responseDays: number };
  inputs: {
    pBuy90d: number;
    pChurn90d: number | null;
    pChurn180d: number | null;
    expectedDaysToNext: number | null;
    shareOfWallet: number | null;
    potential: number | null;
    potentialUnreliable: boolean;
    previousPBuy90d: number | null;
  } & PairContext;
  runId?: number | null;
  /** Written by persistence, not the rules: when the alert was inside its delegate's daily capacity. */
  display?: { firstShownOn: IsoDate; lastShownOn: IsoDate; lastRank: number };
}

/** What the rules propose for one client × family × motive; persistence decides create/update/skip. */
export interface AlertDraft {
  /** "<clientId>:<family>:<motive>" — the alert's open key. */
  key: string;
  clientId: number;
  familyCode: FamilyCode;
  motive: Motive;
  segment: Segment;
  /** From the pair; persistence re-resolves it from the client's province (the territory of record). */
  delegateId: number | null;
  asOf: IsoDate;
  priorityScore: number;
  priorityBand: PriorityBand;
  expectedImpact: number;
  conversionProbability: number;
  urgency: number;
  contactFrom: IsoDate;
  contactUntil: IsoDate;
  responseDeadline: IsoDate;
  channel: Channel;
  reasons: AlertReason[];
  trace: AlertTrace;
}

export function alertKey(clientId: number, familyCode: string, motive: Motive): string {
  return `${clientId}:${familyCode}:${motive}`;
}
