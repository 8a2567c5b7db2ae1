// Database fixtures for the alert engine's integration tests: the demo team (every province has a
// delegate), clients placed in provinces, one product per family, purchases, and realistic drafts.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/prisma";
import { seedDemoTeam } from "@/lib/seed/seed-demo-team";
import { buildAlertDraft } from "../build-alert-drafts";
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from "../alert-settings";
import { isoToDate } from "../alert-dates";
import { DEFAULT_CHANNEL_RULES } from "../channel-rules";
import type { AlertDraft, FamilyCode, IsoDate } from "../types";
import { commodityPair } from "./scored-pair-fixture";

export interface AlertWorld {
  /** Delegate id per province code. */
  delegateOf: (provinceCode: string) => Promise<number>;
  importId: number;
  productOf: Record<FamilyCode, number>;
}

export async function seedAlertWorld(db: Db): Promise<AlertWorld> {
  await seedDemoTeam(db);
  const { id: importId } = await db.import.create({ data: { batchId: "test", fileName: "Ventas.csv", tableKind: "ventas", status: "SUCCEEDED" } });
  const productOf = {} as Record<FamilyCode, number>;
  for (const family of ["C1", "C2", "T1", "T2"] as const) {
    const product = await db.product.create({
      data: {
        externalId: `P-${family}`,
        block: family.startsWith("C") ? "COMMODITY" : "TECHNICAL",
        categoryCode: family === "T2" ? "T1" : family,
        familyCode: family,
      },
    });
    productOf[family] = product.id;
  }
  const delegateOf = async (provinceCode: string) =>
    (await db.province.findUniqueOrThrow({ where: { code: provinceCode }, select: { delegateId: true } })).delegateId!;
  return { delegateOf, importId, productOf };
}

/** Creates `count` clients in a province; returns their ids in creation order. */
export async function createClients(db: Db, provinceCode: string, count: number, prefix = provinceCode): Promise<number[]> {
  const data = Array.from({ length: count }, (_, i) => ({
    externalId: `${prefix}-${i}-${randomUUID().slice(0, 8)}`,
    postalCode: `${provinceCode}001`,
    provinceCode,
  }));
  await db.client.createMany({ data });
  const rows = await db.client.findMany({ where: { externalId: { in: data.map((d) => d.externalId) } }, select: { id: true, externalId: true } });
  const idOf = new Map(rows.map((r) => [r.externalId, r.id]));
  return data.map((d) => idOf.get(d.externalId)!);
}

export async function addSalesLine(
  db: Db,
  world: AlertWorld,
  line: { clientId: number; familyCode: FamilyCode; date: IsoDate; value: number; kind?: "PURCHASE" | "RETURN"; importId?: number },
): Promise<number> {
  const kind = line.kind ?? "PURCHASE";
  const row = await db.salesLine.create({
    data: {
      lineKey: randomUUID(),
      invoiceNumber: `F-${randomUUID().slice(0, 8)}`,
      date: isoToDate(line.date),
      clientId: line.clientId,
      productId: world.productOf[line.familyCode],
      familyCode: line.familyCode,
      units: kind === "RETURN" ? -1 : 1,
      value: kind === "RETURN" ? -Math.abs(line.value) : line.value,
      kind,
      importId: line.importId ?? world.importId,
    },
  });
  return row.id;
}

/**
 * A REPLENISHMENT draft for a loyal C1 client that is overdue (47 days against a 21-day rhythm):
 * priority = meanOrderValue × 0.9, window [asOf, asOf + 7].
 */
export function replenishmentDraft(
  clientId: number,
  asOf: IsoDate,
  options: { meanOrderValue?: number; settings?: AlertSettings } = {},
): AlertDraft {
  const pair = commodityPair({ clientId, asOf, context: { recencyDays: 47, meanOrderValue: options.meanOrderValue ?? 470 } });
  const draft = buildAlertDraft(pair, { settings: options.settings ?? DEFAULT_ALERT_SETTINGS, channelRules: DEFAULT_CHANNEL_RULES });
  if (!draft) throw new Error("fixture pair produced no draft");
  return draft;
}

/** Settings for tests that must not lose alerts to the control group. */
export const NO_CONTROL: AlertSettings = { ...DEFAULT_ALERT_SETTINGS, controlShare: 0 };
