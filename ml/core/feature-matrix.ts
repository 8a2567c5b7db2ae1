/**
 * Dense feature matrix: row-major float32, NaN marks a missing value.
 * float32 on purpose: it is what ONNX Runtime sees, so every threshold and
 * every comparison is made on the same numbers in TypeScript and in ONNX.
 */
export interface FeatureMatrix {
  readonly data: Float32Array;
  readonly nRows: number;
  readonly nFeatures: number;
  readonly featureNames: readonly string[];
}

export function createFeatureMatrix(
  data: Float32Array,
  nRows: number,
  featureNames: readonly string[],
): FeatureMatrix {
  const nFeatures = featureNames.length;
  if (data.length !== nRows * nFeatures) {
    throw new RangeError(`data has ${data.length} values, expected ${nRows} × ${nFeatures}`);
  }
  if (new Set(featureNames).size !== nFeatures) throw new Error("feature names must be unique");
  return { data, nRows, nFeatures, featureNames };
}

/** Build from an array of rows; null/undefined/NaN become missing. Convenient for tests and small inputs. */
export function featureMatrixFromRows(
  rows: readonly (readonly (number | null | undefined)[])[],
  featureNames: readonly string[],
): FeatureMatrix {
  const nFeatures = featureNames.length;
  const data = new Float32Array(rows.length * nFeatures);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.length !== nFeatures) throw new RangeError(`row ${i} has ${row.length} values, expected ${nFeatures}`);
    for (let j = 0; j < nFeatures; j++) {
      const v = row[j];
      data[i * nFeatures + j] = v == null ? NaN : v;
    }
  }
  return createFeatureMatrix(data, rows.length, featureNames);
}

/** Copy of a subset of rows (e.g. a train/validation split), in the given order. */
export function selectRows(m: FeatureMatrix, rows: ArrayLike<number>): FeatureMatrix {
  const f = m.nFeatures;
  const out = new Float32Array(rows.length * f);
  for (let i = 0; i < rows.length; i++) {
    out.set(m.data.subarray(rows[i] * f, rows[i] * f + f), i * f);
  }
  return { data: out, nRows: rows.length, nFeatures: f, featureNames: m.featureNames };
}

export function getValue(m: FeatureMatrix, row: number, feature: number): number {
  return m.data[row * m.nFeatures + feature];
}
