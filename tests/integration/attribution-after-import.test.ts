// Issue: "a test imports later sales and shows the attribution and the attended-vs-holdout
// conversion rates" — through the real importer, the real alert engine and real actions.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Pool } from "pg";
import { applyAlertDrafts, attendAlert, conversionStats } from "../../lib/alerts";
import { DEFAULT_ALERT_SETTINGS } from "../../lib/alerts/alert-settings";
import { replenishmentDraft } from "../../lib/alerts/testing/alert-world-fixture";
import { createPgPool } from "../../lib/db/pg-pool";
import { attributeAfterImport } from "../../lib/import/attribute-after-import";
import { importSources } from "../../lib/import/import-sources";
import { seedDemoTeam } from "../../lib/seed/seed-demo-team";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { csvSource, PRODUCTOS, VENTAS_HEADER } from "../helpers/import-fixtures";

const CLIENT_IDS = Array.from({ length: 40 }, (_, i) => String(7000 + i));
let t: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  t = await createTestDatabase();
  pool = createPgPool(t.url, 3);
  await seedDemoTeam(t.db);
  const clientes = ["Id. Cliente,,Provincia", ...CLIENT_IDS.map((id) => `${id},28001,Madrid`)].join("\n");
  await importSources(pool, [csvSource("Productos.csv", PRODUCTOS), csvSource("Clientes.csv", clientes)]);
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

it("links purchases imported after the alerts and measures attended vs held-out conversion", async () => {
  const clients = await t.db.client.findMany({ where: { externalId: { in: CLIENT_IDS } }, select: { id: true, externalId: true }, orderBy: { externalId: "asc" } });
  const settings = { ...DEFAULT_ALERT_SETTINGS, controlShare: 0.5 };
  await applyAlertDrafts(t.db, "2024-06-03", clients.map((c) => replenishmentDraft(c.id, "2024-06-03", { settings })), { settings });
  const alerts = await t.db.alert.findMany({ select: { id: true, clientId: true, heldOut: true, version: true } });
  const heldOut = alerts.filter((a) => a.heldOut);
  const shown = alerts.filter((a) => !a.heldOut);
  expect(heldOut.length).toBeGreaterThan(5);
  expect(shown.length).toBeGreaterThan(5);

  // The delegate attends every shown alert.
  const delegate = await t.db.user.findUniqueOrThrow({ where: { email: "delegado.madrid@demo.sds" }, select: { id: true } });
  for (const alert of shown) {
    const result = await attendAlert(t.db, alert.id, alert.version, delegate.id, { channelUsed: "DELEGATE_CALL", reached: true, result: "WON" });
    expect(result.ok).toBe(true);
  }

  // Later sales: three in four attended clients buy; one in four held-out clients buy.
  const externalOf = new Map(clients.map((c) => [c.id, c.externalId]));
  const buyers = [...shown.filter((_, i) => i % 4 !== 0), ...heldOut.filter((_, i) => i % 4 === 0)];
  const ventas = [VENTAS_HEADER, ...buyers.map((a, i) => `${3950000000 + i},6/10/2024,${externalOf.get(a.clientId)},9001,2,"140,00"`)].join("\n");
  const reports = await importSources(pool, [csvSource("Ventas-junio.csv", ventas)]);
  expect(reports[0]).toMatchObject({ status: "SUCCEEDED", rowsInserted: buyers.length });

  const attributed = await attributeAfterImport(t.db, reports);
  expect(attributed?.lines).toBe(buyers.length);
  expect(await t.db.alertAttribution.count()).toBe(buyers.length);

  const stats = await conversionStats(t.db, {});
  const expectedAttended = shown.filter((_, i) => i % 4 !== 0).length;
  const expectedHeldOut = heldOut.filter((_, i) => i % 4 === 0).length;
  expect(stats.attended).toMatchObject({ alerts: shown.length, converted: expectedAttended });
  expect(stats.heldOut).toMatchObject({ alerts: heldOut.length, converted: expectedHeldOut });
  expect(stats.attended.conversionRate).toBeCloseTo(expectedAttended / shown.length, 10);
  expect(stats.heldOut.conversionRate).toBeCloseTo(expectedHeldOut / heldOut.length, 10);
  expect(stats.heldOut.amount).toBeCloseTo(expectedHeldOut * 140, 6);

  // Importing the same file again attributes nothing twice.
  const again = await importSources(pool, [csvSource("Ventas-junio.csv", ventas)]);
  expect(await attributeAfterImport(t.db, again)).toBeNull();
  expect(await t.db.alertAttribution.count()).toBe(buyers.length);
});
