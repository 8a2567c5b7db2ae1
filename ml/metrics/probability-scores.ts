/** Brier score: mean (p − y)². */
export function brierScore(probs: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (probs.length !== labels.length) throw new RangeError("probs and labels differ in length");
  let s = 0;
  for (let i = 0; i < probs.length; i++) s += (probs[i] - labels[i]) ** 2;
  return s / probs.length;
}

/** Mean negative log-likelihood, −[y log p + (1−y) log(1−p)], p clipped to [ε, 1−ε] (ε = 1e-15, as scikit-learn did). */
export function logLoss(probs: ArrayLike<number>, labels: ArrayLike<number>, eps = 1e-15): number {
  if (probs.length !== labels.length) throw new RangeError("probs and labels differ in length");
  let s = 0;
  for (let i = 0; i < probs.length; i++) {
    const p = Math.min(Math.max(probs[i], eps), 1 - eps);
    s -= labels[i] === 1 ? Math.log(p) : Math.log1p(-p);
  }
  return s / probs.length;
}
