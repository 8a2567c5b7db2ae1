import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_DELEGATES } from "../../lib/seed/demo-team";
import { addDays, madridTodayIso } from "../helpers/seed-alerts";
import { signIn } from "./helpers";

// World: tests/helpers/seed-alerts.ts seedInboxE2eWorld — Madrid's 280001 (T1 churn risk, C1
// replenishment, an attended C2) and 280002 (C2 capture, T2 deterioration, a held-out T1 churn
// risk); Barcelona's 080001 (C1 replenishment). No Gemini key in e2e: the panel answers deterministically.
const madrid = DEMO_DELEGATES.find((d) => d.provinceCodes.includes("28"))!;
const barcelona = DEMO_DELEGATES.find((d) => d.provinceCodes.includes("08"))!;

const rows = (page: Page) => page.getByTestId("inbox-row");

/** Opens the inbox filtered to one motive and follows the single alert's link; returns its id. */
async function openAlert(page: Page, motive: string): Promise<number> {
  await page.goto(`/inbox?motive=${motive}`);
  await expect(rows(page)).toHaveCount(1);
  const id = Number(await rows(page).first().getAttribute("data-alert-id"));
  await rows(page).first().getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/alerts/${id}$`));
  await expect(page.getByTestId("alert-actions").getByRole("button").first()).toBeEnabled(); // hydrated
  return id;
}

test("a delegate filters and sorts the inbox, all in the URL, never seeing the control group", async ({ page }) => {
  await signIn(page, madrid.email);
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByTestId("tab-count-pending")).toHaveText("4");
  await expect(rows(page)).toHaveCount(4);
  // Priority order by default; labels in Spanish.
  await expect(rows(page).first()).toContainText("280001");
  await expect(rows(page).first()).toContainText("Riesgo de abandono");
  await expect(rows(page).first()).toContainText("Alta");
  await expect(rows(page).first()).toContainText("Llamada del delegado");
  await expect(rows(page).first()).toContainText("Lleva 75 días sin comprar T1");
  await expect(page.getByTestId("inbox-table")).not.toContainText("99.999 €"); // the held-out alert
  await expect(rows(page).first()).toContainText("4.200 €");

  const filters = page.getByTestId("inbox-filters");
  await filters.getByLabel("Motivo").selectOption({ label: "Riesgo de abandono" });
  await filters.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(/motive=CHURN_RISK/);
  // 280002 has a held-out churn-risk alert: it must not appear.
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("280001");

  await page.goto("/inbox?family=C2&channel=FIELD_VISIT");
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("Ventana de captación");
  await expect(rows(page).first()).toContainText("Visita");

  await page.goto("/inbox?q=280002");
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole("link", { name: "€ en juego" }).click();
  await expect(page).toHaveURL(/sort=impact/);
  await expect(rows(page).first()).toContainText("Ventana de captación"); // 2.600 € before 350 €

  await page.getByTestId("tab-attended").click();
  await expect(page).toHaveURL(/tab=attended/);
  await expect(page.getByTestId("inbox-empty")).toBeVisible(); // the attended alert is 280001's, not 280002's
  await page.getByRole("link", { name: "Quitar filtros" }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("Reactivación");

  // The day's plan: what the engine fitted into the delegate's daily capacity (2 in this world).
  await page.getByTestId("tab-pending").click();
  await page.getByTestId("view-plan").click();
  await expect(page).toHaveURL(/plan=today/);
  await expect(page.getByTestId("plan-day")).toContainText("lista del motor del");
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).nth(0)).toContainText("Riesgo de abandono");
  await expect(rows(page).nth(1)).toContainText("Ventana de captación");
  await expect(page.getByTestId("tab-count-pending")).toHaveText("2");
  await page.getByTestId("view-all").click();
  await expect(page).not.toHaveURL(/plan=/);
  await expect(rows(page)).toHaveCount(4);
});

test("the alert page explains itself and the AI panel answers without a key", async ({ page }) => {
  await signIn(page, madrid.email);
  await openAlert(page, "DETERIORATION");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cliente 280002 · Familia T2");
  await expect(page.getByTestId("purchase-history-chart")).toBeVisible();
  await expect(page.getByTestId("alert-reasons")).toContainText("Ha comprado un 45 % menos de T2 que hace un año");
  await expect(page.getByTestId("alert-trace")).toContainText("Regla de canal");
  await expect(page.getByTestId("client-context")).toContainText("9.000 €");
  await expect(page.getByTestId("other-alerts")).toContainText("C2 · Ventana de captación");

  const panel = page.getByTestId("ai-panel");
  await panel.getByRole("button", { name: "¿Por qué actuar ahora?" }).click();
  const answer = panel.getByTestId("ai-answer").first();
  await expect(answer).toHaveAttribute("data-source", "fallback");
  await expect(answer.getByTestId("ai-source")).toHaveText("Explicación automática a partir de los datos (sin IA)");
  await expect(answer).toContainText("Las compras de la Familia T2 del cliente 280002 se están debilitando");
  await expect(answer).toContainText("Enfoque recomendado");

  await panel.getByLabel("Haz una pregunta sobre esta alerta…").fill("¿Le ofrezco un descuento?");
  await panel.getByRole("button", { name: "Preguntar" }).click();
  await expect(panel.getByTestId("ai-answer")).toHaveCount(2);
  await expect(panel.getByTestId("ai-answer").first()).toContainText("El asistente de IA no está disponible");
});

test("a delegate attends an alert with its outcome", async ({ page }) => {
  await signIn(page, madrid.email);
  await openAlert(page, "CHURN_RISK");
  const actions = page.getByTestId("alert-actions");
  await actions.getByRole("button", { name: "Atender", exact: true }).click();
  const form = page.getByTestId("attend-form");
  await form.getByLabel("Canal utilizado").selectOption({ label: "Visita" });
  await form.getByLabel("Sí").check();
  await form.getByLabel("Resultado").selectOption({ label: "Venta conseguida" });
  await form.getByLabel("Importe (€)").fill("1500");
  await form.getByLabel("Notas").fill("Pedido de injertos para el trimestre");
  await form.getByRole("button", { name: "Guardar atención" }).click();

  await expect(page.getByTestId("action-message")).toHaveText("Alerta atendida.");
  await expect(page.getByTestId("alert-status")).toHaveText("Atendida");
  const event = page.getByTestId("alert-event").first();
  await expect(event).toHaveAttribute("data-type", "ATTENDED");
  await expect(event).toContainText(madrid.name);
  await expect(event).toContainText("Visita · ¿Contactaste con el cliente? Sí · Venta conseguida · 1.500 €");
  await expect(event).toContainText("Pedido de injertos para el trimestre");

  await page.goto("/inbox?tab=attended&motive=CHURN_RISK");
  await expect(rows(page)).toHaveCount(1);
});

test("a delegate dismisses an alert with a reason", async ({ page }) => {
  await signIn(page, madrid.email);
  await openAlert(page, "REPLENISHMENT");
  await page.getByTestId("alert-actions").getByRole("button", { name: "Descartar", exact: true }).click();
  const form = page.getByTestId("dismiss-form");
  await form.getByLabel("Motivo del descarte").selectOption({ label: "Ya ha comprado (a nosotros o vía depósito)" });
  await form.getByRole("button", { name: "Descartar alerta" }).click();
  await expect(page.getByTestId("action-message")).toHaveText("Alerta descartada.");
  await expect(page.getByTestId("alert-status")).toHaveText("Descartada");
  await expect(page.getByTestId("alert-event").first()).toContainText("Ya ha comprado (a nosotros o vía depósito)");
  await page.goto("/inbox?tab=dismissed");
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("Reposición");
});

test("a delegate snoozes an alert and reopens it", async ({ page }) => {
  await signIn(page, madrid.email);
  const id = await openAlert(page, "CAPTURE");
  await page.getByTestId("alert-actions").getByRole("button", { name: "Posponer", exact: true }).click();
  await page.getByTestId("snooze-form").getByLabel("Posponer hasta").fill(addDays(madridTodayIso(), 10));
  await page.getByTestId("snooze-form").getByRole("button", { name: "Posponer alerta" }).click();
  await expect(page.getByTestId("action-message")).toHaveText("Alerta pospuesta.");
  await expect(page.getByTestId("alert-status")).toHaveText("Pospuesta");

  await page.goto("/inbox?tab=snoozed");
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveAttribute("data-alert-id", String(id));
  await rows(page).first().getByRole("link").first().click();
  await page.getByRole("button", { name: "Reabrir alerta" }).click();
  await expect(page.getByTestId("action-message")).toHaveText("Alerta reabierta.");
  await expect(page.getByTestId("alert-status")).toHaveText("Pendiente");
  await expect(page.getByTestId("alert-event").first()).toHaveAttribute("data-type", "REOPENED");
  await expect(page.getByTestId("alert-event").nth(1)).toHaveAttribute("data-type", "SNOOZED");
  await page.goto("/inbox?tab=snoozed");
  await expect(page.getByTestId("inbox-empty")).toBeVisible();
});

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("another delegate can neither open that alert nor act on it", async ({ browser }) => {
  const owner = await signedInPage(browser, madrid.email);
  await owner.goto("/inbox?motive=DETERIORATION");
  const victimId = Number(await rows(owner).first().getAttribute("data-alert-id"));
  const victimVersion = 1;

  const intruder = await signedInPage(browser, barcelona.email);
  const response = await intruder.goto(`/alerts/${victimId}`);
  expect(response?.status()).toBe(404);
  await expect(intruder.getByRole("heading", { name: "Página no encontrada" })).toBeVisible();

  // The intruder opens their own alert and tampers with the server action's request so that it
  // names the other delegate's alert: the server must re-check the scope and refuse.
  const ownId = await openAlert(intruder, "REPLENISHMENT");
  let tampered = false;
  await intruder.route(`**/alerts/${ownId}`, async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      const body = (request.postData() ?? "").replace(/"alertId":\d+/, `"alertId":${victimId}`).replace(/"version":\d+/, `"version":${victimVersion}`);
      tampered = body.includes(`"alertId":${victimId}`);
      await route.continue({ postData: body });
    } else {
      await route.continue();
    }
  });
  await intruder.getByTestId("alert-actions").getByRole("button", { name: "Descartar", exact: true }).click();
  await intruder.getByTestId("dismiss-form").getByLabel("Motivo del descarte").selectOption({ label: "No le interesa" });
  await intruder.getByTestId("dismiss-form").getByRole("button", { name: "Descartar alerta" }).click();
  await expect(intruder.getByTestId("action-error")).toHaveText("No se ha encontrado la alerta o no tienes acceso a ella.");
  expect(tampered).toBe(true);
  await intruder.unroute(`**/alerts/${ownId}`);
  // Their own alert was not touched either.
  await intruder.reload();
  await expect(intruder.getByTestId("alert-status")).toHaveText("Pendiente");

  // The owner's alert is unchanged.
  await owner.goto(`/alerts/${victimId}`);
  await expect(owner.getByTestId("alert-status")).toHaveText("Pendiente");
  await expect(owner.getByTestId("alert-detail")).toHaveAttribute("data-version", String(victimVersion));
  await expect(owner.getByTestId("alert-events")).toHaveCount(0);
});
