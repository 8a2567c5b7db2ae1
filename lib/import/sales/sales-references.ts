// What a sales file's lines are resolved against, read once per file inside its transaction (after
// the import lock, so no other import changes it meanwhile): products and their families, clients,
// campaign windows, and the dates that already have lines.
import type { PoolClient } from "pg";

export interface ProductRef {
  id: number;
  /** `id\tfamily\t`, ready for a COPY line. */
  copyText: string;
  /** The family's place among all families (lines are written in client × family order). */
  familyRank: number;
  used: boolean;
}

export interface ClientRef {
  id: number;
  /** `id\t`, ready for a COPY line. */
  copyText: string;
  registered: boolean;
  used: boolean;
}

export interface SalesReferences {
  products: Map<string, ProductRef>;
  familyCount: number;
  clients: Map<string, ClientRef>;
  campaigns: { startsOn: string; endsOn: string }[];
  /** ISO dates that had sales lines before this file: only their lines can already be there. */
  datesWithLines: Set<string>;
}

/** A value from the database inside COPY text (codes like "C1" never need it; a guard, not a path). */
function copyEscape(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

export function clientRef(id: number, registered: boolean): ClientRef {
  return { id, copyText: `${id}\t`, registered, used: false };
}

export async function loadSalesReferences(client: PoolClient): Promise<SalesReferences> {
  const products = await client.query<{ id: number; external_id: string; family_code: string }>(
    "SELECT id, external_id, family_code FROM product",
  );
  const clients = await client.query<{ id: number; external_id: string; registered: boolean }>(
    "SELECT id, external_id, registered FROM client",
  );
  const campaigns = await client.query<{ starts_on: string; ends_on: string }>(
    "SELECT starts_on::text, ends_on::text FROM campaign",
  );
  // The distinct dates by skipping through the date index (a loose index scan): one probe per date
  // (a few thousand), not a read of every line.
  const dates = await client.query<{ date: string }>(`
    WITH RECURSIVE d AS (
      (SELECT date FROM sales_line ORDER BY date LIMIT 1)
      UNION ALL
      SELECT (SELECT s.date FROM sales_line s WHERE s.date > d.date ORDER BY s.date LIMIT 1) FROM d WHERE d.date IS NOT NULL
    )
    SELECT date::text AS date FROM d WHERE date IS NOT NULL`);
  const families = [...new Set(products.rows.map((p) => p.family_code))].sort();
  return {
    products: new Map(
      products.rows.map((p) => [
        p.external_id,
        { id: p.id, copyText: `${p.id}\t${copyEscape(p.family_code)}\t`, familyRank: families.indexOf(p.family_code), used: false },
      ]),
    ),
    familyCount: Math.max(1, families.length),
    clients: new Map(clients.rows.map((c) => [c.external_id, clientRef(c.id, c.registered)])),
    campaigns: campaigns.rows.map((k) => ({ startsOn: k.starts_on, endsOn: k.ends_on })),
    datesWithLines: new Set(dates.rows.map((d) => d.date)),
  };
}
