import "server-only";
// A community's page: its KPIs and each delegate's (workload = open alerts, attend rate, median
// response time, conversion, overdue), from the alerts of the community's clients within the
// actor's scope, grouped by the delegate each alert was routed to. Delegates who own a province
// there but have no alerts are listed with zeros. null when the community is outside the scope.
import type { Actor } from "@/lib/auth/load-actor";
import { alertKpiQuery, toKpiSet, type KpiRow } from "./alert-kpi-query";
import { findScopedRegion } from "./find-scoped-region";
import type { Queryable } from "./region-scope";
import type { DelegateKpis, RegionDelegates } from "./region-types";
import { scopeKey } from "./scope-key";
import { cachedByAlertData } from "./versioned-cache";

export async function getRegionDelegates(
  db: Queryable,
  actor: Actor,
  regionCode: string,
  options: { today: string },
): Promise<RegionDelegates | null> {
  const region = findScopedRegion(actor, regionCode);
  if (!region) return null;
  const rows = await cachedByAlertData(db, `region|${scopeKey(actor)}|${region.code}|${options.today}`, async () => {
    const query = alertKpiQuery(actor, { regionCode: region.code }, "delegate", options.today);
    return (await db.query<KpiRow>(query.text, query.values)).rows;
  });
  const groups = rows.filter((r) => !r.is_total);
  const alertDelegateIds = groups.filter((r) => r.grp !== null).map((r) => Number(r.grp));
  const { rows: people } = await db.query<{ id: number; name: string }>(
    `SELECT d.id, u.name
       FROM delegate d JOIN app_user u ON u.id = d.user_id
      WHERE d.id IN (SELECT delegate_id FROM province WHERE region_code = $1 AND delegate_id IS NOT NULL)
         OR d.id = ANY($2::int[])`,
    [region.code, alertDelegateIds],
  );
  const byDelegate = new Map(groups.map((r) => [r.grp, r]));
  const delegates: DelegateKpis[] = people.map((person) => ({
    delegateId: person.id,
    name: person.name,
    kpis: toKpiSet(byDelegate.get(String(person.id))),
  }));
  const unassigned = byDelegate.get(null);
  if (unassigned) delegates.push({ delegateId: null, name: null, kpis: toKpiSet(unassigned) });
  delegates.sort((a, b) => b.kpis.openAlerts - a.kpis.openAlerts || (a.name ?? "").localeCompare(b.name ?? "", "es"));
  return { region, total: toKpiSet(rows.find((r) => r.is_total)), delegates };
}
