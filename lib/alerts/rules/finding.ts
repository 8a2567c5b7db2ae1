// What a motive rule returns: whether it fired, every condition it checked (the alert's trace), the
// reasons in business Spanish, and the measured facts that priority and contact window are built from.
import type { AlertReason, Motive, RuleCheck } from "../types";

export type MotiveFacts =
  | { motive: "REPLENISHMENT"; daysToDue: number; overdue: boolean }
  | { motive: "CAPTURE"; gap: number; daysToDue: number | null }
  | { motive: "DETERIORATION"; trend90: number; trend365: number; baseline90: number; shortfall90: number }
  | { motive: "CHURN_RISK"; silenceDays: number; overdueRatio: number; valueAtRisk90: number }
  | { motive: "REACTIVATION"; daysLapsed: number; referenceValue: number };

export interface MotiveFinding {
  motive: Motive;
  fired: boolean;
  checks: RuleCheck[];
  reasons: AlertReason[];
  /** Why a rule whose conditions held was still not raised (e.g. "pause:AUGUST"). */
  suppressedBy?: string;
  pauseDays?: Record<string, number>;
  facts?: MotiveFacts;
}

export function check(
  rule: string,
  value: RuleCheck["value"],
  op: RuleCheck["op"],
  threshold: RuleCheck["threshold"],
): RuleCheck {
  let passed: boolean;
  if (typeof value !== "number" || typeof threshold !== "number") passed = op === "==" ? value === threshold : false;
  else if (op === ">=") passed = value >= threshold;
  else if (op === "<=") passed = value <= threshold;
  else if (op === ">") passed = value > threshold;
  else if (op === "<") passed = value < threshold;
  else passed = value === threshold;
  return { rule, value, op, threshold, passed };
}

export function notApplicable(motive: Motive, checks: RuleCheck[]): MotiveFinding {
  return { motive, fired: false, checks, reasons: [] };
}

export function ruleReason(code: string, text: string): AlertReason {
  return { source: "rule", code, text };
}
