import { describe, expect, it } from "vitest";
import { createSalesLineKeyer, salesLineKey, type SalesLineIdentity } from "./sales-line-key";

const line = (over: Partial<SalesLineIdentity> = {}): SalesLineIdentity => ({
  invoiceNumber: "3910000001",
  date: "2024-01-04",
  clientId: "90001",
  productId: "701",
  units: 4,
  valueCents: 28467,
  ...over,
});

describe("salesLineKey", () => {
  it("is a pinned SHA-1 of the documented text", () => {
    // sha1("sdl1|3910000001|2024-01-04|90001|701|4|28467|1"), computed independently with `sha1sum`.
    expect(salesLineKey(line(), 1)).toBe("c2cfda0e2271944dda19f208d9ecf2fca529802b");
  });
  it("changes with every field of the line and with the occurrence", () => {
    const base = salesLineKey(line(), 1);
    const variants = [
      line({ invoiceNumber: "3910000002" }),
      line({ date: "2024-01-05" }),
      line({ clientId: "90002" }),
      line({ productId: "702" }),
      line({ units: 5 }),
      line({ valueCents: 28468 }),
    ].map((l) => salesLineKey(l, 1));
    expect(new Set([base, ...variants, salesLineKey(line(), 2)]).size).toBe(8);
  });
});

describe("createSalesLineKeyer", () => {
  it("numbers exact repeats within an invoice so both lines survive a re-import", () => {
    const keyer = createSalesLineKeyer();
    const first = keyer(line());
    const repeat = keyer(line());
    expect(first).toBe(salesLineKey(line(), 1));
    expect(repeat).toBe(salesLineKey(line(), 2));
  });
  it("gives the same keys when the same lines are re-read, or read from an overlapping export", () => {
    const january = [line(), line({ productId: "702" }), line()];
    const february = [line({ invoiceNumber: "3910000009", date: "2024-02-01" })];
    const keysOf = (lines: SalesLineIdentity[]) => {
      const keyer = createSalesLineKeyer();
      return lines.map(keyer);
    };
    const whole = keysOf([...january, ...february]);
    expect(keysOf([...january, ...february])).toEqual(whole);
    expect(keysOf(february)).toEqual(whole.slice(3)); // a later export starting in February
    expect(keysOf(january)).toEqual(whole.slice(0, 3));
  });
  it("remembers at least its window of recent lines and forgets older ones", () => {
    const keyer = createSalesLineKeyer(2);
    for (const invoiceNumber of ["1", "2", "3"]) keyer(line({ invoiceNumber }));
    // Invoice 2 is among the last two: a repeat of it is numbered 2.
    expect(keyer(line({ invoiceNumber: "2" }))).toBe(salesLineKey(line({ invoiceNumber: "2" }), 2));
    for (const invoiceNumber of ["4", "5"]) keyer(line({ invoiceNumber }));
    // Invoice 1 was evicted: a repeat of it counts from 1 again (documented limit).
    expect(keyer(line({ invoiceNumber: "1" }))).toBe(salesLineKey(line({ invoiceNumber: "1" }), 1));
  });
  it("numbers a third repeat 3, even with other lines in between", () => {
    const keyer = createSalesLineKeyer();
    keyer(line());
    keyer(line({ productId: "702" }));
    keyer(line());
    expect(keyer(line())).toBe(salesLineKey(line(), 3));
  });
});
