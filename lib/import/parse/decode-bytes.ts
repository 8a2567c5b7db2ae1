// Turns a stream of bytes into a stream of text, deciding the encoding on the way without ever
// holding more than a small window: ASCII passes straight through (it reads the same in every
// candidate encoding), and a 4 KiB window from the first non-ASCII byte decides between UTF-8 and
// Windows-1252.
// Once decided, bytes that do not fit (a cp1252 "ñ" inside a UTF-8 file) become U+FFFD, which the
// row validators report as an encoding error on that row rather than failing the file.
import iconv from "iconv-lite";
import { detectBom, detectBomlessUtf16, firstNonAsciiIndex, looksBinary, looksLikeUtf8 } from "./detect-encoding";
import { ImportFileError, type DetectedEncoding } from "./types";

const SNIFF_BYTES = 8192;
const UTF8_WINDOW = 4096;

export interface DecodeState {
  /** Meaningful once `decided`; ASCII-only files end up "utf-8". */
  encoding: DetectedEncoding;
  bom: boolean;
  decided: boolean;
}

const ICONV_NAMES: Record<DetectedEncoding, string> = {
  "utf-8": "utf8",
  "windows-1252": "windows-1252",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
};

function toBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Decodes `source`; `state` is filled in as soon as the encoding is known. Throws ImportFileError
 * "binary_file" when the first bytes are not text at all (a spreadsheet uploaded by mistake).
 */
export async function* decodeBytes(source: AsyncIterable<Uint8Array | string>, state: DecodeState): AsyncGenerator<string> {
  let pending: Buffer = Buffer.alloc(0);
  let sniffed = false;
  let decoder: ReturnType<typeof iconv.getDecoder> | undefined;

  const decide = (encoding: DetectedEncoding, bom: boolean) => {
    state.encoding = encoding;
    state.bom = bom;
    state.decided = true;
    decoder = iconv.getDecoder(ICONV_NAMES[encoding], { stripBOM: false });
  };

  // Returns the text that can be released now; keeps undecided bytes in `pending`.
  const advance = (atEnd: boolean): string => {
    if (!sniffed) {
      if (pending.length < SNIFF_BYTES && !atEnd) return "";
      sniffed = true;
      const bom = detectBom(pending);
      if (bom) {
        decide(bom.encoding, true);
        const rest = pending.subarray(bom.bomLength);
        pending = Buffer.alloc(0);
        return decoder!.write(rest);
      }
      const utf16 = detectBomlessUtf16(pending);
      if (utf16) {
        decide(utf16, false);
        const all = pending;
        pending = Buffer.alloc(0);
        return decoder!.write(all);
      }
      if (looksBinary(pending)) {
        throw new ImportFileError("binary_file", "El archivo no es un CSV de texto (contiene bytes binarios). ¿Se ha subido un Excel (.xlsx) en lugar de exportarlo a CSV?");
      }
    }
    const firstHigh = firstNonAsciiIndex(pending);
    if (firstHigh < 0) {
      // Pure ASCII so far: identical in every candidate encoding, release it and keep looking.
      const text = pending.toString("latin1");
      pending = Buffer.alloc(0);
      return text;
    }
    if (pending.length - firstHigh < UTF8_WINDOW && !atEnd) return "";
    decide(looksLikeUtf8(pending.subarray(firstHigh, firstHigh + UTF8_WINDOW)) ? "utf-8" : "windows-1252", false);
    const all = pending;
    pending = Buffer.alloc(0);
    return decoder!.write(all);
  };

  for await (const chunk of source) {
    const bytes = toBuffer(chunk);
    if (decoder) {
      const text = decoder.write(bytes);
      if (text) yield text;
      continue;
    }
    pending = pending.length ? Buffer.concat([pending, bytes]) : bytes;
    const text = advance(false);
    if (text) yield text;
  }
  if (!decoder) {
    const text = advance(true);
    if (text) yield text;
  }
  if (!decoder) decide("utf-8", false); // empty or all-ASCII
  const tail = decoder!.end();
  if (tail) yield tail;
}
