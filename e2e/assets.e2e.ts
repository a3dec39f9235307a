import fs from "node:fs";
import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AssetKind } from "../src/shared/api/asset-references.js";
import type { Asset, AssetEvent } from "../src/shared/api/assets.js";
import type { Me } from "../src/shared/api/auth.js";
import type { User } from "../src/shared/api/users.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall, ok, pickOption, signInAs } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const TECH = { login: "nina.leroy", password: "technicien-n1-2026!", firstName: "Nina", lastName: "Leroy" };
const CLAIRE = { login: "claire.durand", password: "demandeuse-2026!", firstName: "Claire", lastName: "Durand" };
/** The task asks for the screenshots there, to look at them after a run. */
const SHOTS = "/tmp/shots";

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

/**
 * Picks an option and checks the field took it, trying again if the dropdown was re-rendered
 * under the click (on a loaded machine, reference lists may still be arriving).
 */
async function pickSure(page: Page, within: Locator, label: RegExp, search: string, option: string): Promise<void> {
  const input = within.getByRole("combobox", { name: label }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      await pickOption(page, within, label, search, option);
      await expect.poll(() => input.inputValue(), { timeout: 3000 }).toBe(option);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press("Escape");
    }
  }
}

type Setup = { cookie: string; claireId: number; lyonId: number };

/** A technician, a user to hand a laptop to, a place tree and the Dell catalogue, through the API. */
async function prepare(url: string): Promise<Setup> {
  const login = await apiCall<Me>(url, "/api/auth/login", { method: "POST", body: ADMIN });
  const cookie = login.cookie ?? "";
  const rootId = login.body.entityId;
  const post = <T>(path: string, body: unknown) => ok(apiCall<T>(url, path, { method: "POST", cookie, body }));
  const users: Record<string, User> = {};
  for (const [person, role] of [[TECH, "technician"], [CLAIRE, "requester"]] as const) {
    users[person.login] = await post<User>("/api/users", { ...person, email: `${person.login}@durand.example`, entityId: rootId });
    await post("/api/grants", { userId: users[person.login]?.id, entityId: rootId, role, recursive: true });
  }
  const lyon = await post<{ id: number }>("/api/locations", { name: "Lyon", locationType: "site", entityId: rootId });
  const building = await post<{ id: number }>("/api/locations", { name: "Bâtiment A", locationType: "building", parentId: lyon.id });
  await post("/api/locations", { name: "Salle 204", locationType: "room", parentId: building.id });
  await post("/api/locations", { name: "Paris", locationType: "site", entityId: rootId });
  const kinds = await ok(apiCall<{ data: AssetKind[] }>(url, "/api/asset-kinds", { cookie }));
  const laptop = kinds.data.find((kind) => kind.code === "laptop");
  const dell = await post<{ id: number }>("/api/manufacturers", { name: "Dell" });
  await post("/api/asset-models", { kindId: laptop?.id, manufacturerId: dell.id, name: "Latitude 5440" });
  return { cookie, claireId: users[CLAIRE.login]?.id ?? 0, lyonId: lyon.id };
}

