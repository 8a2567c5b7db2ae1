import { describe, expect, it } from "vitest";
import { createFeatureMatrix, featureMatrixFromRows, getValue, selectRows } from "./feature-matrix";

describe("feature matrix", () => {
  it("stores rows row-major with NaN for missing", () => {
    const m = featureMatrixFromRows([[1, null], [3, 4.5]], ["a", "b"]);
    expect(Array.from(m.data)).toEqual([1, NaN, 3, 4.5]);
    expect(getValue(m, 1, 0)).toBe(3);
    expect(Number.isNaN(getValue(m, 0, 1))).toBe(true);
  });

  it("rounds inputs to float32", () => {
    const m = featureMatrixFromRows([[0.1]], ["a"]);
    expect(getValue(m, 0, 0)).toBe(Math.fround(0.1));
    expect(getValue(m, 0, 0)).not.toBe(0.1);
  });

  it("rejects a size mismatch and duplicate names", () => {
    expect(() => createFeatureMatrix(new Float32Array(5), 2, ["a", "b"])).toThrow(RangeError);
    expect(() => createFeatureMatrix(new Float32Array(4), 2, ["a", "a"])).toThrow();
  });

  it("selects rows in the requested order", () => {
    const m = featureMatrixFromRows([[1, 2], [3, 4], [5, 6]], ["a", "b"]);
    expect(Array.from(selectRows(m, [2, 0]).data)).toEqual([5, 6, 1, 2]);
  });
});
