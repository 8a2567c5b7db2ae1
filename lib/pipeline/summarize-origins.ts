// Mean ± spread of a metric over the rolling origins: the figure to quote, and how much it moves.
import type { BinaryMetrics } from "./evaluate-binary";

export interface Spread {
  mean: number;
  /** Sample standard deviation (n − 1); 0 with a single origin. */
  sd: number;
  min: number;
  max: number;
  n: number;
}

export const SUMMARIZED_METRICS = ["auc", "averagePrecision", "precisionAt5", "precisionAt10", "brier"] as const;
export type SummarizedMetric = (typeof SUMMARIZED_METRICS)[number];

/** Spread of the finite values (an origin with one class has no AUC and is left out). */
export function spreadOf(values: readonly number[]): Spread {
  const finite = values.filter((v) => Number.isFinite(v));
  const n = finite.length;
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
  const mean = finite.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(finite.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd, min: Math.min(...finite), max: Math.max(...finite), n };
}

export function summarizeMetrics(perOrigin: readonly BinaryMetrics[]): Record<SummarizedMetric, Spread> {
  return Object.fromEntries(SUMMARIZED_METRICS.map((m) => [m, spreadOf(perOrigin.map((o) => o[m]))])) as Record<SummarizedMetric, Spread>;
}
