export interface CalibrationBin {
  lower: number;
  upper: number;
  meanPredicted: number;
  observedRate: number;
  count: number;
}

export interface CalibrationOptions {
  nBins?: number;
  /** "uniform": equal-width bins on [0, 1]; "quantile": equal-count edges from the predictions. */
  strategy?: "uniform" | "quantile";
}

/**
 * Reliability diagram data: per bin, mean predicted probability vs observed
 * positive rate. Bin assignment follows scikit-learn's calibration_curve
 * (edges e_0..e_B; p goes to the first bin whose inner upper edge is > p, so
 * a p equal to an inner edge falls in the upper bin). Empty bins are omitted.
 */
export function calibrationCurve(probs: ArrayLike<number>, labels: ArrayLike<number>, options: CalibrationOptions = {}): CalibrationBin[] {
  const n = probs.length;
  if (labels.length !== n) throw new RangeError("probs and labels differ in length");
  const nBins = options.nBins ?? 10;
  const edges = options.strategy === "quantile" ? quantileEdges(probs, nBins) : uniformEdges(nBins);
  const nb = edges.length - 1;
  const sumP = new Float64Array(nb), sumY = new Float64Array(nb), count = new Float64Array(nb);
  for (let i = 0; i < n; i++) {
    let b = 0;
    while (b < nb - 1 && probs[i] >= edges[b + 1]) b++;
    sumP[b] += probs[i]; sumY[b] += labels[i]; count[b]++;
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < nb; b++) {
    if (count[b] === 0) continue;
    out.push({ lower: edges[b], upper: edges[b + 1], meanPredicted: sumP[b] / count[b], observedRate: sumY[b] / count[b], count: count[b] });
  }
  return out;
}

/** Expected calibration error: Σ_b (n_b / n) · |mean predicted − observed rate|. */
export function expectedCalibrationError(bins: readonly CalibrationBin[]): number {
  const n = bins.reduce((s, b) => s + b.count, 0);
  return bins.reduce((s, b) => s + (b.count / n) * Math.abs(b.meanPredicted - b.observedRate), 0);
}

function uniformEdges(nBins: number): number[] {
  return Array.from({ length: nBins + 1 }, (_, i) => i / nBins);
}

/** Linear-interpolated percentiles (numpy's default), duplicates removed. */
function quantileEdges(probs: ArrayLike<number>, nBins: number): number[] {
  const sorted = Float64Array.from(probs).sort();
  const edges: number[] = [];
  for (let i = 0; i <= nBins; i++) {
    const pos = (i / nBins) * (sorted.length - 1);
    const lo = Math.floor(pos), hi = Math.ceil(pos);
    const v = sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    if (edges.length === 0 || v > edges[edges.length - 1]) edges.push(v);
  }
  if (edges.length === 1) edges.push(edges[0]);
  return edges;
}
