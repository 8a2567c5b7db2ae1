import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/seed/demo-team";

export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña").fill(password);
  // Wait for the server's answer, so a previous attempt's message is never mistaken for this one's.
  await Promise.all([
    page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials")),
    page.getByRole("button", { name: "Entrar" }).click(),
  ]);
}

export async function expectSignedInAs(page: Page, name: string): Promise<void> {
  await expect(page.getByTestId("current-user")).toContainText(name);
}

/** Signs in and waits until the role's landing page has loaded. */
export async function signIn(page: Page, email: string): Promise<void> {
  await login(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login") && url.pathname !== "/");
}
