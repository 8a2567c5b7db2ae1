// The four model heads: what each predicts, from which label, on which rows.
import type { LabelName } from "@/lib/features";
import type { ObjectiveName } from "@/ml";

export type HeadName = "BUY_90D" | "CHURN_90D" | "CHURN_180D" | "DAYS_TO_NEXT";

export interface HeadDefinition {
  name: HeadName;
  objective: ObjectiveName;
  label: LabelName;
  /** Days after a snapshot that its label looks at; a snapshot needs this much observed future. */
  horizonDays: number;
  /** Churn is defined only for pairs active at the snapshot (≥ 2 purchase days in the last 365). */
  activeOnly: boolean;
  /** Binary heads are evaluated with AUC etc. against the baselines. */
  binary: boolean;
}

export const HEADS: readonly HeadDefinition[] = [
  { name: "BUY_90D", objective: "binary:logistic", label: "buy_90d", horizonDays: 90, activeOnly: false, binary: true },
  { name: "CHURN_90D", objective: "binary:logistic", label: "churn_90d", horizonDays: 90, activeOnly: true, binary: true },
  { name: "CHURN_180D", objective: "binary:logistic", label: "churn_180d", horizonDays: 180, activeOnly: true, binary: true },
  // Accelerated failure time on log(days): pairs without a next purchase in view are censored.
  { name: "DAYS_TO_NEXT", objective: "survival:aft", label: "days_to_next", horizonDays: 90, activeOnly: false, binary: false },
];

/** "Active at D" — the population churn is defined on (≥ 2 purchase days in the 365 days before D). */
export const ACTIVE_MIN_PURCHASE_DAYS_365 = 2;
