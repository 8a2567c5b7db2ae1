import { expect, test } from "@playwright/test";
import { DEMO_ADMIN, DEMO_DELEGATES } from "../../lib/seed/demo-team";
import { CLIENTES, PRODUCTOS, VENTAS_MIXED } from "../helpers/import-fixtures";
import { signIn } from "./helpers";

const file = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

test("an admin uploads several files and reads the report, with rejected rows to download", async ({ page }) => {
  await signIn(page, DEMO_ADMIN.email);
  await page.goto("/admin/imports");
  await expect(page.getByRole("heading", { name: "Importar datos" })).toBeVisible();
  await expect(page.getByRole("button", { name: "elíjalos" })).toBeEnabled(); // hydrated
  await page.getByTestId("file-input").setInputFiles([
    file("Ventas-e2e.csv", VENTAS_MIXED),
    file("Productos-e2e.csv", PRODUCTOS),
    file("Clientes-e2e.csv", CLIENTES),
  ]);
  await page.getByRole("button", { name: "Importar 3 archivo(s)" }).click();

  const batch = page.getByTestId("import-batch");
  await expect(batch.getByText("Completada")).toHaveCount(3, { timeout: 30_000 });
  const salesRow = batch.getByRole("row", { name: /Ventas-e2e\.csv/ });
  // 10 rows: 6 kept (no campaign file here), 1 unknown product + 1 bad date + 1 formula rejected… and one
  // line of an unknown client kept and flagged.
  await expect(salesRow).toContainText("ventas");
  await expect(salesRow.getByRole("cell").nth(3)).toHaveText("10");
  await expect(salesRow.getByRole("cell").nth(5)).toHaveText("3");
  await expect(page.getByTestId("import-report")).toContainText("unknown_product");

  const download = page.waitForEvent("download");
  await salesRow.getByRole("link", { name: "Descargar filas rechazadas" }).click();
  const csv = await (await download).createReadStream();
  const text = await new Promise<string>((resolve) => {
    let acc = "";
    csv.on("data", (chunk) => (acc += chunk));
    csv.on("end", () => resolve(acc));
  });
  expect(text).toContain("linea;columna;codigo;motivo");
  expect(text).toContain("unknown_product");
  // The formula cell is neutralised for Excel.
  expect(text).toContain("'=cmd|calc");
});

test("a delegate cannot upload or start imports", async ({ page }) => {
  await signIn(page, DEMO_DELEGATES[0]!.email);
  await expect(page).toHaveURL(/\/inbox$/);
  const upload = await page.request.post("/api/admin/uploads", { data: "x", headers: { "x-file-name": "a.csv" } });
  expect(upload.status()).toBe(403);
  const start = await page.request.post("/api/admin/imports", { data: { uploads: [] } });
  expect(start.status()).toBe(403);
  expect((await page.goto("/admin/imports"))?.status()).toBe(403);
});
