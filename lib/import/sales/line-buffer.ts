// A chunk's COPY lines, written straight into one growing byte buffer with a sort key each, then
// read back in key order. Holding 65,536 lines as separate strings until their chunk is written
// made them outlive the young generation: the garbage collector then cost more than the sort saved.
// A LineBuffer is reused chunk after chunk (reset), so its memory is allocated once per file.

/** Room for a line's place below its sort key in a float64 (keys stay far under 2^33). */
const PLACE_BITS = 2 ** 20;

export class LineBuffer {
  private bytes: Buffer;
  private out: Buffer | undefined;
  private used = 0;
  private starts: Int32Array;
  private keys: Float64Array;
  count = 0;

  constructor(initialBytes = 1 << 16, initialLines = 1 << 10) {
    this.bytes = Buffer.allocUnsafe(initialBytes);
    this.starts = new Int32Array(initialLines);
    this.keys = new Float64Array(initialLines);
  }

  /** Appends one line (its text ends with "\n"); `key` orders it among the others. */
  push(text: string, key: number): void {
    if (this.bytes.length - this.used < text.length * 3) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + text.length * 3));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.count * 2);
      starts.set(this.starts);
      this.starts = starts;
      const keys = new Float64Array(this.count * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    this.starts[this.count] = this.used;
    this.keys[this.count] = key;
    this.count++;
    this.used += this.bytes.write(text, this.used);
  }

  /** Empties it, keeping its memory. */
  reset(): void {
    this.used = 0;
    this.count = 0;
  }

  /**
   * The lines in key order, file order among equal keys (one native sort, no comparator). The
   * bytes are the buffer's own: valid until the next reset().
   */
  sorted(): Buffer {
    const n = this.count;
    if (!this.out || this.out.length < this.used) this.out = Buffer.allocUnsafe(this.bytes.length);
    const out = this.out.subarray(0, this.used);
    if (n >= PLACE_BITS) {
      this.bytes.copy(out, 0, 0, this.used);
      return out;
    }
    const order = new Float64Array(n);
    for (let i = 0; i < n; i++) order[i] = this.keys[i]! * PLACE_BITS + i;
    order.sort();
    let at = 0;
    for (let k = 0; k < n; k++) {
      const i = order[k]! % PLACE_BITS;
      at += this.bytes.copy(out, at, this.starts[i]!, i + 1 < n ? this.starts[i + 1]! : this.used);
    }
    return out;
  }
}
