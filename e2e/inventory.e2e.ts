import fs from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AssetKind } from "../src/shared/api/asset-references.js";
import type { Asset } from "../src/shared/api/assets.js";
import type { Me } from "../src/shared/api/auth.js";
import type { Campaign } from "../src/shared/api/inventory.js";
import type { User } from "../src/shared/api/users.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall, ok, pickOption, signInAs } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const TECH = { login: "hugo.martin", password: "technicien-inventaire-2026!", firstName: "Hugo", lastName: "Martin" };
/** The phone the technician walks the rooms with. */
const PHONE = { width: 375, height: 740 };

type Laptop = { id: number; tag: string; name: string };
type Setup = { cookie: string; roomId: number; a: Laptop; b: Laptop; c: Laptop };

/** A technician, Lyon > Bâtiment A > 2e étage > Salle 204 (and Salle 205), and three laptops, through the API. */
async function prepare(url: string): Promise<Setup> {
  const login = await apiCall<Me>(url, "/api/auth/login", { method: "POST", body: ADMIN });
  const cookie = login.cookie ?? "";
  const rootId = login.body.entityId;
  const post = <T>(path: string, body: unknown) => ok(apiCall<T>(url, path, { method: "POST", cookie, body }));
  const tech = await post<User>("/api/users", { ...TECH, email: `${TECH.login}@durand.example`, entityId: rootId });
  await post("/api/grants", { userId: tech.id, entityId: rootId, role: "technician", recursive: true });
  const site = await post<{ id: number }>("/api/locations", { name: "Lyon", locationType: "site", entityId: rootId });
  const building = await post<{ id: number }>("/api/locations", { name: "Bâtiment A", locationType: "building", parentId: site.id });
  const floor = await post<{ id: number }>("/api/locations", { name: "2e étage", locationType: "floor", parentId: building.id });
  const room = await post<{ id: number }>("/api/locations", { name: "Salle 204", locationType: "room", parentId: floor.id });
  const other = await post<{ id: number }>("/api/locations", { name: "Salle 205", locationType: "room", parentId: floor.id });
  const kinds = await ok(apiCall<{ data: AssetKind[] }>(url, "/api/asset-kinds", { cookie }));
  const kindId = kinds.data.find((kind) => kind.code === "laptop")?.id;
  const laptop = async (name: string, locationId: number): Promise<Laptop> => {
    const asset = await post<Asset>("/api/assets", { kindId, name, locationId });
    return { id: asset.id, tag: asset.assetTag, name };
  };
  return {
    cookie,
    roomId: room.id,
    a: await laptop("Portable accueil", room.id),
    b: await laptop("Portable formation", room.id),
    c: await laptop("Portable du stagiaire", other.id),
  };
}

/** The document must not be wider than the phone: nothing to scroll sideways. */
async function expectNoSideScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

