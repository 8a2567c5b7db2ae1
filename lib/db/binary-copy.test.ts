import { describe, expect, it } from "vitest";
import { BinaryCopyEncoder } from "./binary-copy";

describe("BinaryCopyEncoder", () => {
  it("writes a label with the same bytes as text, however often it repeats (non-ASCII and null too)", () => {
    const values = ["C1", "fiel", "técnico", null, "C1", "técnico", "", "C1"];
    const asText = new BinaryCopyEncoder(16);
    const asLabel = new BinaryCopyEncoder(16);
    for (const v of values) {
      asText.row(1).text(v);
      asLabel.row(1).label(v);
    }
    const expected = asText.take(true);
    expect(asLabel.take(true).equals(expected)).toBe(true);
    // "técnico" is 8 bytes in UTF-8: int16 field count, int32 length, then the bytes.
    const at = expected.indexOf(Buffer.from("técnico", "utf8"));
    expect(expected.readInt32BE(at - 4)).toBe(8);
  });
});
