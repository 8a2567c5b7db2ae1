// Deciding how a CSV's bytes are encoded. Spanish Excel writes either UTF-8 (often with a BOM) or
// Windows-1252; "Unicode text" exports are UTF-16. A strict UTF-8 check is decisive between the first
// two: a cp1252 accented letter followed by ASCII is never a valid UTF-8 sequence, so the first
// non-ASCII bytes settle it. chardet's statistical guess adds nothing for a two-way choice like this.
import type { DetectedEncoding } from "./types";

export interface BomDetection {
  encoding: DetectedEncoding;
  bomLength: number;
}

export function detectBom(bytes: Uint8Array): BomDetection | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  return undefined;
}

/**
 * UTF-16 without a BOM shows as NUL bytes at every other position of ASCII text; returns the byte
 * order when at least 90 % of the sampled pairs look like that.
 */
export function detectBomlessUtf16(sample: Uint8Array): DetectedEncoding | undefined {
  const pairs = Math.floor(Math.min(sample.length, 4096) / 2);
  if (pairs < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0 && sample[2 * i + 1] !== 0) evenZero++;
    if (sample[2 * i + 1] === 0 && sample[2 * i] !== 0) oddZero++;
  }
  if (oddZero >= pairs * 0.9) return "utf-16le";
  if (evenZero >= pairs * 0.9) return "utf-16be";
  return undefined;
}

const BINARY_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04], // zip: .xlsx, .ods
  [0xd0, 0xcf, 0x11, 0xe0], // OLE2: legacy .xls
  [0x25, 0x50, 0x44, 0x46], // %PDF
];

/**
 * A spreadsheet, zip or PDF uploaded instead of a CSV. A few stray NUL or control bytes inside a
 * text file do not make it binary: those rows are rejected one by one, the rest is still read.
 */
export function looksBinary(sample: Uint8Array): boolean {
  if (BINARY_SIGNATURES.some((sig) => sig.every((byte, i) => sample[i] === byte))) return true;
  const end = Math.min(sample.length, 8192);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const byte = sample[i];
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control++;
  }
  return end > 0 && control / end > 0.05;
}

export function firstNonAsciiIndex(bytes: Uint8Array, from = 0): number {
  for (let i = from; i < bytes.length; i++) if (bytes[i] >= 0x80) return i;
  return -1;
}

/**
 * Whether the bytes are valid UTF-8, tolerating a multi-byte sequence cut at the end of the sample
 * (the sample is a window of a stream, the rest of the character may be in the next chunk).
 */
export function isValidUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Counts well-formed multi-byte UTF-8 characters and bytes that cannot start or continue one. A
 * UTF-8 file with one stray cp1252 byte still has mostly well-formed characters; a cp1252 file has
 * essentially none (an accented letter is followed by ASCII, never by continuation bytes).
 */
export function countUtf8Evidence(bytes: Uint8Array): { wellFormed: number; malformed: number } {
  let wellFormed = 0;
  let malformed = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) {
      malformed++;
      i++;
      continue;
    }
    if (i + length > bytes.length) break; // cut by the end of the window: no evidence either way
    let valid = true;
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) valid = false;
    if (valid) {
      wellFormed++;
      i += length;
    } else {
      malformed++;
      i++;
    }
  }
  return { wellFormed, malformed };
}

/** UTF-8 when the window's well-formed characters outnumber its malformed bytes. */
export function looksLikeUtf8(window: Uint8Array): boolean {
  if (isValidUtf8Prefix(window)) return true;
  const { wellFormed, malformed } = countUtf8Evidence(window);
  return wellFormed > malformed;
}
