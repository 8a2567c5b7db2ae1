// A seeded file mutator for fuzzing the importer: it damages a valid CSV the ways real uploads get
// damaged (cut transfers, a column deleted in Excel, dates typed by hand, the wrong "Save as"
// encoding, formulas, stray quotes, bit rot, a binary uploaded by mistake). Same seed, same damage,
// so a failing case can be replayed from its seed alone.
import iconv from "iconv-lite";

export const MUTATION_KINDS = [
  "truncate_file",
  "truncate_row",
  "wrong_type",
  "bad_date",
  "reencode",
  "huge_field",
  "formula_cell",
  "stray_quote",
  "byte_flip",
  "drop_column",
  "duplicate_column",
  "binary_garbage",
  "blank_rows",
  "change_separator",
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface MutatedFile {
  bytes: Buffer;
  applied: MutationKind[];
}

/** mulberry32: tiny, fast, good enough for test inputs, and identical on every platform. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const intBetween = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

// The mutator works on lines and naive comma fields on purpose: it is meant to break CSV structure,
// not to respect it.
function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

function mutateRandomField(lines: string[], random: Random, replace: (field: string) => string): string[] {
  if (lines.length < 2) return lines;
  const index = intBetween(random, 1, lines.length - 1);
  const fields = lines[index].split(",");
  const column = intBetween(random, 0, fields.length - 1);
  fields[column] = replace(fields[column]);
  const out = [...lines];
  out[index] = fields.join(",");
  return out;
}

const WRONG_VALUES = ["abc", "12,5,7", "N/A", "#¡VALOR!", "1e309", "-", "0x1F", "NaN", "  ", "1.2.3", "９９"];
const BAD_DATES = ["2/30/2024", "13/45/2024", "2024-13-01", "45292", "0/0/0000", "12/31/1899", "1/1/2099", "31/12/2024", "mañana"];
const FORMULAS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A9)", "=HYPERLINK(\"http://x\")", "\t=1"];

function mutateText(text: string, kind: MutationKind, random: Random): string | Buffer {
  const lines = splitLines(text);
  switch (kind) {
    case "truncate_file":
      return text.slice(0, intBetween(random, 0, text.length));
    case "truncate_row":
      return mutateRandomRow(lines, random, (line) => line.slice(0, intBetween(random, 0, line.length))).join("\n");
    case "wrong_type":
      return mutateRandomField(lines, random, () => pick(random, WRONG_VALUES)).join("\n");
    case "bad_date":
      return mutateRandomField(lines, random, () => pick(random, BAD_DATES)).join("\n");
    case "huge_field":
      return mutateRandomField(lines, random, () => "x".repeat(intBetween(random, 1_001, 200_000))).join("\n");
    case "formula_cell":
      return mutateRandomField(lines, random, () => pick(random, FORMULAS)).join("\n");
    case "stray_quote": {
      const at = intBetween(random, 0, text.length);
      return `${text.slice(0, at)}"${text.slice(at)}`;
    }
    case "drop_column":
    case "duplicate_column": {
      const column = intBetween(random, 0, 5);
      const headerOnly = random() < 0.3;
      return lines
        .map((line, i) => {
          if (headerOnly && i > 0) return line;
          const fields = line.split(",");
          if (column >= fields.length) return line;
          if (kind === "drop_column") fields.splice(column, 1);
          else fields.splice(column, 0, fields[column]);
          return fields.join(",");
        })
        .join("\n");
    }
    case "blank_rows":
      return `${text}${pick(random, ["\n\n\n", ",,,,,\n,,,,,\n", "\r\n\r\n", "\n   \n"])}`;
    case "change_separator":
      return text.replace(/,/g, pick(random, [";", "\t", "|"]));
    default:
      return text;
  }
}

function mutateRandomRow(lines: string[], random: Random, change: (line: string) => string): string[] {
  if (lines.length < 2) return lines;
  const index = intBetween(random, 1, lines.length - 1);
  const out = [...lines];
  out[index] = change(out[index]);
  return out;
}

function mutateBytes(bytes: Buffer, kind: MutationKind, random: Random): Buffer {
  switch (kind) {
    case "reencode": {
      const text = bytes.toString("utf8");
      const target = pick(random, ["windows-1252", "utf-16le", "mojibake", "bom", "mixed"] as const);
      if (target === "bom") return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
      if (target === "mojibake") return Buffer.from(iconv.decode(bytes, "windows-1252"), "utf8");
      if (target === "mixed") {
        const at = intBetween(random, 0, bytes.length);
        return Buffer.concat([bytes.subarray(0, at), iconv.encode("Álava ñ", "windows-1252"), bytes.subarray(at)]);
      }
      return iconv.encode(text, target);
    }
    case "byte_flip": {
      const out = Buffer.from(bytes);
      const flips = intBetween(random, 1, 20);
      for (let i = 0; i < flips && out.length; i++) out[intBetween(random, 0, out.length - 1)] ^= 1 << intBetween(random, 0, 7);
      return out;
    }
    case "binary_garbage": {
      const garbage = Buffer.alloc(intBetween(random, 1, 4096));
      for (let i = 0; i < garbage.length; i++) garbage[i] = intBetween(random, 0, 255);
      if (random() < 0.3) return garbage; // a binary file instead of a CSV
      const at = intBetween(random, 0, bytes.length);
      return Buffer.concat([bytes.subarray(0, at), garbage, bytes.subarray(at)]);
    }
    default:
      return bytes;
  }
}

const BYTE_LEVEL = new Set<MutationKind>(["reencode", "byte_flip", "binary_garbage"]);

/**
 * Applies 1–`maxMutations` random mutations (or the `kinds` given, in order) to a valid CSV.
 * Text-level mutations run on the UTF-8 text; byte-level ones (encodings, flips, garbage) after.
 */
export function mutateCsv(input: string | Buffer, seed: number, options: { maxMutations?: number; kinds?: MutationKind[] } = {}): MutatedFile {
  const random = createRandom(seed);
  const kinds = options.kinds ?? Array.from({ length: intBetween(random, 1, options.maxMutations ?? 3) }, () => pick(random, MUTATION_KINDS));
  let text = typeof input === "string" ? input : input.toString("utf8");
  let bytes: Buffer | undefined;
  for (const kind of kinds.filter((k) => !BYTE_LEVEL.has(k))) {
    const out = mutateText(text, kind, random);
    text = typeof out === "string" ? out : out.toString("utf8");
  }
  bytes = Buffer.from(text, "utf8");
  for (const kind of kinds.filter((k) => BYTE_LEVEL.has(k))) bytes = mutateBytes(bytes, kind, random);
  return { bytes, applied: kinds };
}
