// Feeds hundreds of damaged files to the parser. Whatever the damage, the parser must answer with a
// declared file error or with rows, never crash; every rejected row must say where and why.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createRandom, MUTATION_KINDS, mutateCsv } from "./fuzz-mutations";
import { openTableStream } from "./parse-table-stream";
import { ImportFileError, ROW_ERROR_CODES, ROW_FLAG_CODES, type RowResult } from "./types";

const FIXTURES = path.resolve(import.meta.dirname, "../../../tests/fixtures/import");
const bases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".csv"))
  .sort()
  .map((name) => ({ name, bytes: readFileSync(path.join(FIXTURES, name)) }));
const FILES_PER_BASE = 60;
const errorCodes = new Set<string>(ROW_ERROR_CODES);
const flagCodes = new Set<string>(ROW_FLAG_CODES);

async function parseFully(bytes: Buffer) {
  // Small uneven chunks, so that fields, characters and line breaks get cut across chunk borders.
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 777) chunks.push(bytes.subarray(i, i + 777));
  const opened = await openTableStream(Readable.from(chunks), { maxDate: "2026-12-31" });
  if (!opened.ok) return { fileError: opened.error, rows: [] as RowResult<unknown>[], stats: undefined };
  const rows: RowResult<unknown>[] = [];
  for await (const row of opened.rows as AsyncIterable<RowResult<unknown>>) rows.push(row);
  return { fileError: undefined, rows, stats: opened.stats, headerLine: opened.headerLine };
}

describe("fixtures", () => {
  it.each(bases.map((b) => [b.name, b.bytes] as const))("%s parses with zero rejected rows", async (_name, bytes) => {
    const { fileError, stats } = await parseFully(bytes);
    expect(fileError).toBeUndefined();
    expect(stats).toMatchObject({ rejected: 0, flagged: 0 });
    expect(stats!.dataRows).toBeGreaterThan(3);
  });
});

describe("fuzz", () => {
  it("mutations are reproducible from their seed", () => {
    const base = bases[0].bytes;
    expect(mutateCsv(base, 42).bytes.equals(mutateCsv(base, 42).bytes)).toBe(true);
    expect(createRandom(7)()).toBe(createRandom(7)());
  });

  it(`survives ${bases.length * FILES_PER_BASE} mutated files`, async () => {
    const seenKinds = new Set<string>();
    const outcomes = { fileErrors: 0, rejectedRows: 0, acceptedRows: 0 };
    for (const [baseIndex, base] of bases.entries()) {
      for (let i = 0; i < FILES_PER_BASE; i++) {
        const seed = baseIndex * 1000 + i;
        const { bytes, applied } = mutateCsv(base.bytes, seed);
        applied.forEach((k) => seenKinds.add(k));
        const context = `${base.name} seed ${seed} (${applied.join(", ")})`;
        let result;
        try {
          result = await parseFully(bytes);
        } catch (error) {
          // The only admissible throw is a declared file error; none is expected from in-memory bytes.
          expect.fail(`${context}: ${error instanceof ImportFileError ? "ImportFileError" : "unexpected exception"}: ${String(error)}`);
        }
        if (result.fileError) {
          outcomes.fileErrors++;
          expect(result.fileError.message.length, context).toBeGreaterThan(10);
          continue;
        }
        let previousLine = 0;
        for (const row of result.rows) {
          expect(row.line, context).toBeGreaterThan(Math.max(previousLine, result.headerLine ?? 1));
          previousLine = row.line;
          if (row.ok) {
            outcomes.acceptedRows++;
            for (const flag of row.flags) expect(flagCodes.has(flag.code), context).toBe(true);
            continue;
          }
          outcomes.rejectedRows++;
          expect(row.errors.length, context).toBeGreaterThan(0);
          for (const error of row.errors) {
            expect(error.line, context).toBe(row.line);
            expect(error.column, context).toMatch(/\S/);
            expect(errorCodes.has(error.code), `${context}: code ${error.code}`).toBe(true);
            expect(error.message, context).toMatch(/\S{3}/);
            expect(Array.isArray(error.raw), context).toBe(true);
          }
        }
        const stats = result.stats!;
        expect(stats.accepted + stats.flagged + stats.rejected, context).toBe(stats.dataRows);
        expect(stats.dataRows, context).toBe(result.rows.length);
      }
    }
    // The run exercised every kind of damage and produced all three outcomes.
    expect([...seenKinds].sort()).toEqual([...MUTATION_KINDS].sort());
    expect(outcomes.fileErrors).toBeGreaterThan(0);
    expect(outcomes.rejectedRows).toBeGreaterThan(0);
    expect(outcomes.acceptedRows).toBeGreaterThan(0);
  });
});
