// The regional managers' area in Chromium: the map of Spain, the drill-down region → delegate →
// client, and the server refusing another region's pages. Data: tests/e2e/seed-e2e-world.ts (the
// Toledo clinics 450001/450002 of Luis Mancha, in the centro manager's Castilla-La Mancha).
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ADMIN, DEMO_MANAGERS } from "../../lib/seed/demo-team";
import { signIn } from "./helpers";

const centro = DEMO_MANAGERS.find((m) => m.key === "centro")!;
const este = DEMO_MANAGERS.find((m) => m.key === "este")!;

const regionPath = (page: Page, code: string) => page.locator(`.rsm-geography[data-region-code="${code}"]`);

test("a manager sees the map of Spain with only their communities active", async ({ page }) => {
  await signIn(page, centro.email);
  await expect(page).toHaveURL(/\/region$/);
  await expect(page.getByTestId("kpi-openAlerts")).toBeVisible();
  await expect(page.getByTestId("kpi-conversionAttended")).toBeVisible();

  await expect(page.locator(".rsm-geography")).toHaveCount(19);
  await expect(page.locator('.rsm-geography[data-in-scope="true"]')).toHaveCount(3);
  for (const code of centro.regionCodes) await expect(regionPath(page, code)).toHaveAttribute("data-in-scope", "true");
  await expect(regionPath(page, "09")).toHaveAttribute("data-in-scope", "false");
  // Canarias is drawn (in its inset) like every other community.
  await expect(regionPath(page, "05")).toBeVisible();

  // Tooltips: a figure for one's own community, "outside your scope" for the rest.
  await regionPath(page, "08").hover();
  await expect(page.getByTestId("map-tooltip")).toContainText("Castilla-La Mancha");
  await expect(page.getByTestId("map-tooltip")).toContainText("Alertas abiertas");
  await regionPath(page, "09").hover();
  await expect(page.getByTestId("map-tooltip")).toContainText("Fuera de tu ámbito");

  // Colour by another KPI: the legend follows.
  await page.getByTestId("map-metric").selectOption({ label: "€ en riesgo" });
  await expect(page.getByTestId("map-legend")).toContainText("€");
  await expect(page.getByTestId("map-legend")).toContainText("Fuera de tu ámbito");

  // Another manager's community is not clickable.
  await regionPath(page, "09").click({ force: true });
  await expect(page).toHaveURL(/\/region$/);
});

test("a manager drills down from the map to a client", async ({ page }) => {
  await signIn(page, centro.email);
  await expect(page.locator(".rsm-geography")).toHaveCount(19);
  await regionPath(page, "08").click();
  await expect(page).toHaveURL(/\/region\/08$/);
  await expect(page.getByRole("heading", { name: "Castilla-La Mancha" })).toBeVisible();
  await expect(page.getByTestId("kpi-eurosAtRisk")).toContainText("3100 €");
  await expect(page.getByTestId("trend-chart")).toBeVisible();

  await page.getByTestId("delegates-table").getByRole("link", { name: "Luis Mancha" }).click();
  await expect(page).toHaveURL(/\/region\/delegates\/\d+$/);
  await expect(page.getByRole("heading", { name: "Luis Mancha" })).toBeVisible();
  const firstRow = page.getByTestId("clients-table-row").first();
  await expect(firstRow).toContainText("450001");
  await expect(firstRow).toContainText("3100 €");

  await firstRow.getByRole("link", { name: "450001" }).click();
  await expect(page).toHaveURL(/\/region\/clients\/\d+$/);
  await expect(page.getByRole("heading", { name: "Cliente 450001" })).toBeVisible();
  await expect(page.getByTestId("client-purchase-chart")).toBeVisible();
  await expect(page.getByTestId("client-last-purchase")).toContainText("C1");
  // Its two alerts, never the control group's.
  await expect(page.getByTestId("client-alert-row")).toHaveCount(2);
  await expect(page.getByTestId("client-alerts")).not.toContainText("77.777");
  const action = page.getByTestId("client-action");
  await expect(action).toHaveCount(1);
  await expect(action).toContainText("Luis Mancha");
  await expect(action).toContainText("Pedido de reposición confirmado");
});

test("a manager cannot open another region's community, delegate or client", async ({ page, context }) => {
  // The east manager finds Barcelona's delegate and a client of theirs…
  await signIn(page, este.email);
  await page.goto("/region/09");
  await page.getByTestId("delegates-table").getByRole("link", { name: "Jordi Barcelona" }).click();
  await expect(page).toHaveURL(/\/region\/delegates\/\d+$/);
  const delegateUrl = new URL(page.url()).pathname;
  await page.getByTestId("clients-table-row").getByRole("link", { name: "080001" }).click();
  await expect(page).toHaveURL(/\/region\/clients\/\d+$/);
  const clientUrl = new URL(page.url()).pathname;

  // …which the centre manager cannot open: the server answers 404 before rendering anything.
  await context.clearCookies();
  await signIn(page, centro.email);
  for (const url of [delegateUrl, clientUrl, "/region/09", "/region/delegates/999999", "/region/clients/abc"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByText("Jordi Barcelona")).toHaveCount(0);
  }
});

test("an admin sees every community active", async ({ page }) => {
  await signIn(page, DEMO_ADMIN.email);
  await page.goto("/region");
  await expect(page.locator('.rsm-geography[data-in-scope="true"]')).toHaveCount(19);
  await expect(page.getByTestId("region-names")).toContainText("Toda España");
});
