// Runs the segment and every motive rule on one client × family and picks at most one motive.
// One alert per client × family at a time keeps a delegate's list to one line per client and family;
// the most specific diagnosis wins:
//   REACTIVATION  > DETERIORATION > CHURN_RISK > CAPTURE > REPLENISHMENT
// (a lapsed client is a reactivation even if other rules still see it; a loyal client that is falling
// and also due for its reorder gets DETERIORATION, and that call covers the reorder too).
import type { AlertSettings } from "./alert-settings";
import { classifySegment } from "./classify-segment";
import { detectCapture } from "./rules/detect-capture";
import { detectChurnRisk } from "./rules/detect-churn-risk";
import { detectDeterioration } from "./rules/detect-deterioration";
import { detectReactivation } from "./rules/detect-reactivation";
import { detectReplenishment } from "./rules/detect-replenishment";
import type { MotiveFinding } from "./rules/finding";
import type { Motive, ScoredPair, SegmentResult } from "./types";

export const MOTIVE_PRECEDENCE: readonly Motive[] = ["REACTIVATION", "DETERIORATION", "CHURN_RISK", "CAPTURE", "REPLENISHMENT"];

export interface PairEvaluation {
  segment: SegmentResult;
  /** Every rule that applies to the pair's block, fired or not, with its checks. */
  findings: MotiveFinding[];
  chosen: MotiveFinding | null;
}

export function evaluatePair(pair: ScoredPair, settings: AlertSettings): PairEvaluation {
  const segment = classifySegment(pair, settings);
  const findings =
    pair.block === "COMMODITY"
      ? [
          detectReactivation(pair, settings),
          detectDeterioration(pair, segment, settings),
          detectCapture(pair, segment, settings),
          detectReplenishment(pair, segment, settings),
        ]
      : [detectReactivation(pair, settings), detectChurnRisk(pair, settings)];
  const rank = (f: MotiveFinding) => MOTIVE_PRECEDENCE.indexOf(f.motive);
  const chosen = findings.filter((f) => f.fired).sort((a, b) => rank(a) - rank(b))[0] ?? null;
  return { segment, findings, chosen };
}
