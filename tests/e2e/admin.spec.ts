// The administration area in Chromium: a territory change that moves an open alert, a pipeline run
// followed from the queue to its outcome, and a CRM token that reads the API until it is revoked.
// Data: tests/e2e/seed-e2e-world.ts (the Oviedo clinic 330001 with an open alert, Pelayo Asturias's).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_ADMIN, DEMO_DELEGATES } from "../../lib/seed/demo-team";
import { signIn } from "./helpers";

const pelayo = DEMO_DELEGATES.find((d) => d.provinceCodes.includes("33"))!;
const teresa = DEMO_DELEGATES.find((d) => d.email === "delegado.castilla-leon@demo.sds")!;
const madrid = DEMO_DELEGATES.find((d) => d.provinceCodes.includes("28"))!;

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("an admin gives a province to another delegate and its open alert moves with it", async ({ page, browser }) => {
  await signIn(page, DEMO_ADMIN.email);
  await page.goto("/admin/territories");
  const asturias = page.locator('[data-testid="province-row"][data-province="33"]');
  await expect(asturias.getByTestId("province-open-alerts")).toHaveText("1");
  const select = asturias.getByRole("combobox", { name: "Delegado · Asturias" });
  await expect(select).toBeEnabled(); // hydrated
  await expect(select.locator("option:checked")).toHaveText(pelayo.name);
  const teresaRow = page.getByTestId("delegate-row").filter({ hasText: teresa.email });
  const teresaBefore = Number(await teresaRow.getByTestId("delegate-open-alerts").textContent());

  await select.selectOption({ label: teresa.name });
  await asturias.getByRole("button", { name: "Guardar" }).click();
  await expect(asturias.getByTestId("province-feedback")).toHaveText("Asturias: 1 alerta(s) abierta(s) pasan al nuevo delegado.");
  await expect(teresaRow.getByTestId("delegate-open-alerts")).toHaveText(String(teresaBefore + 1));

  // The new delegate has it, with the reassignment in its history; the old one no longer does.
  const newOwner = await signedInPage(browser, teresa.email);
  await newOwner.goto("/inbox?q=330001");
  const row = newOwner.getByTestId("inbox-row");
  await expect(row).toHaveCount(1);
  await row.first().getByRole("link").first().click();
  await expect(newOwner).toHaveURL(/\/alerts\/\d+$/);
  const event = newOwner.getByTestId("alert-event").first();
  await expect(event).toHaveAttribute("data-type", "REASSIGNED");
  await expect(event).toContainText("Reasignada");
  await expect(event).toContainText(DEMO_ADMIN.name);

  const oldOwner = await signedInPage(browser, pelayo.email);
  await oldOwner.goto("/inbox?q=330001");
  await expect(oldOwner.getByTestId("inbox-empty")).toBeVisible();
});

test("an admin starts a pipeline run and follows its progress until it fails, with the cause shown", async ({ page }) => {
  await signIn(page, DEMO_ADMIN.email);
  await page.goto("/admin/pipeline");
  const runner = page.getByTestId("pipeline-runner");
  const start = runner.getByRole("button", { name: "Ejecutar ahora" });
  await expect(start).toBeEnabled(); // hydrated
  // A day before any sale: the run goes through its steps and fails for want of history, whatever the
  // e2e world holds (a successful run would raise and expire the alerts other specs rely on).
  await runner.getByLabel("Datos a fecha (opcional)").fill("2000-01-01");
  await start.click();

  const run = page.getByTestId("pipeline-run");
  // Queued first: the separate process takes a few seconds to start.
  await expect(run).toHaveAttribute("data-status", "QUEUED");
  await expect(runner.getByTestId("pipeline-run-status")).toHaveText("En cola");
  await expect(runner.getByTestId("pipeline-percent")).toHaveText("0 %");
  await expect(start).toBeDisabled();
  // Then the run moves: it builds the training set, reaches the training step, and fails there.
  await expect(run).toHaveAttribute("data-status", "FAILED", { timeout: 45_000 });
  await expect(runner.getByTestId("pipeline-run-status")).toHaveText("Fallida");
  await expect(runner.getByTestId("pipeline-step")).toHaveText("Entrenamiento de los modelos");
  await expect(runner.getByTestId("pipeline-percent")).toHaveText("30 %");
  await expect(runner.getByTestId("pipeline-progress")).toHaveAttribute("aria-valuenow", "30");
  await expect(runner.getByTestId("pipeline-run-error")).toContainText("Causa del fallo: Not enough history to train BUY_90D");
  await expect(runner.getByTestId("pipeline-log")).toContainText("Motor de señales a fecha 2000-01-01");
  await expect(start).toBeEnabled();

  // The history shows who ran it, how it ended and why; its log is one click away.
  const runId = await run.getAttribute("data-run-id");
  const historyRow = page.locator(`[data-testid="pipeline-history-row"][data-run-id="${runId}"]`);
  await expect(historyRow).toContainText("Manual");
  await expect(historyRow).toContainText(DEMO_ADMIN.name);
  await expect(historyRow).toContainText("Fallida");
  await expect(historyRow).toContainText("Not enough history to train BUY_90D");
  await historyRow.getByRole("link", { name: "Ver registro" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/pipeline/${runId}$`));
  await expect(page.getByTestId("pipeline-full-log")).toContainText("Error: Not enough history");
});

test("a CRM token lists its owner's alerts, and gets 401 once revoked", async ({ page, request }) => {
  await signIn(page, DEMO_ADMIN.email);
  await page.goto("/admin/tokens");
  const form = page.getByTestId("create-token-form");
  await expect(form.getByRole("button", { name: "Crear token" })).toBeEnabled(); // hydrated
  await form.getByLabel("Usuario").selectOption({ label: `${madrid.name} · Delegado comercial · ${madrid.email}` });
  await form.getByLabel("Nombre (para qué se usa)").fill("CRM e2e");
  await form.getByRole("button", { name: "Crear token" }).click();
  const token = (await page.getByTestId("created-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^sds_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);

  // `request` shares no cookies with the page: only the token authenticates.
  const headers = { Authorization: `Bearer ${token}` };
  const listed = await request.get("/api/v1/alerts?limit=100", { headers });
  expect(listed.status()).toBe(200);
  const clients = ((await listed.json()) as { data: { clientId: string }[] }).data.map((alert) => alert.clientId);
  expect(clients).toContain("280001");
  expect(clients.every((id) => id.startsWith("28"))).toBe(true); // Madrid's delegate: Madrid's clients only
  const csv = await request.get("/api/v1/alerts?format=csv", { headers });
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toMatch(/^id,client_id,/);

  await page.reload();
  const row = page.getByTestId("token-row").filter({ hasText: "CRM e2e" });
  await expect(row).toContainText(madrid.name);
  await expect(row).not.toContainText("Nunca"); // its last use is recorded
  await row.getByRole("button", { name: "Revocar" }).click();
  await expect(row.getByTestId("token-status")).toContainText("Revocado el");

  const refused = await request.get("/api/v1/alerts", { headers });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: "invalid_token" });
});
