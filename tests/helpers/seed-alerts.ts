// Small, explicit alert worlds for the inbox's integration and end-to-end tests: a product per
// family, sales lines on a rhythm, a score, a potential, and alerts shaped like the engine's
// (reasons and trace as lib/alerts/types.ts writes them).
import { randomUUID } from "node:crypto";
import { markShownAlerts } from "../../lib/alerts/shown-alerts";
import type { Prisma } from "../../generated/prisma/client";
import type { Db } from "../../lib/db/prisma";

type Motive = "REPLENISHMENT" | "CAPTURE" | "DETERIORATION" | "CHURN_RISK" | "REACTIVATION";
type Status = "OPEN" | "SNOOZED" | "ATTENDED" | "DISMISSED" | "EXPIRED";
type Band = "HIGH" | "MEDIUM" | "LOW";
type Channel = "FIELD_VISIT" | "DELEGATE_CALL" | "TELESALES" | "MARKETING_AUTOMATION";

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
}

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** One product per family and one import to hang sales lines on (idempotent). */
export async function ensureSalesCatalogue(db: Db): Promise<{ productByFamily: Record<string, number>; importId: number }> {
  const productByFamily: Record<string, number> = {};
  for (const [code, block] of [["C1", "COMMODITY"], ["C2", "COMMODITY"], ["T1", "TECHNICAL"], ["T2", "TECHNICAL"]] as const) {
    const product = await db.product.upsert({
      where: { externalId: `SEED-${code}` },
      create: { externalId: `SEED-${code}`, block, categoryCode: code === "T2" ? "T1" : code, familyCode: code },
      update: {},
      select: { id: true },
    });
    productByFamily[code] = product.id;
  }
  const existing = await db.import.findFirst({ where: { batchId: "seed-alerts" }, select: { id: true } });
  const importId =
    existing?.id ??
    (await db.import.create({ data: { batchId: "seed-alerts", fileName: "seed-alerts.csv", tableKind: "ventas", status: "SUCCEEDED" }, select: { id: true } })).id;
  return { productByFamily, importId };
}

export interface SalesRhythm {
  clientId: number;
  familyCode: string;
  /** First and last purchase days (inclusive). */
  from: string;
  until: string;
  everyDays: number;
  value: number;
  /** Also add a return of this value a week after every n-th purchase. */
  returnEvery?: number;
  returnValue?: number;
}

export async function seedSalesRhythm(db: Db, rhythm: SalesRhythm): Promise<number> {
  const { productByFamily, importId } = await ensureSalesCatalogue(db);
  const productId = productByFamily[rhythm.familyCode]!;
  const lines: Prisma.SalesLineCreateManyInput[] = [];
  let index = 0;
  for (let day = rhythm.from; day <= rhythm.until; day = addDays(day, rhythm.everyDays), index++) {
    lines.push({
      lineKey: randomUUID(),
      invoiceNumber: `S${rhythm.clientId}${index}`,
      date: asDate(day),
      clientId: rhythm.clientId,
      productId,
      familyCode: rhythm.familyCode,
      units: 2,
      value: rhythm.value,
      kind: "PURCHASE",
      importId,
    });
    if (rhythm.returnEvery && index % rhythm.returnEvery === rhythm.returnEvery - 1 && addDays(day, 7) <= rhythm.until) {
      lines.push({
        lineKey: randomUUID(),
        invoiceNumber: `R${rhythm.clientId}${index}`,
        date: asDate(addDays(day, 7)),
        clientId: rhythm.clientId,
        productId,
        familyCode: rhythm.familyCode,
        units: -1,
        value: -(rhythm.returnValue ?? rhythm.value / 2),
        kind: "RETURN",
        importId,
      });
    }
  }
  await db.salesLine.createMany({ data: lines });
  return lines.length;
}

export interface SeedAlertInput {
  clientId: number;
  familyCode: string;
  motive: Motive;
  asOf: string;
  status?: Status;
  heldOut?: boolean;
  band?: Band;
  priorityScore?: number;
  expectedImpact?: number;
  conversionProbability?: number;
  channel?: Channel;
  contactFrom?: string;
  contactUntil?: string;
  snoozedUntil?: string | null;
  reasons?: unknown;
  trace?: unknown;
}

/** Reasons as the engine writes them: rule reasons first, then the model's SHAP reasons. */
export function engineReasons(motive: Motive, familyCode: string) {
  const byMotive: Record<Motive, { code: string; text: string }> = {
    REPLENISHMENT: { code: "replenishment.due", text: `Le toca reponer ${familyCode}: su ritmo habitual es de una compra cada 30 días y han pasado 28` },
    CAPTURE: { code: "capture.low_share", text: `Compra a Inibsa solo el 30 % de su potencial en ${familyCode}` },
    DETERIORATION: { code: "deterioration.value_drop", text: `Ha comprado un 45 % menos de ${familyCode} que hace un año` },
    CHURN_RISK: { code: "churn.silence", text: `Lleva 75 días sin comprar ${familyCode}, 2,5 veces su ritmo habitual` },
    REACTIVATION: { code: "reactivation.lapsed", text: `Dejó de comprar ${familyCode} hace 8 meses y tiene potencial` },
  };
  return [
    { source: "rule", ...byMotive[motive] },
    { source: "model", code: "recency_days", text: "Días desde la última compra muy por encima de lo normal", contribution: 0.41 },
    { source: "model", code: "trend_value_90", text: "Caída del importe de los últimos 90 días", contribution: 0.18 },
  ];
}

