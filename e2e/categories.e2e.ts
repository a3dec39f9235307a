import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../src/shared/api/auth.js";
import type { Category } from "../src/shared/api/categories.js";
import type { Group } from "../src/shared/api/groups.js";
import type { Ticket } from "../src/shared/api/tickets.js";
import type { User } from "../src/shared/api/users.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall, ok, pickOption, signInAs } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const N1 = { login: "nina.leroy", password: "technicien-n1-2026!", firstName: "Nina", lastName: "Leroy" };
const REQUESTER = { login: "claire.durand", password: "demandeur-2026!", firstName: "Claire", lastName: "Durand" };

/** Picks an option of a Select that has no search box. */
async function choose(page: Page, within: Locator, label: RegExp, option: string): Promise<void> {
  await within.getByRole("combobox", { name: label }).first().click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

type Setup = { cookie: string; groups: Record<"n1" | "network", number>; categories: Record<string, Category> };


/** Two teams, a technician, a requester and a small tree, through the API. */
async function prepare(url: string): Promise<Setup> {
  const login = await apiCall<Me>(url, "/api/auth/login", { method: "POST", body: ADMIN });
  const cookie = login.cookie ?? "";
  const rootId = login.body.entityId;
  const post = <T>(path: string, body: unknown) => ok(apiCall<T>(url, path, { method: "POST", cookie, body }));
  for (const [person, role, recursive] of [[N1, "technician", true], [REQUESTER, "requester", false]] as const) {
    const user = await post<User>("/api/users", { ...person, email: `${person.login}@durand.example`, entityId: rootId });
    await post("/api/grants", { userId: user.id, entityId: rootId, role, recursive });
  }
  const groups = {
    n1: (await post<Group>("/api/groups", { name: "Hotline N1", entityId: rootId })).id,
    network: (await post<Group>("/api/groups", { name: "Support N2 Réseau", entityId: rootId })).id,
  };
  const categories: Record<string, Category> = {};
  const category = async (key: string, body: object, parent?: string) => {
    categories[key] = await post<Category>("/api/categories", { entityId: rootId, parentId: parent ? categories[parent]?.id : undefined, ...body });
  };
  await category("hardware", { name: "Matériel", inPortal: false });
  await category("printing", { name: "Impression", portalLabel: "Je n’arrive plus à imprimer", description: "Bourrage, toner, imprimante introuvable",
    defaultType: "incident", defaultGroupId: groups.n1, defaultUrgency: 3, defaultImpact: 2 }, "hardware");
  await category("network", { name: "Réseau", inPortal: false, defaultGroupId: groups.network }, undefined);
  await category("wifi", { name: "Wi-Fi", portalLabel: "Le Wi-Fi ne marche pas", defaultGroupId: groups.network, defaultUrgency: 3, defaultImpact: 3 }, "network");
  await category("vpn", { name: "VPN", portalLabel: "Je n’arrive pas à me connecter à distance", description: "Télétravail : la connexion VPN échoue",
    defaultType: "request", defaultGroupId: groups.network, defaultUrgency: 5, defaultImpact: 4 }, "network");
  await category("accounts", { name: "Comptes et accès", inPortal: false });
  await category("password", { name: "Mot de passe", portalLabel: "J’ai oublié mon mot de passe", defaultType: "request", defaultGroupId: groups.n1, defaultUrgency: 4 });
  await category("servers", { name: "Serveurs", inPortal: false, defaultGroupId: groups.network });
  return { cookie, groups, categories };
}

describe.skipIf(missing !== undefined)("ticket categories, from the admin's tree to the requester's plain words", () => {
  let server: TestServer;
  let desk: Browser;
  let phone: Browser;
  let setup: Setup;

  const getTicket = (id: number) => ok(apiCall<Ticket>(server.url, `/api/tickets/${id}`, { cookie: setup.cookie }));

  async function signIn(browser: Browser, person: { login: string; password: string }) {
    await signInAs(browser, server.url, person);
  }

  beforeAll(async () => {
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    setup = await prepare(server.url);
    desk = await openBrowser();
    phone = await openBrowser({ viewport: { width: 390, height: 844 } });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(desk.page, `failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await desk?.close();
    await phone?.close();
    await server?.stop();
  });

  it("the admin adds a category with its portal words and defaults, and sees the priority they give", async () => {
    const { page } = desk;
    await signIn(desk, ADMIN);
    await page.getByRole("navigation").getByRole("link", { name: "Catégories" }).click();
    await page.getByRole("heading", { name: "Catégories de tickets" }).waitFor();
    await page.getByRole("button", { name: "Nouvelle catégorie" }).click();
    const drawer = page.getByRole("dialog", { name: "Nouvelle catégorie" });
    await drawer.getByLabel(/^Nom/).fill("Téléphonie");
    await drawer.getByLabel(/^Libellé pour le demandeur/).fill("Mon téléphone ne fonctionne pas");
    await drawer.getByLabel(/^Précision/).fill("Pas de tonalité, messagerie vocale, renvoi d’appel");
    await choose(page, drawer, /^Type/, "Incident");
    await pickOption(page, drawer, /^Groupe/, "Hotline", "Hotline N1");
    await choose(page, drawer, /^Urgence/, "4 · Haute");
    await choose(page, drawer, /^Impact/, "4 · Haute");
    await drawer.getByText("4 · Haute", { exact: true }).last().waitFor();
    await screenshot(page, "70-category-drawer", false);
    await drawer.getByRole("button", { name: "Créer" }).click();
    await page.getByText("Catégorie « Téléphonie » créée").waitFor();
    await page.getByRole("button", { name: "Téléphonie", exact: true }).waitFor();
    await screenshot(page, "71-categories-tree");
  });

  it("moves a category under another one; the tree and its complete name follow", async () => {
    const { page } = desk;
    await page.getByRole("button", { name: "Mot de passe", exact: true }).click();
    const drawer = page.getByRole("dialog", { name: "Modifier « Mot de passe »" });
    await pickOption(page, drawer, /^Catégorie parente/, "compt", "Comptes et accès");
    await drawer.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Catégorie « Mot de passe » enregistrée").waitFor();
    const list = await ok(apiCall<{ data: Category[] }>(server.url, "/api/categories", { cookie: setup.cookie }));
    expect(list.data.find((c) => c.id === setup.categories.password?.id)).toMatchObject({ completeName: "Comptes et accès > Mot de passe", depth: 1 });

    await page.getByRole("button", { name: "Actions pour Serveurs" }).click();
    await page.getByRole("menuitem", { name: "Désactiver" }).waitFor();
    await screenshot(page, "71b-category-row-menu", false);
    await page.getByRole("menuitem", { name: "Désactiver" }).click();
    await page.getByText("Catégorie « Serveurs » désactivée, avec ses sous-catégories").waitFor();
    // The toast comes with the answer; the tree shows the change once it has read the list again.
    await expect.poll(() => page.getByRole("button", { name: "Serveurs", exact: true }).count()).toBe(0);
  });

  it("a technician picks a category and the new ticket's fields take its defaults, except those set by hand", async () => {
    const { page } = desk;
    await signIn(desk, N1);
    await page.goto(`${server.url}/tickets/new`);
    const main = page.getByRole("main");
    await choose(page, main, /^Urgence/, "2 · Basse");
    await pickOption(page, main, /^Catégorie/, "vpn", "Réseau > VPN");
    await expect(main.getByRole("combobox", { name: "Type" }).inputValue()).resolves.toBe("Demande");
    await expect(main.getByRole("combobox", { name: "Impact" }).inputValue()).resolves.toBe("4 · Haute");
    await expect(main.getByRole("combobox", { name: "Urgence" }).inputValue()).resolves.toBe("2 · Basse");
    await expect(main.getByRole("combobox", { name: "Groupe" }).inputValue()).resolves.toBe("Support N2 Réseau");
    await main.getByLabel(/^Titre/).fill("VPN refusé depuis la mise à jour");
    await screenshot(page, "72-new-ticket-category");
    await main.getByRole("button", { name: "Créer" }).click();
    await page.waitForURL(/\/tickets\/\d+$/);
    const created = await getTicket(Number(new URL(page.url()).pathname.split("/").pop()));
    expect(created).toMatchObject({ categoryName: "Réseau > VPN", type: "request", urgency: 2, impact: 4, groupId: setup.groups.network, status: "assigned" });
    await page.getByRole("heading", { name: /VPN refusé depuis la mise à jour/ }).waitFor();
    await expect(page.getByRole("combobox", { name: "Catégorie" }).inputValue()).resolves.toBe("Réseau > VPN");
    await screenshot(page, "72b-ticket-category-field", false);
  });

  it("a requester says what it is about in plain words, on a phone", async () => {
    const { page } = phone;
    await signIn(phone, REQUESTER);
    await page.goto(`${server.url}/requests/new`);
    await page.getByRole("heading", { name: "De quoi s’agit-il ?" }).waitFor();
    await expect(page.getByText("Serveurs").count()).resolves.toBe(0);
    await screenshot(page, "73-portal-choice-phone");
    await page.getByLabel("Rechercher").fill("imprim");
    await expect(page.getByRole("button", { name: /Le Wi-Fi ne marche pas/ }).count()).resolves.toBe(0);
    await page.getByRole("button", { name: /Je n’arrive plus à imprimer/ }).click();
    await page.getByText("Votre demande concerne").waitFor();
    await page.getByLabel(/^Objet/).fill("L’imprimante du 2e affiche « bourrage »");
    await screenshot(page, "74-portal-form-phone");
    await page.getByRole("button", { name: "Envoyer la demande" }).click();
    await page.waitForURL(/\/requests\/\d+$/);
    const created = await getTicket(Number(new URL(page.url()).pathname.split("/").pop()));
    expect(created).toMatchObject({ categoryName: "Matériel > Impression", channel: "portal", groupId: setup.groups.n1, status: "assigned", impact: 2 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });

  it("can still say “I don't know”, and reads the same in English", async () => {
    const { page } = desk;
    await signIn(desk, REQUESTER);
    await page.goto(`${server.url}/requests/new`);
    await page.getByRole("button", { name: /^Langue/ }).click();
    await page.getByRole("menuitem", { name: "English" }).click();
    await page.getByRole("heading", { name: "What is it about?" }).waitFor();
    await screenshot(page, "75-portal-choice-en");
    await page.getByRole("button", { name: /Other \/ I don’t know/ }).click();
    await page.getByText("Your request is about").waitFor();
    await page.getByRole("button", { name: "Change" }).waitFor();
    await screenshot(page, "76-portal-other-en", false);
    await page.getByRole("button", { name: /^Language/ }).click();
    await page.getByRole("menuitem", { name: "Français" }).click();
    await page.getByText("Votre demande concerne").waitFor();
  });

  it("shows the admin page in English and in the dark theme", async () => {
    const { page } = desk;
    await signIn(desk, ADMIN);
    await page.goto(`${server.url}/admin/categories`);
    await page.getByRole("button", { name: /^Langue/ }).click();
    await page.getByRole("menuitem", { name: "English" }).click();
    await page.getByRole("heading", { name: "Ticket categories" }).waitFor();
    await page.getByLabel("Show inactive categories").check({ force: true });
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await page.getByRole("button", { name: "Impression", exact: true }).click();
    await page.getByRole("dialog", { name: "Edit “Impression”" }).getByText("Resulting priority:").waitFor();
    await screenshot(page, "77-category-drawer-en-dark", false);
    await page.keyboard.press("Escape");
    await screenshot(page, "78-categories-tree-en-dark");
    await page.getByRole("button", { name: "Switch to light theme" }).click();
  });
});
