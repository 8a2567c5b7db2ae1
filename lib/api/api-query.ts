// Query-string parsing shared by the CRM endpoints: comma lists of enum values, page size, cursor.
import { z } from "zod";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./api-format";

/** `a,b,c` → ["a","b","c"] validated against the allowed values (case-insensitive). */
export function enumList<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((text) => text.split(",").map((item) => item.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.enum(values, { error: `Allowed values: ${values.join(", ")}` })).min(1).max(values.length));
}

/** `a,b` → ["A","B"], each matching the pattern (family codes, province codes). */
export function codeList(pattern: RegExp, message: string) {
  return z
    .string()
    .transform((text) => text.split(",").map((item) => item.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(pattern, message)).min(1).max(60));
}

export const pageSize = z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE);

export const probability = z.coerce.number().min(0).max(1);

/** An ISO date-time (with offset or Z) or a date (midnight UTC), as a Date. */
export const instant = z
  .string()
  .refine((text) => /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(text) && !Number.isNaN(Date.parse(text)), {
    message: "Use an ISO 8601 date (2025-06-01) or date-time with a zone (2025-06-01T08:00:00Z).",
  })
  .transform((text) => new Date(text));

export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD.")
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)), "Not a calendar date.");

/** Collects positional parameters while a query's text is written. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