describe.skipIf(missing !== undefined)("the fleet: a laptop from its creation to its timeline", () => {
  let server: TestServer;
  let desk: Browser;
  let phone: Browser;
  let setup: Setup;
  let assetId = 0;

  beforeAll(async () => {
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    setup = await prepare(server.url);
    desk = await openBrowser();
    phone = await openBrowser({ viewport: { width: 375, height: 812 } });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(desk.page, `failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await desk?.close();
    await phone?.close();
    await server?.stop();
  });

  it("a technician creates a laptop: kind first, its own fields, price in euros, the tag generated", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, TECH);
    await page.getByRole("navigation").getByRole("link", { name: "Parc" }).click();
    await page.getByRole("heading", { name: "Parc" }).waitFor();
    await page.getByRole("link", { name: "Nouveau matériel" }).click();
    const main = page.getByRole("main");
    await pickSure(page, main, /^Type/, "portable", "Ordinateur portable");
    await main.getByText(/PC-\{YYYY\}-\{#####\}/).waitFor();
    await main.getByRole("textbox", { name: "Nom", exact: true }).fill("Portable de Claire");
    await main.getByRole("textbox", { name: /^Nom d.hôte/ }).fill("LYO-PC-CLAIRE");
    await main.getByLabel(/^N° de série/).fill("5CG1234XYZ");
    await pickSure(page, main, /^Fabricant/, "Dell", "Dell");
    await pickSure(page, main, /^Modèle/, "Lat", "Latitude 5440");
    await pickOption(page, main, /^Lieu/, "204", /Salle 204/);
    await main.getByLabel(/^Date d’achat/).fill("2025-03-15");
    await main.getByLabel(/^Prix d’achat/).fill("1299,90");
    await main.getByLabel(/^Durée de garantie/).fill("36");
    await main.getByText("Fin de garantie : 15 mars 2028").waitFor();
    await shot(page, "assets-new");
    await main.getByRole("button", { name: "Créer" }).click();
    await page.waitForURL(/\/assets\/\d+$/);
    assetId = Number(new URL(page.url()).pathname.split("/").pop());
    const asset = await ok(apiCall<Asset>(server.url, `/api/assets/${assetId}`, { cookie: setup.cookie }));
    expect(asset).toMatchObject({ name: "Portable de Claire", status: "in_stock", priceCents: 129990, warrantyEnd: "2028-03-15", modelName: "Latitude 5440" });
    expect(asset.assetTag).toMatch(/^PC-\d{4}-00001$/);
    expect(asset.fields).toMatchObject({ hostname: "LYO-PC-CLAIRE" });
    await page.getByRole("heading", { name: new RegExp(asset.assetTag) }).waitFor();
  });

  it("assigns it to a user, with a reason: it goes in use", async () => {
    const { page } = desk;
    await page.getByRole("button", { name: "Affecter" }).click();
    const dialog = page.getByRole("dialog");
    await pickOption(page, dialog, /^Utilisateur/, "Durand", /Durand Claire/);
    await dialog.getByLabel(/^Motif/).fill("Arrivée de Claire au service achats");
    await dialog.getByRole("button", { name: "Valider" }).click();
    await page.getByText("Opération enregistrée").waitFor();
    await page.getByRole("banner").or(page.getByRole("main")).getByText("En service").first().waitFor();
    const asset = await ok(apiCall<Asset>(server.url, `/api/assets/${assetId}`, { cookie: setup.cookie }));
    expect(asset).toMatchObject({ status: "in_use", userId: setup.claireId });
  });

  it("finds it in the list with the family, status and user filters, kept in the address", async () => {
    const { page } = desk;
    await page.goto(`${server.url}/assets`);
    await page.locator("label", { hasText: /^Ordinateurs$/ }).click();
    const main = page.getByRole("main");
    await main.getByRole("combobox", { name: /^Statut/ }).click();
    await page.getByRole("option", { name: "En service", exact: true }).click();
    await page.keyboard.press("Escape");
    await main.getByLabel(/^Rechercher/).fill("PC-");
    await page.waitForURL(/q=PC-/);
    const row = main.getByRole("row", { name: /Portable de Claire/ });
    await row.waitFor();
    await row.getByText(/Claire Durand|Durand Claire/).waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get("family")).toBe("computer");
    expect(url.searchParams.get("status")).toBe("in_use");
    await shot(page, "assets-list");

    await main.getByRole("combobox", { name: /^Statut/ }).click({ force: true });
    await page.getByRole("option", { name: "En stock", exact: true }).click();
    await page.keyboard.press("Escape");
    await page.waitForURL(/status=in_use%2Cin_stock|status=in_use,in_stock/);
  });

  it("opens its page by its address on a phone, reads well at 375 px, and shows the timeline", async () => {
    const { page } = phone;
    await signInAs(phone, server.url, TECH);
    await page.goto(`${server.url}/assets/${assetId}`);
    await page.getByText("Portable de Claire").first().waitFor();
    await page.getByRole("button", { name: "Déplacer" }).waitFor();
    await shot(page, "asset-page-375");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await page.getByRole("tab", { name: "Historique" }).click();
    await page.getByText("« Arrivée de Claire au service achats »").waitFor();
    const movements = page.getByRole("region", { name: "Mouvements" });
    await movements.getByText("Affectation", { exact: true }).waitFor();
    await movements.getByText("Création", { exact: true }).waitFor();
    await shot(page, "asset-timeline-375");
    const events = await ok(apiCall<{ data: AssetEvent[] }>(server.url, `/api/assets/${assetId}/events`, { cookie: setup.cookie }));
    expect(events.data.map((event) => event.type)).toEqual(["assign", "create"]);
  });

  it("shows the asset page on a desk, then in English", async () => {
    const { page } = desk;
    await page.goto(`${server.url}/assets/${assetId}?tab=financial`);
    await page.getByText("1 299,90 €").or(page.getByText("1 299,90 €")).first().waitFor();
    await shot(page, "asset-page-desk");
    await page.getByRole("button", { name: /^Langue/ }).click();
    await page.getByRole("menuitem", { name: "English" }).click();
    await page.getByRole("tab", { name: "Financial & contracts" }).waitFor();
    await page.getByRole("button", { name: "Move" }).waitFor();
    await shot(page, "asset-page-en", false);
    await page.getByRole("button", { name: /^Language/ }).click();
    await page.getByRole("menuitem", { name: "Français" }).click();
  });

  it("opens a ticket from the asset: the ticket is linked to it, both ways", async () => {
    const { page } = desk;
    await page.goto(`${server.url}/assets/${assetId}?tab=tickets`);
    await page.getByRole("link", { name: "Ouvrir un ticket" }).click();
    await page.waitForURL(new RegExp(`/tickets/new\\?assetId=${assetId}$`));
    const main = page.getByRole("main");
    await pickOption(page, main, /^Demandeur/, "Durand", /Durand Claire/);
    await main.getByLabel(/^Titre/).fill("L’écran du portable scintille");
    await main.getByRole("button", { name: "Créer" }).click();
    await page.waitForURL(/\/tickets\/\d+$/);
    const panel = page.getByRole("region", { name: "Matériel" });
    await panel.getByRole("link", { name: /Portable de Claire/ }).first().waitFor();
    await shot(page, "ticket-assets-panel");
    await page.goto(`${server.url}/assets/${assetId}?tab=tickets`);
    await page.getByRole("link", { name: /L’écran du portable scintille/ }).waitFor();
  });

  it("lists the movement in the fleet-wide movements of Lyon", async () => {
    const { page } = desk;
    await page.goto(`${server.url}/assets/movements?locationId=${setup.lyonId}`);
    await page.getByRole("heading", { name: "Mouvements du parc" }).waitFor();
    await page.getByRole("row", { name: /Affectation/ }).waitFor();
    await shot(page, "asset-movements");
  });
});
