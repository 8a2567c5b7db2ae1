// A column subset of a row-major matrix: the model inputs out of the full feature matrix.
export function selectColumns(values: Float32Array, names: readonly string[], wanted: readonly string[]): Float32Array {
  const width = names.length;
  const rows = width === 0 ? 0 : values.length / width;
  const indices = wanted.map((name) => {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`Unknown feature "${name}"`);
    return i;
  });
  const out = new Float32Array(rows * indices.length);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * width;
    for (const i of indices) out[k++] = values[base + i];
  }
  return out;
}
