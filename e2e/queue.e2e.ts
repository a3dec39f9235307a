import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../src/shared/api/auth.js";
import type { Entity } from "../src/shared/api/entities.js";
import type { Group } from "../src/shared/api/groups.js";
import type { Ticket } from "../src/shared/api/tickets.js";
import type { User } from "../src/shared/api/users.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall, ok, pickOption, saveViewAs, signInAs } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const SUPERVISOR = { login: "sophie.martin", password: "superviseure-2026!", firstName: "Sophie", lastName: "Martin", language: "fr" };
const SUPERVISOR_EN = { login: "sam.taylor", password: "supervisor-2026-en!", firstName: "Sam", lastName: "Taylor", language: "en" };
const VIEW = "Imprimantes au téléphone";
const PRINTERS = ["Imprimante bloquée au 2e", "Imprimante du RH hors ligne", "Imprimante couleur : bourrage"];

type Setup = { cookie: string; groupId: number; printerIds: number[]; duplicateId: number };


/** Through the API: an entity, two supervisors (French, English), a team, and tickets to sort out. */
async function prepare(url: string): Promise<Setup> {
  const login = await apiCall<Me>(url, "/api/auth/login", { method: "POST", body: ADMIN });
  const cookie = login.cookie ?? "";
  const rootId = login.body.entityId;
  const post = <T>(path: string, body: unknown) => ok(apiCall<T>(url, path, { method: "POST", cookie, body }));
  const entity = await post<Entity>("/api/entities", { name: "Lyon", parentId: rootId });
  for (const person of [SUPERVISOR, SUPERVISOR_EN]) {
    const user = await post<User>("/api/users", { ...person, email: `${person.login}@durand.example`, entityId: rootId });
    await post("/api/grants", { userId: user.id, entityId: rootId, role: "supervisor", recursive: true });
  }
  const group = await post<Group>("/api/groups", { name: "Proximité Lyon", entityId: rootId, recursive: true });
  const open = (title: string, channel: string, urgency = 3) =>
    post<Ticket>("/api/tickets", { title, channel, urgency, entityId: entity.id, contactName: "Accueil Lyon", dueAt: "2030-06-01T08:00:00.000Z" });
  const printerIds = [];
  for (const [i, title] of PRINTERS.entries()) printerIds.push((await open(title, "phone", 2 + i)).id);
  await open("Imprimante réseau : demande de toner", "email");
  await open("Accès VPN impossible", "phone", 5);
  await open("Outlook se ferme au démarrage", "portal");
  const duplicate = await open("VPN : impossible de se connecter depuis la maison", "email");
  return { cookie, groupId: group.id, printerIds, duplicateId: duplicate.id };
}

