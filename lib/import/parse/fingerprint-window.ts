// The set of fingerprints of the last `capacity` lines, with the oldest forgotten as new ones come.
// Fingerprints are 52-bit integers; kept in typed arrays (open addressing, linear probing, deletion
// by backward shift), because a Set of half a million such numbers is half a million heap objects
// for the garbage collector to trace on every collection. The arrays grow with the lines seen, so a
// small file costs little.
const EMPTY = -1;
const INITIAL_SIZE = 1024;

export class FingerprintWindow {
  private slots = new Float64Array(INITIAL_SIZE).fill(EMPTY);
  private mask = INITIAL_SIZE - 1;
  /** The window in arrival order: ring[next] is the oldest once `filled === capacity`. */
  private ring = new Float64Array(INITIAL_SIZE / 2);
  private next = 0;
  private filled = 0;

  constructor(private readonly capacity: number) {}

  has(fingerprint: number): boolean {
    return this.slots[this.find(fingerprint)] === fingerprint;
  }

  /** Adds a fingerprint not in the window yet, forgetting the oldest one when full. */
  add(fingerprint: number): void {
    if (this.filled === this.capacity) {
      this.remove(this.ring[this.next]);
    } else {
      this.filled++;
      if (this.filled * 2 > this.slots.length) this.growSlots(); // at most half full: probes stay short
      if (this.filled > this.ring.length) this.growRing();
    }
    this.ring[this.next] = fingerprint;
    this.slots[this.find(fingerprint)] = fingerprint;
    this.next = (this.next + 1) % this.capacity;
  }

  // The slot holding the fingerprint, or the empty slot where it would go. The low 32 bits of a
  // SHA-1 prefix are uniformly spread: they index the table as they are.
  private find(fingerprint: number): number {
    let i = (fingerprint >>> 0) & this.mask;
    for (;;) {
      const slot = this.slots[i];
      if (slot === fingerprint || slot === EMPTY) return i;
      i = (i + 1) & this.mask;
    }
  }

  private remove(fingerprint: number): void {
    let hole = this.find(fingerprint);
    if (this.slots[hole] !== fingerprint) return;
    // Backward-shift deletion: pull later entries of the probe run into the hole when their home
    // slot allows it, so that lookups never need tombstones.
    let i = hole;
    for (;;) {
      i = (i + 1) & this.mask;
      const slot = this.slots[i];
      if (slot === EMPTY) break;
      const home = (slot >>> 0) & this.mask;
      const movable = hole <= i ? home <= hole || home > i : home <= hole && home > i;
      if (movable) {
        this.slots[hole] = slot;
        hole = i;
      }
    }
    this.slots[hole] = EMPTY;
  }

  private growSlots(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2).fill(EMPTY);
    this.mask = this.slots.length - 1;
    for (const slot of old) if (slot !== EMPTY) this.slots[this.find(slot)] = slot;
  }

  // Before the window first fills, the ring holds lines 0..filled-1 in order: a plain copy.
  private growRing(): void {
    const ring = new Float64Array(Math.min(this.ring.length * 2, this.capacity));
    ring.set(this.ring);
    this.ring = ring;
  }
}
