// Stores the trained heads as model versions (ONNX graph, tree JSON, card metrics) and makes them
// the active version of their head, in one transaction.
import type { PoolClient } from "pg";
import type { GbmParams } from "@/ml";
import type { TrainedHead } from "./train-head";

export interface StoredModel {
  id: number;
  head: string;
  version: string;
}

export async function storeModels(
  client: PoolClient,
  input: { runId: number; asOf: string; trained: TrainedHead[]; onnx: Map<string, Uint8Array>; featureNames: readonly string[] },
): Promise<StoredModel[]> {
  const stored: StoredModel[] = [];
  await client.query("BEGIN");
  try {
    for (const t of input.trained) {
      const version = `${input.asOf}#${input.runId}`;
      const trainFrom = t.metrics.snapshots.refit[0]!;
      const trainUntil = t.metrics.snapshots.refit.at(-1)!;
      await client.query(`UPDATE model_version SET active = FALSE WHERE head = $1 AND active`, [t.head.name]);
      const result = await client.query<{ id: number }>(
        `INSERT INTO model_version (head, version, pipeline_run_id, active, trained_as_of, train_from, train_until, params,
                                    feature_names, metrics, onnx, trees)
         VALUES ($1, $2, $3, TRUE, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          t.head.name,
          version,
          input.runId,
          input.asOf,
          trainFrom,
          trainUntil,
          JSON.stringify(t.params satisfies Partial<GbmParams>),
          input.featureNames,
          JSON.stringify(t.metrics),
          Buffer.from(input.onnx.get(t.head.name)!),
          JSON.stringify(t.model),
        ],
      );
      stored.push({ id: result.rows[0]!.id, head: t.head.name, version });
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  return stored;
}
