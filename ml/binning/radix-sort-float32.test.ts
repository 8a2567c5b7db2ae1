import { describe, expect, it } from "vitest";
import { Prng } from "../core/prng";
import { radixSortFloat32 } from "./radix-sort-float32";

describe("radixSortFloat32", () => {
  it("sorts negatives, zeros, subnormals and infinities in IEEE order", () => {
    const v = Float32Array.of(3, -1, Infinity, 0, -Infinity, 1e-40, -2.5, 2 ** -149, -0, 1e30);
    expect(Array.from(radixSortFloat32(v))).toEqual([-Infinity, -2.5, -1, -0, 0, 2 ** -149, Math.fround(1e-40), 3, Math.fround(1e30), Infinity]);
  });

  it("agrees with the built-in sort on random data and leaves the input untouched", () => {
    const rng = new Prng(4);
    const v = new Float32Array(50_000).map(() => (rng.nextFloat() < 0.3 ? Math.round(rng.nextNormal() * 3) : rng.nextNormal() * 1e4));
    const before = v.slice();
    const expected = v.slice().sort();
    expect(radixSortFloat32(v)).toEqual(expected);
    expect(v).toEqual(before);
  });
});
