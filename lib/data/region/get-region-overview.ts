import "server-only";
// The map page: KPIs of the actor's whole scope (a manager's communities, all of Spain for an admin)
// and of each community in it. Communities outside the scope are listed without figures.
import type { Actor } from "@/lib/auth/load-actor";
import { REGIONS } from "@/lib/geo/spain";
import { alertKpiQuery, toKpiSet, type KpiRow } from "./alert-kpi-query";
import { regionCodesInScope, type Queryable } from "./region-scope";
import type { RegionOverview } from "./region-types";
import { scopeKey } from "./scope-key";
import { cachedByAlertData } from "./versioned-cache";

export async function getRegionOverview(db: Queryable, actor: Actor, options: { today: string }): Promise<RegionOverview> {
  const rows = await cachedByAlertData(db, `overview|${scopeKey(actor)}|${options.today}`, async () => {
    const query = alertKpiQuery(actor, {}, "region", options.today);
    return (await db.query<KpiRow>(query.text, query.values)).rows;
  });
  const inScope = new Set(regionCodesInScope(actor));
  const byRegion = new Map(rows.filter((r) => !r.is_total && r.grp !== null).map((r) => [r.grp!, r]));
  return {
    total: toKpiSet(rows.find((r) => r.is_total)),
    regions: REGIONS.map((region) => ({
      code: region.code,
      name: region.name,
      inScope: inScope.has(region.code),
      // Scoped rows can only come from regions in scope; the check keeps that true even if a
      // client's province were ever filed under the wrong community.
      kpis: inScope.has(region.code) ? toKpiSet(byRegion.get(region.code)) : null,
    })),
  };
}
