// Reads just enough decoded text to hold the header line (and an Excel "sep=;" hint line before it),
// keeping what was read so it can be replayed into the CSV parser.
export const MAX_HEADER_CHARS = 64 * 1024;

export interface LeadingText {
  /** Everything consumed from the iterator so far; replay it before the rest. */
  consumed: string;
  /** The first physical lines (without their line breaks), at most `lineCount`. */
  lines: string[];
  /** True when the text had no line break within MAX_HEADER_CHARS. */
  tooLong: boolean;
}

function splitLeadingLines(text: string, lineCount: number): string[] | undefined {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < lineCount) {
    const match = /\r\n|\r|\n/.exec(text.slice(start));
    if (!match) return undefined;
    // A lone "\r" at the very end may be the first half of "\r\n": wait for the next chunk.
    if (match[0] === "\r" && start + match.index + 1 === text.length) return undefined;
    lines.push(text.slice(start, start + match.index));
    start += match.index + match[0].length;
  }
  return lines;
}

export async function readLeadingLines(chunks: AsyncIterator<string>, lineCount: number): Promise<LeadingText> {
  let consumed = "";
  for (;;) {
    const lines = splitLeadingLines(consumed, lineCount);
    if (lines) return { consumed, lines, tooLong: false };
    if (consumed.length > MAX_HEADER_CHARS) return { consumed, lines: [], tooLong: true };
    const next = await chunks.next();
    if (next.done) {
      // No more line breaks: the last line runs to the end of the text.
      const all = consumed.split(/\r\n|\r|\n/);
      return { consumed, lines: all.slice(0, lineCount), tooLong: false };
    }
    consumed += next.value;
  }
}
