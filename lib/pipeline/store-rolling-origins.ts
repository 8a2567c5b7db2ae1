// The latest rolling-origin evaluation, kept as one JSON setting so the model cards can show it
// without re-running anything (it takes minutes; the cards take milliseconds).
import type { Pool } from "pg";
import type { RollingOriginEvaluation } from "./evaluate-rolling-origins";

export const ROLLING_ORIGINS_KEY = "evaluation.rolling-origins";

export async function storeRollingOrigins(pool: Pool, result: RollingOriginEvaluation): Promise<void> {
  await pool.query(
    `INSERT INTO setting (key, value, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [ROLLING_ORIGINS_KEY, JSON.stringify(result)],
  );
}
