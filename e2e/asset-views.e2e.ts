import fs from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AssetKind } from "../src/shared/api/asset-references.js";
import type { Me } from "../src/shared/api/auth.js";
import type { User } from "../src/shared/api/users.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall, ok, saveViewAs, signInAs } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const NINA = { login: "nina.leroy", password: "technicien-n1-2026!", firstName: "Nina", lastName: "Leroy", language: "fr" };
const SAM = { login: "sam.taylor", password: "technician-2026-en!", firstName: "Sam", lastName: "Taylor", language: "en" };
const VIEW = "Portables en service";
/** The task asks for the screenshots there, to look at them after a run. */
const SHOTS = "/tmp/shots";

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Through the API: two technicians (French, English), three laptops (two in use) and a printer. */
async function prepare(url: string): Promise<void> {
  const login = await apiCall<Me>(url, "/api/auth/login", { method: "POST", body: ADMIN });
  const cookie = login.cookie ?? "";
  const rootId = login.body.entityId;
  const post = <T>(path: string, body: unknown) => ok(apiCall<T>(url, path, { method: "POST", cookie, body }));
  for (const person of [NINA, SAM]) {
    const user = await post<User>("/api/users", { ...person, email: `${person.login}@durand.example`, entityId: rootId });
    await post("/api/grants", { userId: user.id, entityId: rootId, role: "technician", recursive: true });
  }
  const kinds = await ok(apiCall<{ data: AssetKind[] }>(url, "/api/asset-kinds", { cookie }));
  const kindId = (code: string) => kinds.data.find((kind) => kind.code === code)?.id;
  const dell = await post<{ id: number }>("/api/manufacturers", { name: "Dell" });
  const model = await post<{ id: number }>("/api/asset-models", { kindId: kindId("laptop"), manufacturerId: dell.id, name: "Latitude 5440" });
  const laptop = (name: string, serial: string, status: string) => post("/api/assets", {
    kindId: kindId("laptop"), name, serial, status, manufacturerId: dell.id, modelId: model.id,
    purchaseDate: "2025-03-01", priceCents: 120000, depreciationYears: 3,
  });
  await laptop("Portable comptabilité", "SN-CPT-01", "in_use");
  await laptop("Portable accueil", "SN-ACC-02", "in_use");
  await laptop("Portable de prêt", "SN-PRET-03", "in_stock");
  await post("/api/assets", { kindId: kindId("printer"), name: "Imprimante du 2e", status: "in_use" });
}

describe.skipIf(missing !== undefined)("the asset list's columns and saved views", () => {
  let server: TestServer;
  let browser: Browser;

  const rows = () => browser.page.locator(".asset-list tbody tr");
  const headers = () => browser.page.locator(".asset-list thead th").allTextContents();
  const main = () => browser.page.getByRole("main");

  async function chooseStatus(name: string) {
    await main().getByRole("combobox", { name: /^(Statut|Status)/ }).click();
    await browser.page.getByRole("option", { name, exact: true }).click();
    await browser.page.keyboard.press("Escape");
  }

  beforeAll(async () => {
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    await prepare(server.url);
    browser = await openBrowser();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(browser.page, `failed-asset-views-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("filters the laptops in use and chooses the columns, which stay after a reload", async () => {
    const { page } = browser;
    await signInAs(browser, server.url, NINA);
    await page.goto(`${server.url}/assets`);
    await expect.poll(() => rows().count()).toBe(4);
    await page.locator("label", { hasText: /^Ordinateurs$/ }).click();
    await chooseStatus("En service");
    await page.waitForURL(/status=in_use/);
    await expect.poll(() => rows().count()).toBe(2);

    await page.getByRole("button", { name: /^Colonnes/ }).click();
    const picker = page.getByRole("group", { name: "Colonnes affichées" });
    await picker.getByRole("checkbox", { name: "Lieu" }).uncheck();
    await picker.getByRole("checkbox", { name: "N° de série" }).check();
    await picker.getByRole("checkbox", { name: "Fabricant" }).check();
    await picker.getByRole("checkbox", { name: "Valeur actuelle" }).check();
    await shot(page, "asset-views-columns-fr");
    await page.keyboard.press("Escape");
    await expect.poll(headers).toContain("Valeur actuelle");
    expect(await headers()).not.toContain("Lieu");
    await rows().first().getByText(/^SN-/).waitFor();

    await page.reload();
    await expect.poll(() => rows().count()).toBe(2);
    await expect.poll(headers).toContain("N° de série");
    expect(await headers()).not.toContain("Lieu");
  });

  it("saves the filters and columns as a view, and opens it again from a clean list", async () => {
    const { page } = browser;
    await saveViewAs(page, VIEW);

    // A clean list with the default columns: the view must bring back its own filters and columns.
    await page.goto(`${server.url}/assets`);
    await page.getByRole("button", { name: /^Colonnes/ }).click();
    await page.getByRole("button", { name: "Colonnes par défaut" }).click();
    await page.keyboard.press("Escape");
    await expect.poll(headers).toContain("Lieu");
    await expect.poll(() => rows().count()).toBe(4);
    await page.getByRole("button", { name: VIEW, pressed: false }).waitFor();

    await page.getByRole("button", { name: VIEW, exact: true }).click();
    await page.waitForURL(/family=computer/);
    expect(new URL(page.url()).searchParams.get("status")).toBe("in_use");
    await expect.poll(() => rows().count()).toBe(2);
    await expect.poll(headers).toContain("Valeur actuelle");
    expect(await headers()).not.toContain("Lieu");
    await page.getByRole("button", { name: VIEW, pressed: true }).waitFor();
    await shot(page, "asset-views-saved-fr");
  });

  it("keeps views private, and lets an English technician save, rename and delete one", async () => {
    const { page } = browser;
    await signInAs(browser, server.url, SAM);
    await page.goto(`${server.url}/assets`);
    await page.getByRole("group", { name: "My views" }).waitFor();
    await expect.poll(() => rows().count()).toBe(4);
    expect(await page.getByRole("button", { name: VIEW }).count()).toBe(0);

    await chooseStatus("In stock");
    await page.waitForURL(/status=in_stock/);
    await expect.poll(() => rows().count()).toBe(1);
    await page.getByRole("button", { name: "+ Save this view" }).click();
    const dialog = page.getByRole("dialog", { name: "Save the view" });
    await dialog.getByLabel(/^View name/).fill("Spare laptops");
    await dialog.getByRole("button", { name: "Save" }).click();
    await page.getByRole("button", { name: "Spare laptops", pressed: true }).waitFor();
    await shot(page, "asset-views-saved-en");

    await page.getByRole("button", { name: "Actions for view Spare laptops" }).click();
    await page.getByRole("menuitem", { name: "Rename…" }).click();
    const rename = page.getByRole("dialog", { name: "Rename the view" });
    await rename.getByLabel(/^View name/).fill("Stock");
    await rename.getByRole("button", { name: "Save" }).click();
    await page.getByRole("button", { name: "Stock", pressed: true }).waitFor();

    await page.getByRole("button", { name: "Actions for view Stock" }).click();
    await page.getByRole("menuitem", { name: "Delete…" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete the view" });
    await confirm.getByText("The assets are not affected.", { exact: false }).waitFor();
    await confirm.getByRole("button", { name: "Delete" }).click();
    await page.getByText("View “Stock” deleted").waitFor();
    await expect.poll(() => page.getByRole("button", { name: "Stock", exact: true }).count()).toBe(0);
  });
});
