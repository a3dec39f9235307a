import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../src/shared/api/auth.js";
import type { Ticket } from "../src/shared/api/tickets.js";
import type { User } from "../src/shared/api/users.js";
import { openSqlite } from "../src/server/db/database.js";
import { insertArticle } from "../src/server/features/kb/scripts/script.test-support.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall, ok, signInAs } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const TECH = { login: "hugo.martin", password: "technicien-hotline-2026!", firstName: "Hugo", lastName: "Martin", language: "fr" };
const ARTICLE = "Débloquer la file d'impression";
const REQUESTER = { login: "lea.petit", password: "demandeuse-portail-2026!", firstName: "Léa", lastName: "Petit", language: "en" };

describe.skipIf(missing !== undefined)("guided diagnostic scripts, in French", () => {
  let server: TestServer;
  let desk: Browser;
  let ticket: Ticket;
  let adminCookie: string;

  beforeAll(async () => {
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    const login = await apiCall<Me>(server.url, "/api/auth/login", { method: "POST", body: ADMIN });
    const cookie = login.cookie ?? "";
    adminCookie = cookie;
    const root = login.body.entityId;
    const user = await ok(apiCall<User>(server.url, "/api/users", { method: "POST", cookie,
      body: { ...TECH, email: `${TECH.login}@durand.example`, entityId: root } }));
    await ok(apiCall(server.url, "/api/grants", { method: "POST", cookie, body: { userId: user.id, entityId: root, role: "technician", recursive: true } }));
    const requester = await ok(apiCall<User>(server.url, "/api/users", { method: "POST", cookie,
      body: { ...REQUESTER, email: `${REQUESTER.login}@durand.example`, entityId: root } }));
    await ok(apiCall(server.url, "/api/grants", { method: "POST", cookie, body: { userId: requester.id, entityId: root, role: "requester", recursive: true } }));
    // A published article of the knowledge base, written straight to its table (the contract's columns).
    const database = openSqlite(path.join(server.dataDir, "vigie.sqlite"));
    await insertArticle(database.db, { entityId: root, title: ARTICLE });
    await database.close();
    // The setup's offer: the starter library, whose printer script now leads to that article.
    expect(await ok(apiCall(server.url, "/api/kb/scripts/starter", { method: "POST", cookie }))).toEqual({ created: 18, skipped: 0 });
    ticket = await ok(apiCall<Ticket>(server.url, "/api/tickets", { method: "POST", cookie,
      body: { title: "Imprimante bloquée au 2e étage", entityId: root, channel: "phone" } }));
    desk = await openBrowser();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(desk.page, `kb-scripts-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await desk?.close();
    await server?.stop();
  });

  it("a technician on a printer call runs the script with the keyboard, reaches the article and records it on the ticket", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, TECH);
    await page.goto(`${server.url}/tickets/${ticket.id}`);
    const picker = page.getByRole("combobox", { name: "Script" });
    await picker.click();
    await picker.fill("Imprimante");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect.poll(() => picker.inputValue()).toBe("Imprimante bloquée ou n'imprime pas");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Imprimante bloquée ou n'imprime pas" });
    await dialog.getByRole("heading", { name: "L'imprimante est-elle allumée, avec un écran ou un voyant vert ?" }).waitFor();
    await page.keyboard.press("1");
    await dialog.getByRole("heading", { name: /affiche-t-elle une erreur/ }).waitFor();
    await page.keyboard.press("3");
    await dialog.getByRole("heading", { name: /collègues arrivent-ils à imprimer/ }).waitFor();
    await page.keyboard.press("2");
    await dialog.getByRole("heading", { name: "Imprimante en panne pour tous" }).waitFor();
    // A wrong answer is taken back with Backspace, and the right one given.
    await page.keyboard.press("Backspace");
    await dialog.getByRole("heading", { name: /collègues arrivent-ils à imprimer/ }).waitFor();
    await page.keyboard.press("1");
    await dialog.getByRole("heading", { name: /bloqués dans la file d'attente/ }).waitFor();
    await page.keyboard.press("1");
    await dialog.getByRole("heading", { name: "File d'impression bloquée" }).waitFor();
    await dialog.getByRole("link", { name: ARTICLE }).waitFor();
    await screenshot(page, "kb-scripts-runner");
    await dialog.getByRole("button", { name: "Appliquer au ticket" }).click();
    await page.getByText("Diagnostic enregistré sur le ticket").waitFor();
    await dialog.waitFor({ state: "hidden" });

    await page.getByText("Diagnostic guidé : Imprimante bloquée ou n'imprime pas").waitFor();
    await page.getByText(/L'imprimante est-elle allumée, avec un écran ou un voyant vert \? — Oui/).waitFor();
    await page.getByText(/bloqués dans la file d'attente du poste \? — Oui/).waitFor();
    await page.getByRole("link", { name: ARTICLE }).waitFor();
    await screenshot(page, "kb-scripts-timeline");
  });

  it("on a call, the diagnostic runs before the ticket exists and lands on it when it is created", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, TECH);
    await page.goto(`${server.url}/tickets/call`);
    await page.getByLabel("Appelant sans compte").check();
    const picker = page.getByRole("combobox", { name: "Script" });
    await picker.click();
    await picker.fill("réseau");
    await page.getByRole("option", { name: "Pas de réseau / pas d'Internet" }).click();
    await page.getByRole("button", { name: "Commencer" }).click();
    await page.getByRole("heading", { name: "Les collègues à côté ont-ils aussi perdu Internet ?" }).waitFor();
    await page.keyboard.press("1");
    await page.getByRole("heading", { name: "Panne du site" }).waitFor();
    await page.getByText("L’issue sera appliquée au ticket dès son enregistrement.").waitFor();
    await page.getByLabel(/^Nom de l’appelant/).fill("Accueil du site de Lyon");
    await page.getByRole("button", { name: "Créer le ticket" }).click();
    await page.waitForURL(/\/tickets\/\d+$/);
    await page.getByRole("heading", { name: /Pas de réseau \/ pas d'Internet/ }).waitFor();
    await page.getByText(/Les collègues à côté ont-ils aussi perdu Internet \? — Oui/).waitFor();
    await page.getByText("Niveau 2").first().waitFor();
  });

  it("the editor shows a dangling answer on its node and refuses to save", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, ADMIN);
    await page.goto(`${server.url}/kb/scripts`);
    await page.getByRole("table", { name: "Diagnostics guidés" }).waitFor();
    await screenshot(page, "kb-scripts-list");
    await page.getByRole("link", { name: "Imprimante bloquée ou n'imprime pas" }).click();
    await page.locator('[data-node-id="clear-queue"]').waitFor();
    await screenshot(page, "kb-scripts-editor");
    await page.getByRole("tab", { name: "Statistiques" }).click();
    await page.getByRole("table", { name: "Où se terminent les diagnostics" }).getByText("File d'impression bloquée").waitFor();
    await screenshot(page, "kb-scripts-stats");
    await page.getByRole("tab", { name: "Versions" }).click();
    await page.getByText("v1").first().waitFor();

    await page.goto(`${server.url}/kb/scripts/new`);
    await page.getByLabel(/^Nom/).fill("Écran qui scintille");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    const node = page.locator('[data-node-id="q1"][data-invalid="true"]');
    await node.getByText("Cette réponse ne mène nulle part. (Réponse 1)").waitFor();
    await node.getByText("Cette réponse ne mène nulle part. (Réponse 2)").waitFor();
    await page.getByText("2 problèmes").waitFor();
    await screenshot(page, "kb-scripts-editor-invalid");
    expect(new URL(page.url()).pathname).toBe("/kb/scripts/new");
  });

  it("a requester fixes their Wi-Fi from the portal, in English, and it counts as solved without a ticket", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, REQUESTER);
    await page.getByRole("heading", { name: "Fix it myself" }).waitFor();
    await page.getByRole("link", { name: /^Wi-Fi/ }).click();
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("heading", { name: "Does the company Wi-Fi network show in the list?" }).waitFor();
    await page.getByRole("button", { name: "2 No" }).click();
    await page.getByRole("heading", { name: "Is aeroplane mode on?" }).waitFor();
    await page.keyboard.press("1");
    await page.getByRole("heading", { name: "Aeroplane mode" }).waitFor();
    await screenshot(page, "kb-scripts-portal-en");
    await page.getByRole("button", { name: "It’s fixed, thanks" }).click();
    await page.getByText("The problem is fixed.", { exact: false }).waitFor();
    const scripts = await ok(apiCall<{ data: { id: number; name: string; language: string }[] }>(server.url, "/api/kb/scripts?language=en&q=Wi-Fi", { cookie: adminCookie }));
    const wifi = scripts.data.find((s) => s.name === "Wi-Fi");
    const stats = await ok(apiCall<{ runs: number; solved: number }>(server.url, `/api/kb/scripts/${wifi?.id}/stats`, { cookie: adminCookie }));
    expect(stats).toMatchObject({ runs: 1, solved: 1 });
  });
});
