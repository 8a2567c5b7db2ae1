import type { ShapResult } from "./tree-shap";

export interface Contribution {
  feature: number;
  name: string;
  /** SHAP value in margin units (log-odds for binary:logistic). */
  value: number;
}

/**
 * The k features with the largest |φ| for one row, largest first (ties by
 * feature index, so the order is stable). Zero contributions are left out.
 */
export function topContributions(shap: ShapResult, row: number, k: number, featureNames: readonly string[]): Contribution[] {
  const nF = shap.nFeatures;
  const order: number[] = [];
  for (let f = 0; f < nF; f++) if (shap.values[row * nF + f] !== 0) order.push(f);
  order.sort((a, b) => Math.abs(shap.values[row * nF + b]) - Math.abs(shap.values[row * nF + a]) || a - b);
  return order.slice(0, k).map((f) => ({ feature: f, name: featureNames[f], value: shap.values[row * nF + f] }));
}

/** topContributions for every row. */
export function topContributionsAllRows(shap: ShapResult, k: number, featureNames: readonly string[]): Contribution[][] {
  const nRows = shap.values.length / shap.nFeatures;
  return Array.from({ length: nRows }, (_, r) => topContributions(shap, r, k, featureNames));
}
