// Shapes shared by the feature and label engine. Matrices are row-major Float32Arrays so they can be
// handed to `ml/` as they are; NaN marks a value that does not exist (not zero).
import type pg from "pg";

/** Where features are read from: a connection string, a pool, or a connected client not inside a transaction. */
export type FeatureSource = string | pg.Pool | pg.ClientBase;

/** An ISO calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

export interface FeatureKey {
  clientId: number;
  familyCode: string;
}

export interface FeatureMatrix {
  asOf: IsoDate;
  keys: FeatureKey[];
  /** Column names, in the order of `values`' columns (every feature of the dictionary). */
  names: string[];
  /** keys.length × names.length, row-major; NaN = missing. */
  values: Float32Array;
}

export type LabelName = "buy_90d" | "churn_90d" | "churn_180d" | "days_to_next" | "days_to_next_observed";

export interface LabelSet {
  asOf: IsoDate;
  /** Last date with any sales line: what can be observed after `asOf` ends there. */
  lastSalesDate: IsoDate;
  observable: HorizonObservability;
  keys: FeatureKey[];
  /** One value per key; NaN where the label is undefined (pair not active, or horizon not observable). */
  labels: Record<LabelName, Float32Array>;
}

export interface HorizonObservability {
  /** asOf + 90 ≤ lastSalesDate: buy_90d and churn_90d can be computed. */
  h90: boolean;
  /** asOf + 180 ≤ lastSalesDate: churn_180d can be computed. */
  h180: boolean;
  /** asOf < lastSalesDate: days_to_next has at least one observable day (censored otherwise). */
  daysToNext: boolean;
}

export interface SnapshotTiming {
  index: number;
  total: number;
  asOf: IsoDate;
  rows: number;
  /** Milliseconds from sending the snapshot's statement to its rows decoded (PostgreSQL, transfer,
   * decoding); the statement runs while the previous snapshot is decoded, so these overlap. */
  ms: number;
}

export interface TrainingSet {
  names: string[];
  /** rows × names.length, row-major; NaN = missing. */
  features: Float32Array;
  keys: FeatureKey[];
  /** The snapshot dates, in the order given. */
  snapshots: IsoDate[];
  /** Per row: index into `snapshots`. */
  snapshotOfRow: Uint16Array;
  labels: Record<LabelName, Float32Array>;
  lastSalesDate: IsoDate;
  timings: { prepareMs: number; snapshots: SnapshotTiming[]; totalMs: number };
}