export function engineTrace(input: { motive: Motive; asOf: string; expectedImpact: number; band: Band; score: number; conversionProbability: number }) {
  return {
    engine: "alerts/v1",
    asOf: input.asOf,
    motive: input.motive,
    segment: { segment: "LOYAL", method: "share", share365: 0.62, sharePrev365: 0.7, heldByHysteresis: false, checks: [] },
    checks: [
      { rule: "churnRisk.overdueRatio", value: 2.5, op: ">=", threshold: 1.8, passed: true },
      { rule: "churnRisk.pChurn90d", value: 0.72, op: ">=", threshold: 0.6, passed: true },
      { rule: "recent_campaign_pull_forward", value: false, op: "==", threshold: true, passed: false },
    ],
    priority: {
      expectedImpact: input.expectedImpact,
      impactBasis: "valor anual en riesgo × probabilidad de abandono",
      conversionProbability: input.conversionProbability,
      conversionBasis: "tasa histórica de recuperación del segmento",
      urgency: 0.8,
      urgencyBasis: "días que faltan para el fin de la ventana",
      score: input.score,
      band: input.band,
    },
    channel: { ruleId: 1, position: 1, description: "Prioridad alta e impacto ≥ 2.000 € → llamada del delegado", responseDays: 7 },
    inputs: {
      pBuy90d: 0.25,
      pChurn90d: 0.72,
      pChurn180d: 0.8,
      expectedDaysToNext: 40,
      shareOfWallet: 0.35,
      potential: 12000,
      potentialUnreliable: false,
      previousPBuy90d: null,
      lastPurchaseDate: addDays(input.asOf, -75),
      recencyDays: 75,
      medianGapDays: 30,
    },
  };
}

export async function seedAlert(db: Db, input: SeedAlertInput): Promise<{ id: number; version: number }> {
  const status = input.status ?? "OPEN";
  const band = input.band ?? "MEDIUM";
  const score = input.priorityScore ?? (band === "HIGH" ? 0.8 : band === "MEDIUM" ? 0.5 : 0.2);
  const expectedImpact = input.expectedImpact ?? 1000;
  const conversionProbability = input.conversionProbability ?? 0.4;
  const client = await db.client.findUniqueOrThrow({ where: { id: input.clientId }, select: { province: { select: { delegateId: true } } } });
  const open = status === "OPEN" || status === "SNOOZED";
  return db.alert.create({
    data: {
      clientId: input.clientId,
      familyCode: input.familyCode,
      motive: input.motive,
      status,
      openKey: open ? `${input.clientId}:${input.familyCode}:${input.motive}` : null,
      heldOut: input.heldOut ?? false,
      delegateId: client.province?.delegateId ?? null,
      priorityScore: score,
      priorityBand: band,
      expectedImpact,
      conversionProbability,
      urgency: 0.8,
      contactFrom: asDate(input.contactFrom ?? input.asOf),
      contactUntil: asDate(input.contactUntil ?? addDays(input.asOf, 14)),
      responseDeadline: asDate(addDays(input.contactFrom ?? input.asOf, 7)),
      channel: input.channel ?? "DELEGATE_CALL",
      reasons: (input.reasons ?? engineReasons(input.motive, input.familyCode)) as never,
      trace: (input.trace ?? engineTrace({ motive: input.motive, asOf: input.asOf, expectedImpact, band, score, conversionProbability })) as never,
      asOf: asDate(input.asOf),
      snoozedUntil: input.snoozedUntil ? asDate(input.snoozedUntil) : null,
      closedAt: open ? null : new Date(),
    },
    select: { id: true, version: true },
  });
}

export async function seedScore(
  db: Db,
  input: { clientId: number; familyCode: string; asOf: string; segment?: "LOYAL" | "PROMISCUOUS" | "MARGINAL" | "TECHNICAL"; shareOfWallet?: number; pBuy90d?: number; pChurn90d?: number },
): Promise<void> {
  await db.score.create({
    data: {
      asOf: asDate(input.asOf),
      clientId: input.clientId,
      familyCode: input.familyCode,
      segment: input.segment ?? "LOYAL",
      shareOfWallet: input.shareOfWallet ?? 0.35,
      pBuy90d: input.pBuy90d ?? 0.25,
      pChurn90d: input.pChurn90d ?? 0.72,
      pChurn180d: 0.8,
      expectedDaysToNext: 40,
    },
  });
}

export async function seedPotential(db: Db, clientId: number, categoryCode: string, amount: number): Promise<void> {
  await db.potential.upsert({
    where: { clientId_categoryCode: { clientId, categoryCode } },
    create: { clientId, categoryCode, amount },
    update: { amount },
  });
}

