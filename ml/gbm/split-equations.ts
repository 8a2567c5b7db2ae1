/**
 * The three equations of second-order boosting (Chen & Guestrin 2016,
 * "XGBoost: A Scalable Tree Boosting System"). The histogram kernels inline
 * the gain for speed; these are the reference forms the tests check them against.
 */

/** Eq. 5 with shrinkage (§2.3): w* = −η · G / (H + λ). */
export function leafWeight(G: number, H: number, lambda: number, learningRate: number): number {
  return (-G / (H + lambda)) * learningRate;
}

/** Eq. 7: loss reduction of splitting a node into (L, R), minus the per-leaf penalty γ. */
export function splitGain(GL: number, HL: number, GR: number, HR: number, lambda: number, gamma: number): number {
  const G = GL + GR, H = HL + HR;
  return 0.5 * ((GL * GL) / (HL + lambda) + (GR * GR) / (HR + lambda) - (G * G) / (H + lambda)) - gamma;
}

/** Eq. 6: the objective value of a fixed tree structure, −½ Σ_j G_j²/(H_j+λ) + γT. */
export function structureScore(G: ArrayLike<number>, H: ArrayLike<number>, lambda: number, gamma: number): number {
  let s = 0;
  for (let j = 0; j < G.length; j++) s += (G[j] * G[j]) / (H[j] + lambda);
  return -0.5 * s + gamma * G.length;
}
