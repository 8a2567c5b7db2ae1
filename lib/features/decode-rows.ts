// pg rows (array mode) → keys and row-major Float32Arrays. Columns 0 and 1 are client_id and
// family_code; the numbers come packed, one bytea per row (see float8-columns.ts).
import type { FeatureKey } from "./types";

const FLOAT8_OID = 701;
const HEADER_BYTES = 20; // ndim, has-null flag, element type, then length and lower bound of the one dimension

export function decodeKeys(rows: unknown[][]): FeatureKey[] {
  return rows.map((row) => ({ clientId: row[0] as number, familyCode: row[1] as string }));
}

/** The binary send format of a one-dimensional float8[] of `width` elements into `target` from `at`; NULL → NaN. */
export function unpackFloat8Array(packed: Buffer, width: number, target: Float32Array, at: number): void {
  if (packed.readInt32BE(0) !== 1 || packed.readInt32BE(8) !== FLOAT8_OID || packed.readInt32BE(12) !== width) {
    throw new Error(`Expected a float8[] of ${width} elements from PostgreSQL`);
  }
  let p = HEADER_BYTES;
  for (let j = 0; j < width; j++) {
    const length = packed.readInt32BE(p);
    p += 4;
    if (length < 0) {
      target[at + j] = NaN;
    } else {
      target[at + j] = packed.readDoubleBE(p);
      p += length;
    }
  }
}

/** Column `column` (packed, `width` wide) of every row into the row-major `target`, starting at row `rowOffset`. */
export function unpackColumn(rows: unknown[][], column: number, width: number, target: Float32Array, rowOffset = 0): void {
  for (let i = 0; i < rows.length; i++) unpackFloat8Array(rows[i][column] as Buffer, width, target, (rowOffset + i) * width);
}
