/**
 * Seeded pseudo-random numbers. mulberry32: 32-bit state, period 2^32, passes
 * gjrand/PractRand up to a few GB — plenty for row/column sampling, and cheap
 * enough to call once per row per tree. Everything random in ml/ draws from
 * here so a seed fixes every result.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    // Mix the seed so that small consecutive seeds give unrelated streams.
    this.state = (Math.imul(seed | 0, 0x9e3779b1) ^ 0x85ebca6b) >>> 0;
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). Multiply-shift; bias ≤ n/2^32, irrelevant here. */
  nextInt(n: number): number {
    return Math.floor(this.nextFloat() * n);
  }

  /** Standard normal via Box–Muller (one of the pair is discarded to keep state simple). */
  nextNormal(): number {
    let u = this.nextFloat();
    while (u === 0) u = this.nextFloat();
    const v = this.nextFloat();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Derive an independent child generator (e.g. one per tree) without sharing state. */
  fork(): Prng {
    return new Prng(this.nextUint32());
  }
}

/**
 * k distinct indices from [0, n), returned sorted ascending (so row partitions
 * stay in memory order). Floyd's algorithm would avoid the O(n) pass, but a
 * selection-sampling pass (Knuth's Algorithm S) yields sorted output directly.
 */
export function sampleSortedIndices(n: number, k: number, rng: Prng, out?: Int32Array): Int32Array {
  if (k > n || k < 0) throw new RangeError(`cannot sample ${k} of ${n}`);
  const result = out && out.length >= k ? out : new Int32Array(k);
  let needed = k;
  let written = 0;
  for (let i = 0; i < n && needed > 0; i++) {
    if (rng.nextFloat() * (n - i) < needed) {
      result[written++] = i;
      needed--;
    }
  }
  return result;
}
