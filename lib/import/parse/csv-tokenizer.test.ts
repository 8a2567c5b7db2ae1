// The simple-line fast path must be invisible: on any text, cut anywhere, the tokenizer gives the
// records, skipped records, line counts and errors that csv-parse alone gives.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CsvTokenizer } from "./csv-tokenizer";
import { createRandom, mutateCsv } from "./fuzz-mutations";

const FIXTURES = path.resolve(import.meta.dirname, "../../../tests/fixtures/import");
const OPTIONS = { relax_quotes: true, relax_column_count: true, skip_records_with_error: true, max_record_size: 1 << 20 };

/** A record's text without its terminating line break (csv-parse keeps only the CR of a CRLF). */
const body = (raw: string) => raw.replace(/(\r\n|\r|\n)$/, "");

function tokenize(text: string, delimiter: string, simpleLines: boolean, cuts: number[]) {
  const skipped: unknown[] = [];
  const tokenizer = new CsvTokenizer({ delimiter, ...OPTIONS }, (error, raw, lines) => skipped.push([error?.code, raw, lines]), simpleLines);
  const records: unknown[] = [];
  let error: string | undefined;
  try {
    let at = 0;
    for (const cut of [...cuts, text.length]) {
      for (const r of tokenizer.write(text.slice(at, cut))) records.push([r.fields, body(r.raw), r.lines]);
      at = cut;
    }
    for (const r of tokenizer.end()) records.push([r.fields, body(r.raw), r.lines]);
  } catch (e) {
    error = (e as { code?: string }).code ?? String(e);
  }
  return { records, skipped, error };
}

function expectSameAsCsvParse(text: string, delimiter: string, seed: number) {
  const random = createRandom(seed);
  const cuts = Array.from({ length: 1 + Math.floor(random() * 6) }, () => Math.floor(random() * text.length)).sort((a, b) => a - b);
  expect(tokenize(text, delimiter, true, cuts), `seed ${seed}`).toEqual(tokenize(text, delimiter, false, cuts));
}

describe("CsvTokenizer", () => {
  it("reads simple lines itself and hands the rest to csv-parse from the first line that is not", () => {
    const text = 'a,b\r\n1,"2,5"\r\n\r\n,\r\nx"y,z\r\n"q\r\nr",s\r\nlast';
    const skipped: unknown[] = [];
    const tokenizer = new CsvTokenizer({ delimiter: ",", ...OPTIONS }, (e, raw, lines) => skipped.push([e?.code, raw, lines]));
    const records = [...tokenizer.write(text), ...tokenizer.end()].map((r) => [r.fields, r.lines]);
    expect(records).toEqual([
      [["a", "b"], 1],
      [["1", "2,5"], 2],
      [[""], 3],
      [["", ""], 4],
      [['x"y', "z"], 5],
      [["q\r\nr", "s"], 8], // csv-parse counts a CRLF inside quotes as two lines
      [["last"], 9],
    ]);
    expect(skipped).toEqual([]);
  });

  it("gives what csv-parse gives on hand-picked awkward texts, cut anywhere", () => {
    const texts = [
      "a,b\rc,d\r", // old Mac line breaks
      "a,b\nc,d\r\ne,f\n", // LF file with a stray CRLF
      "a,b\r\nc,d\ne,f\r\n", // CRLF file with a stray LF
      '\n\na,"b""c",d\n"unclosed,e\nf,g\n',
      'h\r\n"",x\r\n"a"b,c\r\n',
      "",
      "only",
      "x,\r",
      `h\n${"y".repeat(70_000)},z\nend\n`,
    ];
    texts.forEach((text, i) => {
      for (let seed = 1; seed <= 20; seed++) expectSameAsCsvParse(text, ",", i * 100 + seed);
    });
  });

  it("gives what csv-parse gives on hundreds of damaged exports", () => {
    const bases = readdirSync(FIXTURES).filter((f) => f.endsWith(".csv")).sort();
    let seed = 0;
    for (const name of bases) {
      const bytes = readFileSync(path.join(FIXTURES, name));
      for (let i = 0; i < 40; i++) {
        seed++;
        const mutated = mutateCsv(bytes, seed).bytes.toString("latin1");
        for (const delimiter of [",", ";", "\t"]) expectSameAsCsvParse(mutated, delimiter, seed);
      }
    }
  });
});
