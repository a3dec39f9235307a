import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../src/shared/api/auth.js";
import type { Entity } from "../src/shared/api/entities.js";
import type { Ticket } from "../src/shared/api/tickets.js";
import type { User } from "../src/shared/api/users.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall, ok, pickOption, signInAs } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const TECH = { login: "nina.leroy", password: "technicien-n1-2026!", firstName: "Nina", lastName: "Leroy" };
const CLAIRE = { login: "claire.durand", password: "demandeur-2026!", firstName: "Claire", lastName: "Durand", phone: "04 72 10 20 30" };
const PAUL = { login: "paul.morel", password: "demandeur-2026!", firstName: "Paul", lastName: "Morel", phone: "04 72 10 99 00" };


describe.skipIf(missing !== undefined)("a ticket's people and relations: requester panel, links, merge, observers, a new call", () => {
  let server: TestServer;
  let browser: Browser;
  let cookie = "";
  const ids = { target: 0, duplicate: 0, child: 0, older: 0 };

  const api = <T>(path: string, method = "GET", body?: unknown) => ok(apiCall<T>(server.url, path, { method, cookie, body }));

  async function signIn(person: { login: string; password: string }, heading: RegExp | string) {
    await signInAs(browser, server.url, person);
    await browser.page.getByRole("heading", { name: heading }).first().waitFor();
  }

  beforeAll(async () => {
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    const login = await apiCall<Me>(server.url, "/api/auth/login", { method: "POST", body: ADMIN });
    cookie = login.cookie ?? "";
    const rootId = login.body.entityId;
    const lyon = await api<Entity>("/api/entities", "POST", { name: "Lyon", parentId: rootId });
    const user = (p: typeof TECH & { phone?: string }, entityId: number) => api<User>("/api/users", "POST", {
      login: p.login, firstName: p.firstName, lastName: p.lastName, email: `${p.login}@durand.example`, phone: p.phone, entityId, password: p.password });
    const tech = await user(TECH, rootId);
    const claire = await user(CLAIRE, lyon.id);
    const paul = await user(PAUL, lyon.id);
    await api("/api/grants", "POST", { userId: tech.id, entityId: rootId, role: "technician", recursive: true });
    for (const u of [claire, paul]) await api("/api/grants", "POST", { userId: u.id, entityId: lyon.id, role: "requester", recursive: false });
    const open = async (title: string, requesterId: number) =>
      (await api<Ticket>("/api/tickets", "POST", { title, requesterId, channel: "phone" })).id;
    ids.older = await open("Souris sans fil qui ne répond plus", claire.id);
    ids.target = await open("Messagerie inaccessible depuis ce matin", claire.id);
    ids.duplicate = await open("Outlook ne s’ouvre plus", paul.id);
    ids.child = await open("Pas de mails sur le téléphone", claire.id);
    browser = await openBrowser();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(browser.page, `failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the requester's contact and their other recent tickets beside the ticket", async () => {
    const { page } = browser;
    await signIn(TECH, "Bonjour Nina");
    await page.goto(`${server.url}/tickets/${ids.target}`);
    const panel = page.getByRole("region", { name: "Demandeur" });
    await panel.getByText("04 72 10 20 30").waitFor();
    await panel.getByRole("link", { name: `#${ids.older} Souris sans fil qui ne répond plus` }).waitFor();
    await expect(panel.getByRole("link", { name: new RegExp(`^#${ids.target} `) }).count()).resolves.toBe(0);
  });

  it("links a child ticket and adds an observer", async () => {
    const { page } = browser;
    const links = page.getByRole("region", { name: "Tickets liés" });
    await links.getByRole("combobox", { name: "Lien" }).click();
    await page.getByRole("option", { name: "Parent de" }).click();
    await links.getByLabel("Ticket n°").fill(String(ids.child));
    await links.getByRole("button", { name: "Lier" }).click();
    await links.getByRole("link", { name: `#${ids.child} Pas de mails sur le téléphone` }).waitFor();
    await links.getByText("Parent de").waitFor();

    const observers = page.getByRole("region", { name: "Observateurs" });
    await pickOption(page, observers, /^Ajouter un observateur/, "Morel", /Morel Paul/);
    await observers.getByText("Paul Morel").waitFor();
    await screenshot(page, "80-ticket-relations");
  });

  it("merges a duplicate into the ticket: the duplicate is closed and points here", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Fusionner des doublons dans ce ticket…" }).click();
    const dialog = page.getByRole("dialog", { name: `Fusionner dans le ticket n° ${ids.target}` });
    await dialog.getByLabel("Numéros des tickets à fusionner").fill(`${ids.duplicate}`);
    await screenshot(page, "81-merge-dialog", false);
    await dialog.getByRole("button", { name: "Fusionner 1 ticket" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.locator(".followup[data-kind=merge]").getByText(`#${ids.duplicate} — Outlook ne s’ouvre plus`).waitFor();
    await page.getByRole("region", { name: "Tickets liés" }).getByText("A pour doublon").waitFor();

    await page.goto(`${server.url}/tickets/${ids.duplicate}`);
    await page.getByText(`Ce ticket a été fusionné dans le ticket n° ${ids.target}`).waitFor();
    const merged = await api<Ticket>(`/api/tickets/${ids.duplicate}`);
    expect(merged).toMatchObject({ status: "closed", mergedIntoId: ids.target });
    await screenshot(page, "82-merged-source");
  });

  it("logs a new call about an open ticket from the call screen, with its duration", async () => {
    const { page } = browser;
    const before = (await api<Ticket>(`/api/tickets/${ids.target}`)).callSeconds ?? 0;
    await page.getByRole("navigation").getByRole("link", { name: "Nouvel appel" }).click();
    await page.getByLabel("Rechercher l’appelant").fill("04 72 10 20");
    await page.getByRole("listitem", { name: "Durand Claire" }).click();
    await page.waitForFunction(() => document.querySelector("[data-testid=call-timer]")?.textContent !== "00:00");
    const row = page.locator(`[data-ticket="${ids.target}"]`);
    await row.getByRole("button", { name: "Ajouter un suivi" }).click();
    const dialog = page.getByRole("dialog", { name: `Suivi de l’appel sur le ticket n° ${ids.target}` });
    await dialog.getByLabel(/^Ce qui a été dit/).fill("Mme Durand rappelle : toujours rien, même après redémarrage.");
    await screenshot(page, "83-call-followup", false);
    await dialog.getByRole("button", { name: "Enregistrer le suivi" }).click();
    await page.waitForURL(new RegExp(`/tickets/${ids.target}$`));
    await page.getByText("Mme Durand rappelle").waitFor();
    expect((await api<Ticket>(`/api/tickets/${ids.target}`)).callSeconds ?? 0).toBeGreaterThan(before);
  });

  it("keeps a technician's unsaved triage when someone else changes the ticket, and shows the clash", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/tickets/${ids.target}`);
    const form = page.locator("form", { has: page.getByRole("heading", { name: "Qualification" }) });
    await form.getByRole("combobox", { name: "Urgence" }).click();
    await page.getByRole("option", { name: "5 · Très haute" }).click();
    await form.getByRole("combobox", { name: "Impact" }).click();
    await page.getByRole("option", { name: "4 · Haute" }).click();
    // Meanwhile the admin lowers the urgency: the live update brings it, the clash shows.
    const current = await api<Ticket>(`/api/tickets/${ids.target}`);
    await api(`/api/tickets/${ids.target}`, "PATCH", { version: current.version, urgency: 1 });
    const alert = page.getByRole("alert").filter({ hasText: "Modifié pendant votre saisie" });
    await alert.getByText("Quelqu’un a changé Urgence entre-temps").waitFor();
    await expect(form.getByRole("button", { name: "Enregistrer" }).isDisabled()).resolves.toBe(true);
    await screenshot(page, "85-triage-clash", false);
    await alert.getByRole("button", { name: "Garder mes choix" }).click();
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Modifications enregistrées").waitFor();
    expect(await api<Ticket>(`/api/tickets/${ids.target}`)).toMatchObject({ urgency: 5, impact: 4 });
  });

  it("the observer follows the ticket from the portal, without approving it", async () => {
    const { page } = browser;
    await signIn(PAUL, /Bonjour Paul|Mes demandes|Portail/);
    await page.getByText("Messagerie inaccessible depuis ce matin").waitFor();
    await page.getByText("Messagerie inaccessible depuis ce matin").click();
    await page.getByRole("heading", { name: "Messagerie inaccessible depuis ce matin" }).waitFor();
    await screenshot(page, "84-observer-portal");
  });
});
