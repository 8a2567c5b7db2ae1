/**
 * Standard normal pdf, cdf, survival and hazard, accurate to ~1e-15 relative
 * (W. J. Cody's rational approximations for erf/erfc, 1969). Needed by the
 * censored AFT objective, whose gradient is the normal hazard (inverse Mills
 * ratio) far into the tail, where 1 − Φ(z) underflows if computed naively.
 */

const SQRT2 = Math.SQRT2;
const INV_SQRT_2PI = 0.3989422804014327;

export function normalPdf(z: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
}

/** erfc(x)·exp(x²) for x ≥ 0.5 (Cody's second and third ranges), so tails keep full precision. */
function scaledErfc(x: number): number {
  if (x <= 4) {
    const p = [0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131,
      881.95222124176909, 1712.04761263407058, 2051.07837782607147, 1230.33935479799725, 2.15311535474403846e-8];
    const q = [15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019,
      3290.79923573345963, 4362.61909014324716, 3439.36767414372164, 1230.33935480374942];
    let num = p[8] * x, den = x;
    for (let i = 0; i < 7; i++) { num = (num + p[i]) * x; den = (den + q[i]) * x; }
    return (num + p[7]) / (den + q[7]);
  }
  const p = [0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766,
    6.58749161529837803e-4, 0.0163153871373020978];
  const q = [2.56852019228982242, 1.87295284992346725, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185];
  const z = 1 / (x * x);
  let num = p[5] * z, den = z;
  for (let i = 0; i < 4; i++) { num = (num + p[i]) * z; den = (den + q[i]) * z; }
  const r = (z * (num + p[4])) / (den + q[4]);
  return (0.5641895835477563 - r) / x;
}

/** erf on |x| < 0.5 (Cody's first range). */
function erfSmall(x: number): number {
  const a = [3.16112374387056560, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153];
  const b = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];
  const z = x * x;
  let num = a[4] * z, den = z;
  for (let i = 0; i < 3; i++) { num = (num + a[i]) * z; den = (den + b[i]) * z; }
  return (x * (num + a[3])) / (den + b[3]);
}

export function erfc(x: number): number {
  if (Math.abs(x) < 0.5) return 1 - erfSmall(x);
  if (x > 0) return x > 27 ? 0 : Math.exp(-x * x) * scaledErfc(x);
  return 2 - (x < -6 ? 0 : Math.exp(-x * x) * scaledErfc(-x));
}

/** Φ(z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / SQRT2);
}

/** 1 − Φ(z), accurate in the upper tail. */
export function normalSurvival(z: number): number {
  return 0.5 * erfc(z / SQRT2);
}

/**
 * Hazard φ(z)/(1 − Φ(z)) (inverse Mills ratio). For z ≥ 0.71 it is computed as
 * √(2/π) / scaledErfc(z/√2), which never forms the underflowing tail; below
 * that the direct ratio is well conditioned.
 */
export function normalHazard(z: number): number {
  const x = z / SQRT2;
  if (x >= 0.5) return 0.7978845608028654 / scaledErfc(x);
  return normalPdf(z) / normalSurvival(z);
}

/** log(1 − Φ(z)) without underflow: for large z it is log(½·erfcx(z/√2)) − z²/2. */
export function normalLogSurvival(z: number): number {
  const x = z / SQRT2;
  if (x >= 0.5) return Math.log(0.5 * scaledErfc(x)) - x * x;
  return Math.log(normalSurvival(z));
}
