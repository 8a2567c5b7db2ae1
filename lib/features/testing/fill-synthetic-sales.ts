// Volume for timing the feature engine without the demo-world generator: clients × 4 families,
// each pair with 1–25 purchase days over 2021-01-04 → 2025-12-29 and 1–2 lines per day (≈ 20 lines
// a pair), plus ≈ 2 % returns and ≈ 1 % free replacements, potentials and 10 campaigns.
// Everything is generated inside PostgreSQL (seeded), so 1.6 M lines take seconds, not minutes.
import pg from "pg";
import { createPrismaClient } from "@/lib/db/prisma";
import { seedReferenceData } from "@/lib/seed/seed-reference-data";

export async function fillSyntheticSales(url: string, options: { clients: number; seed?: number }): Promise<{ kind: string; lines: number }[]> {
  const prisma = createPrismaClient(url, { max: 1 });
  await seedReferenceData(prisma);
  await prisma.$disconnect();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("SELECT setseed($1)", [options.seed ?? 0.42]);
    const { rows } = await c.query<{ id: number }>(
      `INSERT INTO import (batch_id, table_kind, file_name, status) VALUES ('bench', 'ventas', 'bench.csv', 'SUCCEEDED') RETURNING id`,
    );
    await c.query(
      `INSERT INTO client (external_id, province_code, registered)
       SELECT 'B' || g, lpad((1 + g % 52)::text, 2, '0'), g % 200 <> 0 FROM generate_series(1, $1::int) g`,
      [options.clients],
    );
    await c.query(`INSERT INTO product (external_id, block, category_code, family_code)
                   SELECT 'S' || f.code || k, f.block, f.category_code, f.code FROM family f, generate_series(1, 2) k`);
    await c.query(`INSERT INTO potential (client_id, category_code, amount)
                   SELECT c.id, v.cat, round((random() * 6000)::numeric, 2)
                   FROM client c, (VALUES ('C1'), ('C2'), ('T1')) v(cat) WHERE random() < 0.9`);
    await c.query(`INSERT INTO campaign (code, starts_on, ends_on)
                   SELECT y || '_' || h, make_date(y, 3 + 7 * (h - 1), 1), make_date(y, 3 + 7 * (h - 1), 28)
                   FROM generate_series(2021, 2025) y, generate_series(1, 2) h`);
    await c.query(
      `WITH pairs AS (
         SELECT c.id AS client_id, f.code AS family_code, 1 + floor(random() * 25)::int AS days
         FROM client c CROSS JOIN family f
       ),
       days AS (
         SELECT p.client_id, p.family_code, DATE '2021-01-04' + floor(random() * 1821)::int AS day,
                CASE WHEN random() < 0.55 THEN 2 ELSE 1 END AS lines
         FROM pairs p CROSS JOIN LATERAL generate_series(1, p.days) g
       ),
       lines AS (
         SELECT d.client_id, d.family_code, d.day, k, random() AS r
         FROM days d CROSS JOIN LATERAL generate_series(1, d.lines) k
       )
       INSERT INTO sales_line (line_key, invoice_number, date, client_id, product_id, family_code, units, value, kind, import_id)
       SELECT gen_random_uuid(), (3910000000 + row_number() OVER ())::text, l.day, l.client_id, p.id, l.family_code,
              CASE WHEN l.r < 0.02 THEN -1 ELSE 1 + floor(l.r * 10)::int END,
              CASE WHEN l.r < 0.02 THEN -round((20 + l.r * 5000)::numeric, 2) WHEN l.r < 0.03 THEN 0
                   ELSE round((20 + l.r * 800)::numeric, 2) END,
              (CASE WHEN l.r < 0.02 THEN 'RETURN' WHEN l.r < 0.03 THEN 'ZERO_VALUE_REPLACEMENT' ELSE 'PURCHASE' END)::"SalesLineKind",
              $1
       FROM lines l JOIN product p ON p.external_id = 'S' || l.family_code || l.k`,
      [rows[0].id],
    );
    await c.query("ANALYZE");
    const counts = await c.query<{ kind: string; lines: number }>(
      `SELECT kind::text, count(*)::int AS lines FROM sales_line GROUP BY kind ORDER BY kind`,
    );
    return counts.rows;
  } finally {
    await c.end();
  }
}
