import "server-only";
// A client's purchases per family and month over the last two years of data (ending with the month
// of the latest imported sale, not today's: the data calendar is the one that matters). Only PURCHASE
// lines: returns and corrections are not demand. Scoped: a client outside the actor's scope has no lines.
import type { Actor } from "@/lib/auth/load-actor";
import { addClientScope } from "./alert-kpi-query";
import type { Queryable } from "./region-scope";
import { SqlParams } from "./sql-params";

export interface MonthlyFamilyPurchases {
  /** yyyy-mm */
  month: string;
  /** € per family code ("C1", "C2", "T1", "T2"); 0 when nothing was bought. */
  byFamily: Record<string, number>;
}

export interface ClientPurchaseHistory {
  families: string[];
  months: MonthlyFamilyPurchases[];
  /** Last purchase per family, yyyy-mm-dd. */
  lastPurchase: Record<string, string>;
}

export async function getClientPurchaseHistory(
  db: Queryable,
  actor: Actor,
  clientId: number,
  options: { months?: number } = {},
): Promise<ClientPurchaseHistory> {
  const months = options.months ?? 24;
  const params = new SqlParams();
  const client = params.add(clientId);
  const monthCount = params.add(months);
  const scope = addClientScope(params, actor, "c");
  // One round trip: a row per family and month with purchases, a row with a null month for each
  // family without any, each carrying the family's last purchase and the data's last month.
  const { rows } = await db.query<{ family_code: string; month: string | null; value: number | null; last: string | null; until: string | null }>(
    `WITH until AS (SELECT date_trunc('month', max(date))::date AS m FROM sales_line),
     lines AS (
       SELECT s.family_code, s.date, s.value FROM sales_line s
        WHERE s.client_id = ${client}::int AND s.kind = 'PURCHASE'
          AND EXISTS (SELECT 1 FROM client c WHERE c.id = ${client}::int AND ${scope})
     )
     SELECT f.code AS family_code, per_month.month, per_month.value, last.day AS last, to_char(until.m, 'YYYY-MM') AS until
       FROM family f
      CROSS JOIN until
      LEFT JOIN LATERAL (SELECT max(l.date)::text AS day FROM lines l WHERE l.family_code = f.code) last ON TRUE
      LEFT JOIN LATERAL (
        SELECT to_char(date_trunc('month', l.date), 'YYYY-MM') AS month, sum(l.value)::float8 AS value
          FROM lines l
         WHERE l.family_code = f.code AND l.date >= until.m - make_interval(months => ${monthCount}::int - 1)
         GROUP BY 1
      ) per_month ON TRUE
      ORDER BY f.code, per_month.month`,
    params.values,
  );
  const codes = [...new Set(rows.map((r) => r.family_code))];
  const until = rows[0]?.until ?? null;
  const series: MonthlyFamilyPurchases[] = [];
  if (until) {
    const [year, month] = until.split("-").map(Number) as [number, number];
    for (let i = months - 1; i >= 0; i--) {
      const date = new Date(Date.UTC(year, month - 1 - i, 1));
      series.push({ month: date.toISOString().slice(0, 7), byFamily: Object.fromEntries(codes.map((c) => [c, 0])) });
    }
    const index = new Map(series.map((m, i) => [m.month, i]));
    for (const row of rows) {
      const at = row.month === null ? undefined : index.get(row.month);
      if (at !== undefined) series[at]!.byFamily[row.family_code] = Math.round((row.value ?? 0) * 100) / 100;
    }
  }
  const lastPurchase: Record<string, string> = {};
  for (const row of rows) if (row.last) lastPurchase[row.family_code] = row.last;
  return { families: codes, months: series, lastPurchase };
}
