// What a sales line means for demand. Precedence, first match wins:
//   1. units = 0 and value = 0  → "empty": an annulled line. Kept and flagged, not rejected: it is a
//      real line of the ERP (the real table has a few hundred), carries no demand, and rejecting it
//      would make every clean export look faulty.
//   2. units = 0, value ≠ 0     → "price_correction": a price adjustment on an earlier invoice, even
//      when negative (a credit), because no product moved.
//   3. units < 0 or value < 0   → "return" (a negative value with positive units is still money
//      going back to the client).
//   4. value = 0 (units > 0)    → "zero_value_replacement": free replacement of damaged goods, not demand.
//   5. otherwise                → "purchase" (units > 0 and value > 0).
import type { SalesLineKind } from "./types";

export function classifySalesLine(line: { units: number; valueCents: number }): SalesLineKind {
  const { units, valueCents } = line;
  if (units === 0 && valueCents === 0) return "empty";
  if (units === 0) return "price_correction";
  if (units < 0 || valueCents < 0) return "return";
  if (valueCents === 0) return "zero_value_replacement";
  return "purchase";
}

/** A purchase is the only kind that counts as demand. */
export function isDemand(kind: SalesLineKind): boolean {
  return kind === "purchase";
}
