// A row-major matrix → one Float32Array per named column (how labels are handed to the trainer).
export function splitColumns<N extends string>(values: Float32Array, names: readonly N[]): Record<N, Float32Array> {
  const width = names.length;
  const rows = width === 0 ? 0 : values.length / width;
  const out = {} as Record<N, Float32Array>;
  names.forEach((name, j) => {
    const column = new Float32Array(rows);
    for (let r = 0; r < rows; r++) column[r] = values[r * width + j];
    out[name] = column;
  });
  return out;
}