/** Today's date in Spain (the alerts' business calendar), for seeds relative to the day they run. */
export function madridTodayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Madrid", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * The end-to-end inbox world on the e2e clients (280001 and 280002 in Madrid, 080001 in Barcelona):
 * purchase histories, scores, potentials and one alert per situation the inbox spec works through.
 * No new clients, so the territory counts other specs check stay as they were.
 */
export async function seedInboxE2eWorld(db: Db): Promise<void> {
  // Seeded already (the e2e server starts on a fresh database; this only keeps a re-run harmless).
  if (await db.import.findFirst({ where: { batchId: "seed-alerts" }, select: { id: true } })) return;
  const today = madridTodayIso();
  const asOf = addDays(today, -1);
  const clients = await db.client.findMany({ where: { externalId: { in: ["280001", "280002", "080001"] } }, select: { id: true, externalId: true } });
  const id = (externalId: string) => clients.find((client) => client.externalId === externalId)!.id;
  const [a, b, bcn] = [id("280001"), id("280002"), id("080001")];

  await seedSalesRhythm(db, { clientId: a, familyCode: "T1", from: addDays(asOf, -75 - 30 * 22), until: addDays(asOf, -75), everyDays: 30, value: 380, returnEvery: 5, returnValue: 95 });
  await seedSalesRhythm(db, { clientId: a, familyCode: "C1", from: addDays(asOf, -28 - 30 * 23), until: addDays(asOf, -28), everyDays: 30, value: 210 });
  await seedSalesRhythm(db, { clientId: b, familyCode: "C2", from: addDays(asOf, -10 - 20 * 35), until: addDays(asOf, -10), everyDays: 20, value: 90 });
  await seedSalesRhythm(db, { clientId: b, familyCode: "T2", from: addDays(asOf, -40 - 45 * 15), until: addDays(asOf, -40), everyDays: 45, value: 520, returnEvery: 3, returnValue: 160 });
  await seedSalesRhythm(db, { clientId: bcn, familyCode: "C1", from: addDays(asOf, -30 - 30 * 20), until: addDays(asOf, -30), everyDays: 30, value: 150 });
  await seedScore(db, { clientId: a, familyCode: "T1", asOf, segment: "TECHNICAL", shareOfWallet: 0.38, pBuy90d: 0.27, pChurn90d: 0.72 });
  await seedScore(db, { clientId: a, familyCode: "C1", asOf, segment: "LOYAL", shareOfWallet: 0.81, pBuy90d: 0.88, pChurn90d: 0.08 });
  await seedScore(db, { clientId: b, familyCode: "C2", asOf, segment: "PROMISCUOUS", shareOfWallet: 0.3, pBuy90d: 0.64, pChurn90d: 0.2 });
  await seedScore(db, { clientId: b, familyCode: "T2", asOf, segment: "TECHNICAL", shareOfWallet: 0.22, pBuy90d: 0.41, pChurn90d: 0.45 });
  await seedPotential(db, a, "T1", 12000);
  await seedPotential(db, a, "C1", 3100);
  await seedPotential(db, b, "C2", 6000);
  await seedPotential(db, b, "T1", 9000);

  const window = { asOf, contactFrom: today, contactUntil: addDays(today, 14) };
  await seedAlert(db, { clientId: a, familyCode: "T1", motive: "CHURN_RISK", band: "HIGH", priorityScore: 0.86, expectedImpact: 4200, conversionProbability: 0.42, channel: "DELEGATE_CALL", ...window });
  await seedAlert(db, { clientId: a, familyCode: "C1", motive: "REPLENISHMENT", band: "MEDIUM", priorityScore: 0.55, expectedImpact: 900, channel: "TELESALES", ...window });
  await seedAlert(db, { clientId: b, familyCode: "C2", motive: "CAPTURE", band: "MEDIUM", priorityScore: 0.61, expectedImpact: 2600, channel: "FIELD_VISIT", ...window });
  await seedAlert(db, { clientId: b, familyCode: "T2", motive: "DETERIORATION", band: "LOW", priorityScore: 0.3, expectedImpact: 350, channel: "MARKETING_AUTOMATION", ...window });
  await seedAlert(db, { clientId: a, familyCode: "C2", motive: "REACTIVATION", band: "LOW", priorityScore: 0.2, expectedImpact: 500, status: "ATTENDED", ...window });
  // Control group: recorded, never shown.
  await seedAlert(db, { clientId: b, familyCode: "T1", motive: "CHURN_RISK", band: "HIGH", priorityScore: 0.99, expectedImpact: 99999, heldOut: true, ...window });
  await seedAlert(db, { clientId: bcn, familyCode: "C1", motive: "REPLENISHMENT", band: "MEDIUM", priorityScore: 0.5, expectedImpact: 700, channel: "TELESALES", ...window });
  // The alert step's daily capacity, at 2 a day: Madrid's plan is 280001's churn risk and 280002's capture.
  await markShownAlerts(db, today, 2);
}
