import "server-only";
// A delegate's KPIs: the alerts routed to them on clients within the actor's scope.
import type { Actor } from "@/lib/auth/load-actor";
import { alertKpiQuery, toKpiSet, type KpiRow } from "./alert-kpi-query";
import type { Queryable } from "./region-scope";
import type { KpiSet } from "./region-types";
import { scopeKey } from "./scope-key";
import { cachedByAlertData } from "./versioned-cache";

/** Call after findScopedDelegate: the figures are scoped anyway, but the page must 404 first. */
export async function getDelegateKpis(db: Queryable, actor: Actor, delegateId: number, options: { today: string }): Promise<KpiSet> {
  const rows = await cachedByAlertData(db, `delegate|${scopeKey(actor)}|${delegateId}|${options.today}`, async () => {
    const query = alertKpiQuery(actor, { delegateId }, "none", options.today);
    return (await db.query<KpiRow>(query.text, query.values)).rows;
  });
  return toKpiSet(rows[0]);
}
