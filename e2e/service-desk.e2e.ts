import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../src/shared/api/auth.js";
import type { Entity } from "../src/shared/api/entities.js";
import type { Group } from "../src/shared/api/groups.js";
import type { Followup, Ticket } from "../src/shared/api/tickets.js";
import type { User } from "../src/shared/api/users.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall, ok, pickOption, signInAs } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const N1 = { login: "nina.leroy", password: "technicien-n1-2026!", firstName: "Nina", lastName: "Leroy" };
const N2 = { login: "rachid.benali", password: "technicien-n2-2026!", firstName: "Rachid", lastName: "Benali" };
const REQUESTER = {
  login: "claire.durand",
  password: "demandeur-2026!",
  firstName: "Claire",
  lastName: "Durand",
  phone: "04 72 10 20 30",
};
const TITLE = "Plus d’accès au réseau depuis le poste 2B-14";

type Setup = { cookie: string; rootId: number; entityId: number; groupId: number };


/** Everything but the flow itself goes through the API: an entity, three people, a level-2 team. */
async function prepare(url: string): Promise<Setup> {
  const login = await apiCall<Me>(url, "/api/auth/login", { method: "POST", body: ADMIN });
  expect(login.status).toBe(200);
  const cookie = login.cookie ?? "";
  const rootId = login.body.entityId;
  const post = <T>(path: string, body: unknown) => ok(apiCall<T>(url, path, { method: "POST", cookie, body }));

  const entity = await post<Entity>("/api/entities", { name: "Lyon", parentId: rootId });
  const user = async (person: { login: string; password: string; firstName: string; lastName: string; phone?: string }, entityId: number) =>
    post<User>("/api/users", {
      login: person.login,
      firstName: person.firstName,
      lastName: person.lastName,
      email: `${person.login}@durand.example`,
      phone: person.phone,
      entityId,
      password: person.password,
    });
  const n1 = await user(N1, rootId);
  const n2 = await user(N2, rootId);
  const requester = await user(REQUESTER, entity.id);
  await post("/api/grants", { userId: n1.id, entityId: rootId, role: "technician", recursive: true });
  await post("/api/grants", { userId: n2.id, entityId: rootId, role: "technician", recursive: true });
  await post("/api/grants", { userId: requester.id, entityId: entity.id, role: "requester", recursive: false });
  const group = await post<Group>("/api/groups", { name: "Réseau N2", entityId: rootId, recursive: true });
  await post(`/api/groups/${group.id}/members`, { userId: n2.id });
  return { cookie, rootId, entityId: entity.id, groupId: group.id };
}

