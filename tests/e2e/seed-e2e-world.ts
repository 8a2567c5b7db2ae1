// A few clients in known provinces, so pages have something to show and scoping can be checked.
import type { Db } from "../../lib/db/prisma";
import { seedInboxE2eWorld } from "../helpers/seed-alerts";
import { addDays, madridTodayIso, seedAlert, seedSalesRhythm } from "../helpers/seed-alerts";

export async function seedE2eWorld(db: Db): Promise<void> {
  await db.client.createMany({
    data: [
      { externalId: "280001", postalCode: "28001", provinceCode: "28" },
      { externalId: "280002", postalCode: "28040", provinceCode: "28" },
      { externalId: "080001", postalCode: "08001", provinceCode: "08" },
    ],
    skipDuplicates: true,
  });
  // Inbox, alert page and AI panel (tests/e2e/inbox.spec.ts).
  await seedInboxE2eWorld(db);
  // Regional managers' drill-down (tests/e2e/region.spec.ts); after the inbox world, whose guard it would trip.
  await seedRegionE2eWorld(db);
  // Territory change moving an open alert (tests/e2e/admin.spec.ts).
  await seedAdminE2eWorld(db);
}

/**
 * Two Toledo clinics (province 45: Luis Mancha, Castilla-La Mancha, the centro manager's region) with
 * two years of purchases, live and attended alerts, an action, and a control-group alert that no page
 * may show. Toledo, not Madrid: the Madrid delegate's client count is pinned by auth.spec.ts.
 */
async function seedRegionE2eWorld(db: Db): Promise<void> {
  if (await db.client.findUnique({ where: { externalId: "450001" }, select: { id: true } })) return;
  const today = madridTodayIso();
  const asOf = addDays(today, -1);
  const clinic = await db.client.create({ data: { externalId: "450001", postalCode: "45001", provinceCode: "45" }, select: { id: true } });
  await db.client.create({ data: { externalId: "450002", postalCode: "45600", provinceCode: "45" } });
  await seedSalesRhythm(db, { clientId: clinic.id, familyCode: "C1", from: addDays(asOf, -700), until: addDays(asOf, -20), everyDays: 28, value: 260 });
  await seedSalesRhythm(db, { clientId: clinic.id, familyCode: "T1", from: addDays(asOf, -690), until: addDays(asOf, -90), everyDays: 45, value: 610 });
  const window = { asOf, contactFrom: today, contactUntil: addDays(today, 14) };
  await seedAlert(db, { clientId: clinic.id, familyCode: "T1", motive: "CHURN_RISK", band: "HIGH", priorityScore: 0.9, expectedImpact: 3100, ...window });
  const attended = await seedAlert(db, { clientId: clinic.id, familyCode: "C1", motive: "REPLENISHMENT", status: "ATTENDED", expectedImpact: 480, ...window });
  await seedAlert(db, { clientId: clinic.id, familyCode: "C2", motive: "CAPTURE", heldOut: true, expectedImpact: 77777, ...window });
  const luis = await db.user.findUniqueOrThrow({ where: { email: "delegado.castilla-mancha@demo.sds" }, select: { id: true } });
  await db.alertEvent.create({
    data: {
      alertId: attended.id,
      type: "ATTENDED",
      userId: luis.id,
      fromStatus: "OPEN",
      toStatus: "ATTENDED",
      payload: { channelUsed: "DELEGATE_CALL", reached: true, result: "WON", amount: 520, notes: "Pedido de reposición confirmado" },
    },
  });
}

/**
 * One Oviedo clinic (province 33, Pelayo Asturias) with an open churn-risk alert, for the admin's
 * territory change in admin.spec.ts. No sales lines: the pipeline's training set is unchanged.
 */
async function seedAdminE2eWorld(db: Db): Promise<void> {
  if (await db.client.findUnique({ where: { externalId: "330001" }, select: { id: true } })) return;
  const today = madridTodayIso();
  const clinic = await db.client.create({ data: { externalId: "330001", postalCode: "33001", provinceCode: "33" }, select: { id: true } });
  await seedAlert(db, {
    clientId: clinic.id,
    familyCode: "T1",
    motive: "CHURN_RISK",
    band: "HIGH",
    priorityScore: 0.8,
    expectedImpact: 2500,
    asOf: addDays(today, -1),
    contactFrom: today,
    contactUntil: addDays(today, 14),
  });
}
