import { expect, test } from "@playwright/test";
import { DEMO_ADMIN, DEMO_DELEGATES, DEMO_MANAGERS } from "../../lib/seed/demo-team";
import { expectSignedInAs, login } from "./helpers";

const madrid = DEMO_DELEGATES.find((d) => d.provinceCodes.includes("28"))!;
const centro = DEMO_MANAGERS.find((m) => m.key === "centro")!;

test("a delegate lands on their inbox and sees only their territory", async ({ page }) => {
  await login(page, madrid.email);
  await expect(page).toHaveURL(/\/inbox$/);
  await expectSignedInAs(page, madrid.name);
  await expect(page.getByRole("heading", { name: "Bandeja de alertas" })).toBeVisible();
  await expect(page.getByTestId("territory-provinces")).toHaveText("Madrid");
  await expect(page.getByTestId("territory-clients")).toHaveText("2");
});

test("a manager lands on their region", async ({ page }) => {
  await login(page, centro.email);
  await expect(page).toHaveURL(/\/region$/);
  await expectSignedInAs(page, centro.name);
  await expect(page.getByTestId("region-names")).toContainText("Comunidad de Madrid");
  await expect(page.getByTestId("region-names")).not.toContainText("Cataluña");
});

test("an admin lands on the administration area", async ({ page }) => {
  await login(page, DEMO_ADMIN.email);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Administración" })).toBeVisible();
});

test("a wrong password shows an error and stays on the login page", async ({ page }) => {
  await login(page, DEMO_ADMIN.email, "not-the-password");
  await expect(page.getByTestId("login-error")).toHaveText("Correo o contraseña incorrectos.");
  await expect(page).toHaveURL(/\/login$/);
});

test("repeated failures lock the account, even for the right password", async ({ page }) => {
  const victim = DEMO_DELEGATES.at(-1)!;
  for (let i = 0; i < 5; i++) {
    await login(page, victim.email, `guess-${i}`);
    await expect(page.getByTestId("login-error")).toBeVisible();
  }
  await expect(page.getByTestId("login-error")).toContainText("Demasiados intentos fallidos");
  await login(page, victim.email);
  await expect(page.getByTestId("login-error")).toContainText("Demasiados intentos fallidos");
  await expect(page).toHaveURL(/\/login$/);
});

test("a delegate opening an admin URL is refused with 403", async ({ page }) => {
  await login(page, madrid.email);
  await expect(page).toHaveURL(/\/inbox$/);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Acceso denegado" })).toBeVisible();
  const region = await page.goto("/region");
  expect(region?.status()).toBe(403);
});

test("unauthenticated API calls get 401 JSON; pages redirect to login", async ({ request, page }) => {
  const api = await request.get("/api/v1/me");
  expect(api.status()).toBe(401);
  expect(await api.json()).toMatchObject({ error: "unauthorized" });
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});

test("the interface switches to English and back", async ({ page }) => {
  await login(page, DEMO_ADMIN.email);
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByLabel("Idioma").selectOption("en");
  await expect(page.getByRole("heading", { name: "Administration" })).toBeVisible();
  await page.getByLabel("Language").selectOption("es");
  await expect(page.getByRole("heading", { name: "Administración" })).toBeVisible();
});

test("signing out returns to the login page", async ({ page }) => {
  await login(page, DEMO_ADMIN.email);
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("button", { name: "Cerrar sesión" }).click();
  await expect(page).toHaveURL(/\/login/);
  const response = await page.goto("/admin");
  expect(page.url()).toContain("/login");
  expect(response?.ok()).toBe(true);
});