describe.skipIf(missing !== undefined)("the supervisor's queue: filters, columns, a saved view and a bulk assignment", () => {
  let server: TestServer;
  let browser: Browser;
  let setup: Setup;

  const rows = () => browser.page.locator(".ticket-queue tbody tr");
  const header = (name: string) => browser.page.getByRole("columnheader", { name, exact: true });

  async function signIn(person: { login: string; password: string }, heading: string) {
    await signInAs(browser, server.url, person);
    await browser.page.getByRole("heading", { name: heading }).waitFor();
  }

  beforeAll(async () => {
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    setup = await prepare(server.url);
    browser = await openBrowser();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(browser.page, `failed-queue-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("filters on the title and the channel, and chooses the columns", async () => {
    const { page } = browser;
    await signIn(SUPERVISOR, "Bonjour Sophie");
    await page.goto(`${server.url}/tickets`);
    await page.getByRole("heading", { name: "Tickets" }).waitFor();
    await expect.poll(() => rows().count()).toBe(7);

    await page.getByLabel("Titre contient").fill("imprimante");
    await page.waitForURL(/q=imprimante/);
    await expect.poll(() => rows().count()).toBe(4);
    await page.getByRole("button", { name: "Plus de filtres" }).click();
    await page.getByRole("combobox", { name: "Canal" }).click();
    await page.getByRole("option", { name: "Téléphone" }).click();
    await page.keyboard.press("Escape");
    await page.waitForURL(/channel=phone/);
    await expect.poll(() => rows().count()).toBe(3);

    await page.getByRole("button", { name: /^Colonnes/ }).click();
    const picker = page.getByRole("group", { name: "Colonnes affichées" });
    await picker.getByRole("checkbox", { name: "Entité" }).uncheck();
    await picker.getByRole("checkbox", { name: "Canal" }).check();
    await picker.getByRole("checkbox", { name: "Échéance" }).check();
    await screenshot(page, "50-queue-filters-columns", false);
    await page.keyboard.press("Escape");
    await header("Canal").waitFor();
    await expect(header("Entité").count()).resolves.toBe(0);
    await expect(rows().first().textContent()).resolves.toContain("Téléphone");
  });

  it("saves the view, and finds it with its filters and columns after a reload", async () => {
    const { page } = browser;
    await saveViewAs(page, VIEW);

    await page.goto(`${server.url}/tickets`);
    await expect.poll(() => rows().count()).toBe(7);
    // Back to the default columns, so the view must bring its own.
    await page.getByRole("button", { name: /^Colonnes/ }).click();
    await page.getByRole("button", { name: "Colonnes par défaut" }).click();
    await page.keyboard.press("Escape");
    await header("Entité").waitFor();
    await screenshot(page, "51-queue-saved-view-listed");

    await page.getByRole("button", { name: VIEW }).click();
    await page.waitForURL(/q=imprimante/);
    expect(new URL(page.url()).searchParams.get("channel")).toBe("phone");
    await expect.poll(() => rows().count()).toBe(3);
    await header("Canal").waitFor();
    await expect(header("Entité").count()).resolves.toBe(0);
    await expect(page.getByLabel("Titre contient").inputValue()).resolves.toBe("imprimante");
  });

  it("checks three tickets, two with the keyboard, and assigns them to a group in one action", async () => {
    const { page } = browser;
    await rows().nth(0).locator("td").nth(1).click();
    await page.keyboard.press("x");
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    await rows().nth(2).getByRole("checkbox").check();
    const bar = page.getByRole("region", { name: "Actions sur les tickets cochés" });
    await bar.getByText("3 tickets cochés").waitFor();
    await screenshot(page, "52-queue-three-checked");

    await bar.getByRole("button", { name: "Assigner…" }).click();
    const dialog = page.getByRole("dialog", { name: "Assigner 3 tickets" });
    await pickOption(page, dialog, /^Groupe/, "Proximité", "Proximité Lyon");
    await screenshot(page, "53-queue-bulk-assign", false);
    await dialog.getByRole("button", { name: "Assigner les 3 tickets" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText("3 tickets modifiés").waitFor();
    await expect(page.getByRole("region", { name: "Actions sur les tickets cochés" }).count()).resolves.toBe(0);
    await screenshot(page, "54-queue-bulk-done");

    for (const id of setup.printerIds) {
      const ticket = await ok(apiCall<Ticket>(server.url, `/api/tickets/${id}`, { cookie: setup.cookie }));
      expect(ticket).toMatchObject({ groupId: setup.groupId, groupName: "Proximité Lyon", status: "assigned" });
    }
  });

  it("merges a duplicate into the ticket to keep", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/tickets?q=vpn`);
    await expect.poll(() => rows().count()).toBe(2);
    await page.getByRole("checkbox", { name: "Cocher tous les tickets de la page" }).check();
    await page.getByRole("button", { name: "Fusionner…" }).click();
    const dialog = page.getByRole("dialog", { name: "Fusionner 2 tickets" });
    const keep = dialog.getByRole("radio", { name: /Accès VPN impossible/ });
    await expect(keep.isChecked()).resolves.toBe(true);
    await screenshot(page, "58-queue-merge", false);
    await dialog.getByRole("button", { name: "Fusionner" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText("1 ticket fusionné dans le").waitFor();
    await expect.poll(() => rows().count()).toBe(1);
    const merged = await ok(apiCall<Ticket>(server.url, `/api/tickets/${setup.duplicateId}`, { cookie: setup.cookie }));
    expect(merged.status).toBe("closed");
    expect(merged.mergedIntoId).not.toBeNull();
  });

  it("says which tickets a bulk action refused, and why, keeping them checked", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/tickets?view=all&q=vpn`);
    await expect.poll(() => rows().count()).toBe(2);
    await page.getByRole("checkbox", { name: "Cocher tous les tickets de la page" }).check();
    await page.getByRole("button", { name: "Me les attribuer" }).click();
    const outcome = page.getByRole("status").filter({ hasText: "1 ticket modifié, 1 refusé" });
    await outcome.waitFor();
    await outcome.getByText(`Ticket n° ${setup.duplicateId}`).waitFor();
    await outcome.getByText("Ce ticket a été fusionné dans un autre").waitFor();
    await page.getByText("1 ticket coché").waitFor();
    await screenshot(page, "59-queue-partial-refusal");
  });

  it("works in English and in the dark theme", async () => {
    const { page } = browser;
    await signIn(SUPERVISOR_EN, "Hello Sam");
    await page.goto(`${server.url}/tickets?q=imprimante&status=new,assigned`);
    await expect.poll(() => rows().count()).toBe(4);
    await page.getByRole("button", { name: "More filters" }).click();
    await page.getByRole("checkbox", { name: "Check every ticket on this page" }).check();
    await page.getByRole("region", { name: "Actions on the checked tickets" }).getByText("4 tickets checked").waitFor();
    await screenshot(page, "55-queue-english");
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await page.getByRole("region", { name: "Actions on the checked tickets" }).getByRole("button", { name: "Change status…" }).click();
    const dialog = page.getByRole("dialog", { name: "Change the status of 4 tickets" });
    await dialog.getByRole("combobox", { name: /^Status/ }).click();
    await page.getByRole("option", { name: "Pending" }).click();
    await dialog.getByRole("button", { name: "Change the status of 4 tickets" }).click();
    await dialog.getByText("This field is required").waitFor();
    await screenshot(page, "56-queue-english-dark-status", false);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "+ Save this view" }).click();
    await screenshot(page, "57-queue-english-dark-save", false);
  });
});
