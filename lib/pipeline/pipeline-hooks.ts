// What the pipeline needs from the alert engine: the segment of each scored pair and the alert step.
import { classifySegment } from "@/lib/alerts/classify-segment";
import { loadAlertSettings } from "@/lib/alerts/load-alert-settings";
import { createPrismaClient } from "@/lib/db/prisma";
import type { PipelineOptions } from "./run-pipeline";
import { toScoredPair } from "./to-scored-pair";

export async function pipelineHooks(url: string): Promise<Pick<PipelineOptions, "segmentOf" | "alerts">> {
  const db = createPrismaClient(url, { max: 2 });
  try {
    const settings = await loadAlertSettings(db);
    return {
      segmentOf: (scores, index) => classifySegment(toScoredPair(scores.rows[index]!, scores.asOf, null), settings).segment,
    };
  } finally {
    await db.$disconnect();
  }
}
