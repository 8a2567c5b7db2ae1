import "server-only";
// The latest rolling-origin evaluation (`signals evaluate --origins N`) of one head, for its model
// card: per origin the model's and the baselines' AUC, and mean ± sd over the origins.
import type { Actor } from "@/lib/auth/load-actor";
import type { DbTx } from "@/lib/db/prisma";
import type { Method, RollingOriginEvaluation } from "@/lib/pipeline/evaluate-rolling-origins";
import { ROLLING_ORIGINS_KEY } from "@/lib/pipeline/store-rolling-origins";
import type { Spread } from "@/lib/pipeline/summarize-origins";
import { assertPermission } from "./assert-permission";

export interface RollingOriginsView {
  asOf: string;
  evaluatedAt: string;
  spacingDays: number;
  origins: { origin: string; rows: number; positives: number; auc: Record<Method, number> }[];
  summary: Record<Method, { auc: Spread; averagePrecision: Spread; precisionAt10: Spread; brier: Spread }>;
}

export async function getRollingOrigins(db: DbTx, actor: Actor, head: string): Promise<RollingOriginsView | null> {
  assertPermission(actor, "admin.view");
  const row = await db.setting.findUnique({ where: { key: ROLLING_ORIGINS_KEY }, select: { value: true } });
  const stored = row?.value as RollingOriginEvaluation | undefined;
  const result = stored?.heads?.find((h) => h.head === head);
  if (!stored || !result) return null;
  const origins = result.origins.flatMap((o) =>
    "metrics" in o
      ? [{ origin: o.origin, rows: o.rows, positives: o.positives, auc: { model: o.metrics.model.auc, logisticRegression: o.metrics.logisticRegression.auc, recencyCadence: o.metrics.recencyCadence.auc } }]
      : [],
  );
  const pick = (s: RollingOriginEvaluation["heads"][number]["summary"][Method]) => ({ auc: s.auc, averagePrecision: s.averagePrecision, precisionAt10: s.precisionAt10, brier: s.brier });
  return {
    asOf: stored.asOf,
    evaluatedAt: stored.evaluatedAt,
    spacingDays: stored.spacingDays,
    origins,
    summary: { model: pick(result.summary.model), logisticRegression: pick(result.summary.logisticRegression), recencyCadence: pick(result.summary.recencyCadence) },
  };
}
