// Test helpers: one cell of a feature matrix or label set by client, family and name.
import type { FeatureKey, FeatureMatrix } from "../types";

export function rowOf(keys: FeatureKey[], clientId: number, familyCode: string): number {
  const row = keys.findIndex((k) => k.clientId === clientId && k.familyCode === familyCode);
  if (row < 0) throw new Error(`No row for client ${clientId} × ${familyCode}`);
  return row;
}

export function featureRow(matrix: FeatureMatrix, clientId: number, familyCode: string): Record<string, number> {
  const row = rowOf(matrix.keys, clientId, familyCode);
  const width = matrix.names.length;
  return Object.fromEntries(matrix.names.map((name, j) => [name, matrix.values[row * width + j]]));
}
