import "server-only";
import type { Actor } from "@/lib/auth/load-actor";
import { scopeClients } from "@/lib/auth/scope";
import type { Db } from "@/lib/db/prisma";

export interface ProvinceSummary {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  delegateName: string | null;
  clients: number;
}

/** Provinces with clients within the actor's scope (a delegate's territory, a manager's regions). */
export async function getTerritoryOverview(db: Db, actor: Actor): Promise<ProvinceSummary[]> {
  const clientScope = scopeClients(actor);
  const [counts, provinces] = await Promise.all([
    db.client.groupBy({ by: ["provinceCode"], where: clientScope, _count: { _all: true } }),
    db.province.findMany({
      where:
        actor.role === "DELEGATE"
          ? { delegateId: actor.delegateId ?? -1 }
          : actor.role === "MANAGER"
            ? { regionCode: { in: actor.regionCodes } }
            : {},
      select: {
        code: true,
        name: true,
        regionCode: true,
        region: { select: { name: true } },
        delegate: { select: { user: { select: { name: true } } } },
      },
      orderBy: [{ regionCode: "asc" }, { name: "asc" }],
    }),
  ]);
  const countByProvince = new Map(counts.map((row) => [row.provinceCode, row._count._all]));
  return provinces.map((province) => ({
    code: province.code,
    name: province.name,
    regionCode: province.regionCode,
    regionName: province.region.name,
    delegateName: province.delegate?.user.name ?? null,
    clients: countByProvince.get(province.code) ?? 0,
  }));
}