describe.skipIf(missing !== undefined)("labels, their QR address and a physical inventory of Salle 204", () => {
  let server: TestServer;
  let desk: Browser;
  let phone: Browser;
  let setup: Setup;
  let campaignId = 0;

  beforeAll(async () => {
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    setup = await prepare(server.url);
    desk = await openBrowser();
    phone = await openBrowser({ viewport: PHONE });
  });

  afterEach(async (context) => {
    if (context.task.result?.state !== "fail") return;
    const name = context.task.name.slice(0, 40);
    await screenshot(desk.page, `inventory-failed-desk-${name}`);
    await screenshot(phone.page, `inventory-failed-phone-${name}`);
  });

  afterAll(async () => {
    await desk?.close();
    await phone?.close();
    await server?.stop();
  });

  it("a technician picks laptop A in the fleet and downloads its label as a PDF", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, TECH);
    await page.goto(`${server.url}/assets`);
    const main = page.getByRole("main");
    await main.getByRole("row", { name: new RegExp(setup.a.name) }).waitFor();
    await main.getByRole("checkbox", { name: `Sélectionner ${setup.a.tag}` }).check();
    const bar = page.getByRole("region", { name: "Actions sur la sélection" });
    await bar.getByRole("button", { name: "Imprimer l’étiquette" }).click();
    const dialog = page.getByRole("dialog", { name: "Étiquettes QR code" });
    await dialog.getByRole("radio", { name: /Avery L7163/ }).check();
    await dialog.getByText("1 étiquette, 1 planche(s).").waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 30_000 }),
      dialog.getByRole("button", { name: "Télécharger le PDF" }).click(),
    ]);
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await dialog.waitFor({ state: "hidden" });
    // The sheet chosen is remembered for the next print.
    expect(await page.evaluate(() => localStorage.getItem("vigie.labelLayout"))).toBe("L7163");
  });

  it("the address in the QR code opens A's page on a phone, without sideways scrolling", async () => {
    const { page } = phone;
    await signInAs(phone, server.url, TECH);
    // What the label encodes (decoding the PDF's QR code is covered by label.routes.test.ts).
    await page.goto(`${server.url}/assets/${setup.a.id}`);
    await page.getByRole("heading", { name: new RegExp(setup.a.tag) }).waitFor();
    await page.getByText(setup.a.name).first().waitFor();
    await screenshot(page, "inventory-qr-asset-375");
    await expectNoSideScroll(page);
  });

  it("starts a campaign for Salle 204 from the inventory page", async () => {
    const { page } = phone;
    await page.goto(`${server.url}/inventory`);
    await page.getByRole("heading", { name: "Inventaire physique" }).waitFor();
    await page.getByText("Aucune campagne ici.").waitFor();
    await screenshot(page, "inventory-list-375");
    await expectNoSideScroll(page);
    await page.getByRole("button", { name: "Nouvelle campagne" }).click();
    const dialog = page.getByRole("dialog", { name: "Nouvelle campagne" });
    await expect.poll(() => dialog.getByLabel(/^Nom de la campagne/).inputValue()).toMatch(/^Inventaire du /);
    await pickOption(page, dialog, /^Lieu inventorié/, "204", /Salle 204/);
    await dialog.getByRole("button", { name: "Commencer" }).click();
    await page.waitForURL(/\/inventory\/\d+$/);
    campaignId = Number(new URL(page.url()).pathname.split("/").pop());
    const campaign = await ok(apiCall<Campaign>(server.url, `/api/inventory/campaigns/${campaignId}`, { cookie: setup.cookie }));
    expect(campaign).toMatchObject({ locationId: setup.roomId, status: "open", scanCount: 0 });
  });

  it("scans A (found) and C (not in its place) by typing their tags", async () => {
    const { page } = phone;
    const field = page.getByRole("textbox", { name: "N° d’inventaire ou lien" });
    // The verdict of the last scan, read aloud (aria-live) and shown in its colour.
    const last = page.getByRole("alert");
    await field.fill(setup.a.tag);
    await field.press("Enter");
    await last.getByText(setup.a.tag, { exact: true }).waitFor();
    await last.getByText("Trouvé", { exact: true }).waitFor();
    await expect.poll(() => field.inputValue()).toBe("");
    await field.fill(setup.c.tag);
    await page.getByRole("button", { name: "Ajouter" }).click();
    await last.getByText(setup.c.tag, { exact: true }).waitFor();
    await last.getByText("Pas à sa place", { exact: true }).waitFor();
    await last.getByText(/Enregistré à : .*Salle 205/).waitFor();
    await page.getByRole("tab", { name: "Scans (2)" }).waitFor();
    await screenshot(page, "inventory-campaign-375");
    await expectNoSideScroll(page);
  });

  it("the report says A found, B missing, C not in its place", async () => {
    const { page } = phone;
    await page.getByRole("tab", { name: "Rapport" }).click();
    const panel = page.getByRole("tabpanel", { name: "Rapport" });
    // A segmented control: its radios are hidden, their labels are what one taps.
    const section = (name: RegExp) => panel.locator("label", { hasText: name });
    await section(/^Trouvés \(1\)/).waitFor();
    await panel.getByRole("link", { name: setup.a.tag }).waitFor();
    await panel.getByText("Trouvé", { exact: true }).waitFor();
    await screenshot(page, "inventory-report-found-375");
    await expectNoSideScroll(page);

    await section(/^Manquants \(1\)/).click();
    await panel.getByRole("link", { name: setup.b.tag }).waitFor();
    await panel.getByText("Manquant", { exact: true }).waitFor();
    await expect.poll(() => panel.getByRole("link", { name: setup.a.tag }).count()).toBe(0);

    await section(/^Pas à leur place \(1\)/).click();
    await panel.getByRole("link", { name: setup.c.tag }).waitFor();
    await panel.getByText("Pas à sa place", { exact: true }).waitFor();
    await screenshot(page, "inventory-report-unexpected-375");
    await expectNoSideScroll(page);
  });

  it("files C here with “Ranger ici”: it is found now, and recorded in Salle 204", async () => {
    const { page } = phone;
    const panel = page.getByRole("tabpanel", { name: "Rapport" });
    await panel.getByRole("checkbox", { name: `Ranger ${setup.c.tag} ici` }).check();
    await panel.getByRole("button", { name: "Ranger ici (1)" }).click();
    await page.getByText(/1 matériel rangé à : .*Salle 204/).waitFor();
    await panel.getByText("Tout est à sa place.").waitFor();
    await panel.locator("label", { hasText: /^Trouvés \(2\)/ }).click();
    await panel.getByRole("link", { name: setup.c.tag }).waitFor();
    await panel.getByRole("link", { name: setup.a.tag }).waitFor();
    const asset = await ok(apiCall<Asset>(server.url, `/api/assets/${setup.c.id}`, { cookie: setup.cookie }));
    expect(asset.locationId).toBe(setup.roomId);
    await screenshot(page, "inventory-report-after-375");
  });

  it("closes the campaign: no more scanning, the report stays", async () => {
    const { page } = phone;
    await page.getByRole("button", { name: "Clôturer" }).click();
    const dialog = page.getByRole("dialog", { name: "Clôturer la campagne ?" });
    await dialog.getByRole("button", { name: "Clôturer" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText(/^Clôturée le /).waitFor();
    await expect.poll(() => page.getByRole("textbox", { name: "N° d’inventaire ou lien" }).count()).toBe(0);
    await page.getByRole("tabpanel", { name: "Rapport" }).getByRole("link", { name: setup.c.tag }).waitFor();
    const campaign = await ok(apiCall<Campaign>(server.url, `/api/inventory/campaigns/${campaignId}`, { cookie: setup.cookie }));
    expect(campaign).toMatchObject({ status: "closed", scanCount: 2 });
    expect(campaign.closedAt).not.toBeNull();
    await screenshot(page, "inventory-closed-375");
    await expectNoSideScroll(page);
  });
});
