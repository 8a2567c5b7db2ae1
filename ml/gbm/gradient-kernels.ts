/**
 * Per-row gradient loops of the objectives that worker threads can run on a
 * row range (self-contained for the same reason as histogram-kernels.ts).
 * Hessians are floored at 1e-16 so H + λ > 0 even with λ = 0.
 */

/** Log loss with p = σ(m): g = (p − y)·w, h = p(1 − p)·w. */
export function logisticGradientRange(
  margin: Float64Array, y: Float64Array, weight: Float64Array | null, gh: Float32Array, start: number, end: number,
): void {
  for (let i = start; i < end; i++) {
    const p = 1 / (1 + Math.exp(-margin[i]));
    const w = weight ? weight[i] : 1;
    gh[2 * i] = (p - y[i]) * w;
    gh[2 * i + 1] = Math.max(p * (1 - p), 1e-16) * w;
  }
}

/** ½(m − y)²: g = (m − y)·w, h = w. */
export function squaredErrorGradientRange(
  margin: Float64Array, y: Float64Array, weight: Float64Array | null, gh: Float32Array, start: number, end: number,
): void {
  for (let i = start; i < end; i++) {
    const w = weight ? weight[i] : 1;
    gh[2 * i] = (margin[i] - y[i]) * w;
    gh[2 * i + 1] = w;
  }
}

/**
 * Root of a tree grown on all rows: identity partition, (g, h) already in
 * partition order, and Σg, Σh of this row chunk into chunkSums[2c..2c+1].
 * Root sums are then added chunk by chunk in order, so they do not depend on
 * which thread summed which chunk.
 */
export function prepareRootRange(
  gh: Float32Array, rows: Int32Array, orderedGh: Float32Array, chunkSums: Float64Array, start: number, end: number, chunk: number,
): void {
  let G = 0, H = 0;
  for (let i = start; i < end; i++) {
    rows[i] = i;
    const g = gh[2 * i], h = gh[2 * i + 1];
    orderedGh[2 * i] = g;
    orderedGh[2 * i + 1] = h;
    G += g;
    H += h;
  }
  chunkSums[2 * chunk] = G;
  chunkSums[2 * chunk + 1] = H;
}
