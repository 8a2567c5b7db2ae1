/**
 * Ascending sort of float32 values (no NaN) by LSD radix over their bit
 * patterns, 3 passes of 11/11/10 bits. Flipping the sign bit of positives and
 * all bits of negatives maps IEEE-754 order onto unsigned integer order.
 * About 10× faster than Float32Array.prototype.sort on 200k values, which
 * made bin-cut placement a visible share of training time.
 */
export function radixSortFloat32(values: Float32Array): Float32Array {
  const n = values.length;
  const bits = new Uint32Array(values.buffer, values.byteOffset, n);
  let keys = new Uint32Array(n);
  let tmp = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const b = bits[i];
    keys[i] = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
  }
  const counts = new Int32Array(2048);
  for (const [shift, width] of [[0, 11], [11, 11], [22, 10]]) {
    const mask = (1 << width) - 1;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & mask]++;
    let sum = 0;
    for (let d = 0; d <= mask; d++) { const c = counts[d]; counts[d] = sum; sum += c; }
    for (let i = 0; i < n; i++) { const k = keys[i]; tmp[counts[(k >>> shift) & mask]++] = k; }
    const swap = keys; keys = tmp; tmp = swap;
  }
  const out = new Float32Array(n);
  const outBits = new Uint32Array(out.buffer);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    outBits[i] = k & 0x80000000 ? (k & 0x7fffffff) >>> 0 : ~k >>> 0;
  }
  return out;
}
