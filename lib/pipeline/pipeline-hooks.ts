// What the pipeline needs from the alert engine: the segment of each scored pair, and the alert
// step — drafts from the rules, applied with control group, capacity and expiry, then purchases
// attributed to the alerts they followed.
import {
  applyAlertDrafts, attributePurchases, buildAlertDrafts, classifySegment, loadAlertSettings, loadChannelRules, seedChannelRules,
} from "@/lib/alerts";
import { createPrismaClient } from "@/lib/db/prisma";
import type { PipelineOptions } from "./run-pipeline";
import { segmentInputsOf, toScoredPair } from "./to-scored-pair";

export async function pipelineHooks(url: string): Promise<Pick<PipelineOptions, "segmentOf" | "alerts">> {
  const db = createPrismaClient(url, { max: 2 });
  let settings;
  try {
    settings = await loadAlertSettings(db);
  } finally {
    await db.$disconnect();
  }
  return {
    segmentOf: (scores, index) => classifySegment(segmentInputsOf(scores.rows[index]!.values), settings).segment,
    alerts: async ({ pool, runId, asOf, scores, log }) => {
      const delegates = await pool.query<{ id: number; delegate_id: number | null }>(
        "SELECT c.id, p.delegate_id FROM client c LEFT JOIN province p ON p.code = c.province_code",
      );
      const delegateOf = new Map(delegates.rows.map((r) => [r.id, r.delegate_id]));
      // The previous run's purchase probability lets DETERIORATION see it fall.
      const previous = await pool.query<{ client_id: number; family_code: string; p_buy_90d: number | null }>(
        `SELECT client_id, family_code, p_buy_90d FROM score
         WHERE as_of = (SELECT max(as_of) FROM score WHERE as_of < $1)`,
        [asOf],
      );
      const previousBuy = new Map(previous.rows.map((r) => [`${r.client_id}:${r.family_code}`, r.p_buy_90d]));
      const pairs = scores.rows.map((row) =>
        toScoredPair(row, asOf, delegateOf.get(row.clientId) ?? null, previousBuy.get(`${row.clientId}:${row.familyCode}`)),
      );
      const db = createPrismaClient(url, { max: 3 });
      try {
        await seedChannelRules(db);
        const drafts = buildAlertDrafts(pairs, { settings, channelRules: await loadChannelRules(db) });
        const applied = await applyAlertDrafts(db, asOf, drafts, { runId, settings, expireCleared: true });
        const attributed = await attributePurchases(db, {});
        const counts = { drafts: drafts.length, ...applied, attributedLines: attributed.lines } as Record<string, number>;
        log(`Alertas: ${drafts.length} señales → ${JSON.stringify(applied)}; compras atribuidas: ${attributed.lines}.`);
        return counts;
      } finally {
        await db.$disconnect();
      }
    },
  };
}
