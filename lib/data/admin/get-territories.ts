import "server-only";
// The territory map as the admin edits it: provinces → delegate (clients follow their province),
// delegates → manager, managers → autonomous communities; with clients and open alerts per row.
import type { Actor } from "@/lib/auth/load-actor";
import type { DbTx } from "@/lib/db/prisma";
import { assertPermission } from "./assert-permission";

export interface TerritoryProvince {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  delegateId: number | null;
  clients: number;
  openAlerts: number;
}

export interface TerritoryDelegate {
  id: number;
  userId: number;
  name: string;
  email: string;
  active: boolean;
  managerId: number | null;
  dailyCapacity: number | null;
  provinceCodes: string[];
  /** OPEN or SNOOZED alerts assigned to this delegate. */
  openAlerts: number;
}

export interface TerritoryManager {
  userId: number;
  name: string;
  email: string;
  active: boolean;
  regionCodes: string[];
}

export interface TerritoryAdmin {
  regions: { code: string; name: string }[];
  provinces: TerritoryProvince[];
  delegates: TerritoryDelegate[];
  managers: TerritoryManager[];
}

export async function getTerritoryAdmin(db: DbTx, actor: Actor): Promise<TerritoryAdmin> {
  assertPermission(actor, "users.manage");
  const [regions, provinces, clientCounts, provinceAlerts, delegates, delegateAlerts, managers] = await Promise.all([
    db.region.findMany({ select: { code: true, name: true }, orderBy: { code: "asc" } }),
    db.province.findMany({ select: { code: true, name: true, regionCode: true, delegateId: true, region: { select: { name: true } } }, orderBy: { name: "asc" } }),
    db.client.groupBy({ by: ["provinceCode"], _count: { _all: true } }),
    db.$queryRawUnsafe<{ code: string; n: number }[]>(
      `SELECT c.province_code AS code, count(*)::int AS n FROM alert a JOIN client c ON c.id = a.client_id
        WHERE a.status IN ('OPEN', 'SNOOZED') AND c.province_code IS NOT NULL GROUP BY c.province_code`,
    ),
    db.delegate.findMany({
      where: { user: { role: "DELEGATE" } },
      select: {
        id: true,
        userId: true,
        managerId: true,
        dailyCapacity: true,
        user: { select: { name: true, email: true, active: true } },
        provinces: { select: { code: true }, orderBy: { code: "asc" } },
      },
      orderBy: { user: { name: "asc" } },
    }),
    db.alert.groupBy({ by: ["delegateId"], where: { status: { in: ["OPEN", "SNOOZED"] } }, _count: { _all: true } }),
    db.user.findMany({
      where: { role: "MANAGER" },
      select: { id: true, name: true, email: true, active: true, regions: { select: { regionCode: true }, orderBy: { regionCode: "asc" } } },
      orderBy: { name: "asc" },
    }),
  ]);
  const clientsBy = new Map(clientCounts.map((row) => [row.provinceCode, row._count._all]));
  const alertsByProvince = new Map(provinceAlerts.map((row) => [row.code, row.n]));
  const alertsByDelegate = new Map(delegateAlerts.map((row) => [row.delegateId, row._count._all]));
  return {
    regions,
    provinces: provinces.map((p) => ({
      code: p.code,
      name: p.name,
      regionCode: p.regionCode,
      regionName: p.region.name,
      delegateId: p.delegateId,
      clients: clientsBy.get(p.code) ?? 0,
      openAlerts: alertsByProvince.get(p.code) ?? 0,
    })),
    delegates: delegates.map((d) => ({
      id: d.id,
      userId: d.userId,
      name: d.user.name,
      email: d.user.email,
      active: d.user.active,
      managerId: d.managerId,
      dailyCapacity: d.dailyCapacity,
      provinceCodes: d.provinces.map((p) => p.code),
      openAlerts: alertsByDelegate.get(d.id) ?? 0,
    })),
    managers: managers.map((m) => ({ userId: m.id, name: m.name, email: m.email, active: m.active, regionCodes: m.regions.map((r) => r.regionCode) })),
  };
}
