// A row of the feature matrix read by name (`values.recency_days`) without copying it: one small
// object per row whose getters read the shared Float32Array. Building a 50-key object per scored
// row cost more than scoring it with onnxruntime.
export type FeatureValues = Readonly<Record<string, number>>;

export function featureValuesView(names: readonly string[], data: Float32Array): (row: number) => FeatureValues {
  const width = names.length;
  class RowValues {
    constructor(readonly offset: number) {}
  }
  for (const [column, name] of names.entries()) {
    Object.defineProperty(RowValues.prototype, name, {
      get(this: RowValues) {
        return data[this.offset + column];
      },
      enumerable: true,
    });
  }
  return (row) => new RowValues(row * width) as unknown as FeatureValues;
}
