// The active model version of every head (an admin can switch it on the model cards), ready to score.
import type { Pool } from "pg";
import type { GbmModel } from "@/ml";
import { HEADS, type HeadName } from "./heads";
import type { DeployedHead } from "./score-as-of";

export async function loadActiveModels(pool: Pool): Promise<DeployedHead[]> {
  const result = await pool.query<{ head: HeadName; onnx: Buffer; trees: GbmModel }>(
    "SELECT head, onnx, trees FROM model_version WHERE active ORDER BY head",
  );
  const missing = HEADS.filter((h) => !result.rows.some((r) => r.head === h.name)).map((h) => h.name);
  if (missing.length) throw new Error(`No hay versión activa para ${missing.join(", ")}: ejecute antes el motor con entrenamiento.`);
  return result.rows.map((row) => ({ name: row.head, model: row.trees, onnx: new Uint8Array(row.onnx) }));
}
