import "server-only";
// A delegate's clients within the actor's scope (the clients of the delegate's provinces), most €
// at stake first: live alerts (control group excluded), their expected impact, the last purchase.
// Paginated in PostgreSQL; the last purchase is looked up for the page's rows only.
import type { Actor } from "@/lib/auth/load-actor";
import { addClientScope } from "./alert-kpi-query";
import type { Queryable } from "./region-scope";
import { scopeKey } from "./scope-key";
import { SqlParams } from "./sql-params";
import { cachedByAlertData } from "./versioned-cache";

export interface DelegateClientRow {
  clientId: number;
  externalId: string;
  provinceName: string | null;
  openAlerts: number;
  eurosAtStake: number;
  /** Highest live alert band, for the row's badge. */
  topBand: "HIGH" | "MEDIUM" | "LOW" | null;
  /** yyyy-mm-dd of the last PURCHASE line, any family. */
  lastPurchase: string | null;
}

export interface DelegateClientsPage {
  rows: DelegateClientRow[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
}

export async function getDelegateClients(
  db: Queryable,
  actor: Actor,
  delegateId: number,
  options: { page?: number; pageSize?: number } = {},
): Promise<DelegateClientsPage> {
  const pageSize = Math.min(Math.max(options.pageSize ?? 25, 1), 200);
  const page = Math.max(Math.trunc(options.page ?? 1) || 1, 1);
  return cachedByAlertData(db, `clients|${scopeKey(actor)}|${delegateId}|${page}|${pageSize}`, () =>
    loadDelegateClients(db, actor, delegateId, page, pageSize),
  );
}

async function loadDelegateClients(db: Queryable, actor: Actor, delegateId: number, requestedPage: number, pageSize: number): Promise<DelegateClientsPage> {
  const params = new SqlParams();
  const scope = addClientScope(params, actor, "c");
  const delegate = params.add(delegateId);
  const { rows: counted } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM client c JOIN province p ON p.code = c.province_code
      WHERE p.delegate_id = ${delegate}::int AND ${scope}`,
    params.values,
  );
  const total = counted[0]?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(requestedPage, pages);
  const limit = params.add(pageSize);
  const offset = params.add((page - 1) * pageSize);
  const { rows } = await db.query<{
    id: number;
    external_id: string;
    province_name: string | null;
    open_alerts: number;
    stake: number;
    top_band: "HIGH" | "MEDIUM" | "LOW" | null;
    last_purchase: string | null;
  }>(
    `WITH clients AS (
       SELECT c.id, c.external_id, p.name AS province_name
         FROM client c JOIN province p ON p.code = c.province_code
        WHERE p.delegate_id = ${delegate}::int AND ${scope}
     ), live AS (
       SELECT a.client_id, count(*)::int AS open_alerts, sum(a.expected_impact)::float8 AS stake,
              min(CASE a.priority_band WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END) AS band_rank
         FROM alert a
        WHERE a.client_id IN (SELECT id FROM clients) AND NOT a.held_out AND a.status IN ('OPEN', 'SNOOZED')
        GROUP BY a.client_id
     ), paged AS (
       SELECT k.id, k.external_id, k.province_name, coalesce(l.open_alerts, 0) AS open_alerts, coalesce(l.stake, 0) AS stake,
              CASE l.band_rank WHEN 1 THEN 'HIGH' WHEN 2 THEN 'MEDIUM' WHEN 3 THEN 'LOW' END AS top_band
         FROM clients k LEFT JOIN live l ON l.client_id = k.id
        ORDER BY stake DESC, open_alerts DESC, k.external_id
        LIMIT ${limit}::int OFFSET ${offset}::int
     )
     SELECT paged.*,
            (SELECT max(s.date)::text FROM sales_line s WHERE s.client_id = paged.id AND s.kind = 'PURCHASE') AS last_purchase
       FROM paged
      ORDER BY stake DESC, open_alerts DESC, external_id`,
    params.values,
  );
  return {
    rows: rows.map((r) => ({
      clientId: r.id,
      externalId: r.external_id,
      provinceName: r.province_name,
      openAlerts: r.open_alerts,
      eurosAtStake: Math.round(r.stake * 100) / 100,
      topBand: r.top_band,
      lastPurchase: r.last_purchase,
    })),
    total,
    page,
    pages,
    pageSize,
  };
}