describe.skipIf(missing !== undefined)("a phone call from intake to the requester's rating", () => {
  let server: TestServer;
  let browser: Browser;
  let setup: Setup;
  let ticketId = 0;

  const ticket = async () => ok(apiCall<Ticket>(server.url, `/api/tickets/${ticketId}`, { cookie: setup.cookie }));
  const kinds = async () =>
    (await ok(apiCall<{ data: Followup[] }>(server.url, `/api/tickets/${ticketId}/followups?limit=100`, { cookie: setup.cookie }))).data.map(
      (followup) => followup.kind,
    );

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
    if (context.task.result?.state === "fail") await screenshot(browser.page, `failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("N1 takes the call: finds the caller by a piece of their phone number and opens a ticket with the call's length", async () => {
    const { page } = browser;
    await signIn(N1, "Bonjour Nina");
    await page.getByRole("navigation").getByRole("link", { name: "Nouvel appel" }).click();
    await page.getByRole("heading", { name: "Nouvel appel" }).waitFor();
    const timer = page.getByTestId("call-timer");
    await expect(timer.textContent()).resolves.toMatch(/^\d\d:\d\d$/);

    await page.getByLabel("Rechercher l’appelant").fill("04 72 10");
    const match = page.getByRole("listitem", { name: "Durand Claire" });
    await match.waitFor();
    await expect(match.textContent()).resolves.toContain("04 72 10 20 30");
    await expect(match.textContent()).resolves.toContain("Lyon");
    await screenshot(page, "30-call-caller-search");
    await match.click();
    await page.getByText("Aucun ticket ouvert pour cet appelant.").waitFor();

    const main = page.getByRole("main");
    await main.getByLabel(/^Titre/).fill(TITLE);
    await main.getByLabel(/^Description/).fill("Le voyant de la prise réseau est éteint, le câble a été changé.");
    await main.getByRole("combobox", { name: "Urgence" }).click();
    await page.getByRole("option", { name: "4 · Haute" }).click();
    // Let the call last a little: the timer must read more than zero.
    await page.waitForFunction(() => document.querySelector("[data-testid=call-timer]")?.textContent !== "00:00");
    await screenshot(page, "31-call-form");
    await main.getByRole("button", { name: "Créer le ticket" }).click();

    await page.waitForURL(/\/tickets\/\d+$/);
    ticketId = Number(new URL(page.url()).pathname.split("/").pop());
    await page.getByRole("heading", { name: TITLE }).waitFor();
    await page.getByText("Durée d’appel").waitFor();
    const created = await ticket();
    expect(created.channel).toBe("phone");
    expect(created.requesterName).toContain("Claire");
    expect(created.callSeconds ?? 0).toBeGreaterThan(0);
    await screenshot(page, "32-call-ticket-created");
  });

  it("N1 escalates to the level-2 network team with a note", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Escalader" }).click();
    const dialog = page.getByRole("dialog", { name: "Escalader le ticket" });
    await pickOption(page, dialog, /^Groupe/, "Réseau", "Réseau N2");
    await dialog.getByLabel(/^Note de transmission/).fill("Câble et prise testés : le port du switch semble désactivé.");
    await screenshot(page, "33-escalate", false);
    await dialog.getByRole("button", { name: "Escalader" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.locator(".followup[data-kind=escalation]").waitFor();
    const escalated = await ticket();
    expect(escalated.level).toBe(2);
    expect(escalated.groupName).toBe("Réseau N2");
    await screenshot(page, "34-escalated");
  });

  it("N2 finds it in “Mes groupes”, takes it, logs a task, gives a workaround then a solution", async () => {
    const { page } = browser;
    await signIn(N2, "Bonjour Rachid");
    await page.getByRole("navigation").getByRole("link", { name: "Tickets" }).click();
    await page.getByRole("heading", { name: "Tickets" }).waitFor();
    const myGroups = page.getByText(/^Mes groupes\s*1$/);
    await myGroups.waitFor();
    await myGroups.click();
    await page.waitForURL(/view=my_groups/);
    await page.getByRole("link", { name: TITLE }).waitFor();
    await screenshot(page, "35-n2-my-groups");
    await page.getByRole("link", { name: TITLE }).click();

    await page.getByRole("button", { name: "Prendre" }).click();
    await page.getByText(`Ticket n° ${ticketId} pris en charge`).waitFor();
    expect((await ticket()).assigneeName).toContain("Rachid");

    await page.getByRole("tab", { name: "Tâches" }).click();
    const main = page.getByRole("main");
    await main.getByRole("textbox", { name: /^Tâche/ }).fill("Réactiver le port Gi1/0/14 du switch du 2e étage");
    await main.getByRole("textbox", { name: "Minutes" }).fill("20");
    await main.getByRole("button", { name: "Ajouter la tâche" }).click();
    await page.getByRole("cell", { name: "Réactiver le port Gi1/0/14 du switch du 2e étage", exact: true }).waitFor();
    await page.getByText("Temps passé : 20 min").waitFor();
    await page.getByRole("checkbox", { name: /^Tâche faite/ }).check();
    await page.getByText("Tâche marquée faite").waitFor();
    await screenshot(page, "36-n2-tasks");

    await page.getByRole("tab", { name: "Suivi" }).click();
    await page.getByRole("button", { name: "Solution d’attente" }).click();
    let dialog = page.getByRole("dialog", { name: "Donner une solution d’attente" });
    await dialog.getByLabel(/^Solution d’attente/).fill("En attendant, branchez-vous sur la prise murale voisine (2B-15).");
    await dialog.getByRole("button", { name: "Envoyer" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.locator(".followup[data-kind=workaround]").waitFor();

    await page.getByRole("button", { name: "Résoudre" }).click();
    dialog = page.getByRole("dialog", { name: "Résoudre le ticket" });
    await dialog.getByRole("combobox", { name: "Type de solution" }).click();
    await page.getByRole("option", { name: "Résolu à distance" }).click();
    await dialog.getByLabel(/^Solution/).fill("Le port était désactivé par erreur : il est réactivé, le poste a de nouveau accès au réseau.");
    await screenshot(page, "37-n2-solve", false);
    await dialog.getByRole("button", { name: "Résoudre" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.locator(".followup[data-kind=solution]").waitFor();
    expect((await ticket()).status).toBe("solved");
    await screenshot(page, "38-n2-solved");
  });

  it("the requester refuses the solution with a reason: back to work", async () => {
    const { page } = browser;
    await signIn(REQUESTER, "Mes demandes");
    await page.getByRole("link", { name: TITLE }).click();
    await page.getByRole("heading", { name: "Solution proposée" }).waitFor();
    await page.getByText(/le poste a de nouveau accès au réseau/).first().waitFor();
    await screenshot(page, "39-requester-solution");

    await page.getByRole("button", { name: "Refuser", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Refuser la solution" });
    await dialog.getByLabel(/^Pourquoi/).fill("Toujours pas de réseau ce matin après redémarrage.");
    await dialog.getByRole("button", { name: "Refuser la solution" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.locator(".followup[data-kind=refusal]").waitFor();
    await expect(page.getByRole("heading", { name: "Solution proposée" }).count()).resolves.toBe(0);
    const refused = await ticket();
    expect(["in_progress", "assigned"]).toContain(refused.status);
    expect(await kinds()).toEqual(expect.arrayContaining(["escalation", "workaround", "solution", "refusal"]));
    await screenshot(page, "40-requester-refused");
  });

  it("N2 solves it again", async () => {
    const { page } = browser;
    await signIn(N2, "Bonjour Rachid");
    await page.goto(`${server.url}/tickets/${ticketId}`);
    await page.locator(".followup[data-kind=refusal]").waitFor();
    await page.getByRole("button", { name: "Résoudre" }).click();
    const dialog = page.getByRole("dialog", { name: "Résoudre le ticket" });
    // Without a solution type the form says so instead of sending.
    await dialog.getByLabel(/^Solution/).fill("Le bail DHCP était réservé pour l’ancien poste : réservation corrigée.");
    await dialog.getByRole("button", { name: "Résoudre" }).click();
    await dialog.getByText("Ce champ est obligatoire").waitFor();
    await dialog.getByRole("combobox", { name: "Type de solution" }).click();
    await page.getByRole("option", { name: "Reconfiguration ou correction logicielle" }).click();
    await dialog.getByRole("button", { name: "Résoudre" }).click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(async () => (await ticket()).status).toBe("solved");
    await expect.poll(() => page.locator(".followup[data-kind=solution]").count()).toBe(2);
    await screenshot(page, "41-n2-solved-again");
  });

  it("the requester accepts and rates 4 out of 5", async () => {
    const { page } = browser;
    await signIn(REQUESTER, "Mes demandes");
    await page.getByRole("link", { name: TITLE }).click();
    await page.getByText(/réservation corrigée/).first().waitFor();
    await page.getByRole("button", { name: "Accepter la solution" }).click();
    await page.getByText("Cette demande est close.", { exact: false }).waitFor();
    expect((await ticket()).status).toBe("closed");

    // The stars' radios are visually hidden: choose like a keyboard user does.
    await page.getByRole("radio", { name: "4 sur 5" }).focus();
    await page.keyboard.press("Space");
    await page.getByLabel(/^Un commentaire/).fill("Rapide et clair, merci.");
    await screenshot(page, "42-requester-rating");
    await page.getByRole("button", { name: "Envoyer mon avis" }).click();
    await page.getByTestId("satisfaction").getByText("Votre avis", { exact: true }).waitFor();
    await page.getByTestId("satisfaction").getByText("4 sur 5").waitFor();
    const rated = await ticket();
    expect(rated.satisfaction).toBe(4);
    expect(rated.satisfactionComment).toBe("Rapide et clair, merci.");
    await screenshot(page, "43-requester-rated");
  });
});
