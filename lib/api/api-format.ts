// What the CRM endpoints share: the opaque keyset cursor, the page size, JSON or CSV, and 400s that
// say which parameter was wrong.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { escapeCsvCell } from "@/lib/import/parse/cell-safety";

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** The cursor is the last row's sort key, base64url-encoded JSON; clients pass it back untouched. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): unknown[] | null {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return Array.isArray(key) ? key : null;
  } catch {
    return null;
  }
}

/** `?format=csv`, or `Accept: text/csv` without an explicit `?format=json`. */
export function wantsCsv(request: Request): boolean {
  const format = new URL(request.url).searchParams.get("format");
  if (format) return format.toLowerCase() === "csv";
  return /\btext\/csv\b/i.test(request.headers.get("accept") ?? "");
}

export type CsvValue = string | number | boolean | null | undefined;

/**
 * RFC 4180 CSV (comma, CRLF, UTF-8). Text cells go through escapeCsvCell, so a value such as
 * `=HYPERLINK(…)` arrives in Excel as text, never as a formula. Numbers are written as they are.
 */
export function toCsv(columns: readonly string[], rows: readonly CsvValue[][]): string {
  const cell = (value: CsvValue) => {
    if (value === null || value === undefined) return "";
    if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
    if (typeof value === "boolean") return value ? "true" : "false";
    // Quotes a cell holding a comma, semicolon, quote or line break; neutralises formula starts.
    return escapeCsvCell(value);
  };
  return [columns.map(cell), ...rows.map((row) => row.map(cell))].map((line) => line.join(",")).join("\r\n") + "\r\n";
}

export interface ApiPage<T> {
  data: T[];
  nextCursor: string | null;
}

/** The page as JSON (`{ data, nextCursor }`) or CSV (the cursor in `X-Next-Cursor` and a `Link` header). */
export function respondWithPage<T>(
  request: Request,
  page: ApiPage<T>,
  csv: { columns: readonly string[]; row: (item: T) => CsvValue[]; fileName: string },
  /** Page-level facts (the scores' as-of date): JSON fields, and `X-<Name>` headers in CSV. */
  meta: Record<string, string | null> = {},
): Response {
  const next = page.nextCursor ? nextUrl(request, page.nextCursor) : null;
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (next) headers.link = `<${next}>; rel="next"`;
  if (!wantsCsv(request)) return NextResponse.json({ ...meta, data: page.data, nextCursor: page.nextCursor, next }, { headers });
  for (const [name, value] of Object.entries(meta)) if (value !== null) headers[`x-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`] = value;
  if (page.nextCursor) headers["x-next-cursor"] = page.nextCursor;
  return new NextResponse(toCsv(csv.columns, page.data.map(csv.row)), {
    headers: { ...headers, "content-type": "text/csv; charset=utf-8; header=present", "content-disposition": `attachment; filename="${csv.fileName}"` },
  });
}

function nextUrl(request: Request, cursor: string): string {
  const url = new URL(request.url);
  url.searchParams.set("cursor", cursor);
  return url.pathname + url.search;
}

/** 400 with the offending parameters, from a failed zod parse. */
export function invalidQuery(error: z.ZodError): Response {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return NextResponse.json({ error: "invalid_query", message: "Some query parameters are not valid.", fieldErrors }, { status: 400 });
}

/** The query string as a plain object; a repeated parameter keeps its last value, `a,b` lists stay text. */
export function searchParamsObject(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries());
}
