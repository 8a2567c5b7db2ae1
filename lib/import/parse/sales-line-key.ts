// Identity of a sales line, so that re-uploading a file, or a file whose period overlaps one already
// imported, updates nothing and duplicates nothing.
//
// The export has no line number, so a line is identified by its content:
//   key = hex SHA-1 of "sdl1|<invoice>|<date>|<client>|<product>|<units>|<valueCents>|<occurrence>"
// where ids are digit strings without leading zeros, the date is ISO YYYY-MM-DD, units an integer,
// the value integer hundredths (so "1.427,63" in the original format and "1427.63" in the canonical
// one give the same key), and occurrence is 1 for the first line with that exact content within the
// invoice, 2 for an exact repeat of it, and so on. An ERP correction arrives as a new line (a price
// correction or a return), never as an edit, so content addressing loses nothing.
//
// The occurrence is found by looking the key up among the keys of the last WINDOW_LINES lines read:
// if "occurrence 1" was already given, the line is an exact repeat and tries 2, and so on. Only a
// 52-bit fingerprint of each recent key is kept (about 24 bytes a line in typed arrays, 12 MB for
// the default window: fingerprint-window.ts), so memory stays bounded whatever the file size.
// Exact repeats sit close together in any export (they share invoice, date, client and product,
// whatever the sort order), far within the window; a repeat more than WINDOW_LINES lines after its
// twin would get the same key and be merged with it. Fingerprints are 52 bits, so two different
// lines colliding within one window has a probability of about 3·10⁻⁵ per 500,000 lines; even then
// the keys stay deterministic for the same file.
import { hash } from "node:crypto";
import { FingerprintWindow } from "./fingerprint-window";

export interface SalesLineIdentity {
  invoiceNumber: string;
  date: string;
  clientId: string;
  productId: string;
  units: number;
  valueCents: number;
}

export const WINDOW_LINES = 500_000;

/** The key of a line given its occurrence number (1 for the first exact copy within its invoice). */
export function salesLineKey(line: SalesLineIdentity, occurrence: number): string {
  const text = `sdl1|${line.invoiceNumber}|${line.date}|${line.clientId}|${line.productId}|${line.units}|${line.valueCents}|${occurrence}`;
  // One-shot hash: half the cost of a createHash object per line (UTF-8, like Hash.update).
  return hash("sha1", text, "hex");
}

/** Returns a function that keys the lines of one file in file order, numbering exact repeats. */
export function createSalesLineKeyer(windowLines = WINDOW_LINES): (line: SalesLineIdentity) => string {
  const recent = new FingerprintWindow(windowLines);
  return (line) => {
    for (let occurrence = 1; ; occurrence++) {
      const key = salesLineKey(line, occurrence);
      // The first 13 hex digits (52 bits), read in two parts that each fit a small integer.
      const fingerprint = parseInt(key.slice(0, 5), 16) * 0x1_0000_0000 + parseInt(key.slice(5, 13), 16);
      if (recent.has(fingerprint)) continue;
      recent.add(fingerprint);
      return key;
    }
  };
}
