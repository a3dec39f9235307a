import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../src/shared/api/auth.js";
import type { KbArticle } from "../src/shared/api/kb.js";
import type { DeflectionStats } from "../src/shared/api/search.js";
import type { Ticket } from "../src/shared/api/tickets.js";
import type { User } from "../src/shared/api/users.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall, ok, signInAs } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const TECH = { login: "nina.leroy", password: "technicienne-desk-2026!", firstName: "Nina", lastName: "Leroy", language: "fr" };
const REQUESTER = { login: "paul.martin", password: "demandeur-portail-2026!", firstName: "Paul", lastName: "Martin", language: "fr" };

describe.skipIf(missing !== undefined)("the global search and the portal's suggestions, in French", () => {
  let server: TestServer;
  let desk: Browser;
  let adminCookie: string;
  let ticket: Ticket;
  let article: KbArticle;

  async function makeUser(person: typeof TECH, role: "technician" | "requester", entityId: number) {
    const user = await ok(apiCall<User>(server.url, "/api/users", { method: "POST", cookie: adminCookie,
      body: { ...person, email: `${person.login}@durand.example`, entityId } }));
    await ok(apiCall(server.url, "/api/grants", { method: "POST", cookie: adminCookie, body: { userId: user.id, entityId, role, recursive: true } }));
  }

  beforeAll(async () => {
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    const login = await apiCall<Me>(server.url, "/api/auth/login", { method: "POST", body: ADMIN });
    adminCookie = login.cookie ?? "";
    await makeUser(TECH, "technician", login.body.entityId);
    await makeUser(REQUESTER, "requester", login.body.entityId);
    ticket = await ok(apiCall<Ticket>(server.url, "/api/tickets", { method: "POST", cookie: adminCookie,
      body: { title: "Imprimante bloquée au 3e étage", description: "<p>Le bac 2 est coincé depuis ce matin.</p>", channel: "phone" } }));
    const draft = await ok(apiCall<KbArticle>(server.url, "/api/kb/articles", { method: "POST", cookie: adminCookie,
      body: { kind: "article", title: "Débloquer une imprimante", audience: "portal",
        body: "Ouvrez le capot avant, retirez la feuille coincée, puis refermez : l’impression reprend seule." } }));
    article = await ok(apiCall<KbArticle>(server.url, `/api/kb/articles/${draft.id}/status`, { method: "POST", cookie: adminCookie,
      body: { status: "published", version: draft.version } }));
    desk = await openBrowser();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(desk.page, `global-search-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await desk?.close();
    await server?.stop();
  });

  it("a technician types part of a ticket's title without its accents in Ctrl+K and opens the ticket", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, TECH);
    await page.getByRole("heading", { name: "Bonjour Nina" }).waitFor();
    await page.keyboard.press("Control+k");
    const input = page.getByPlaceholder("Aller à… ou tapez une commande");
    await input.fill("imprimante bloquee");
    const hit = page.getByRole("button", { name: new RegExp(`#${ticket.id} Imprimante bloquée au 3e étage`) });
    await hit.waitFor();
    await page.getByText("Base de connaissances").waitFor();
    await screenshot(page, "global-search-palette");
    await input.press("Enter");
    await page.waitForURL(`**/tickets/${ticket.id}`);
    await page.getByRole("heading", { name: /Imprimante bloquée au 3e étage/ }).first().waitFor();
  });

  it("the results page groups tickets and articles, with the words found marked", async () => {
    const { page } = desk;
    await page.goto(`${server.url}/search?q=${encodeURIComponent("imprimantes")}`);
    await page.getByRole("tab", { name: "Tickets" }).waitFor();
    await page.getByRole("link", { name: `#${ticket.id} Imprimante bloquée au 3e étage` }).waitFor();
    await page.getByRole("link", { name: "Débloquer une imprimante" }).waitFor();
    expect(await page.locator("mark").first().textContent()).toMatch(/^imprimante$/i);
    await screenshot(page, "global-search-page");
    await page.getByRole("tab", { name: "Articles" }).click();
    await page.getByRole("link", { name: `#${ticket.id} Imprimante bloquée au 3e étage` }).waitFor({ state: "detached" });
    expect(new URL(page.url()).searchParams.get("tab")).toBe("articles");
  });

  it("a requester finds a FAQ article while typing a request, reads it, says it solved the problem, and it is counted", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, REQUESTER);
    await page.goto(`${server.url}/requests/new`);
    await page.getByLabel(/^Objet/).first().fill("Mon imprimante est bloquée");
    const panel = page.getByRole("region", { name: "Avant d’envoyer" });
    await panel.getByRole("button", { name: "Débloquer une imprimante" }).click();
    const dialog = page.getByRole("dialog", { name: "Débloquer une imprimante" });
    await dialog.getByText(/retirez la feuille coincée/).waitFor();
    await screenshot(page, "global-search-portal-article");
    await dialog.getByRole("button", { name: "Cet article a résolu mon problème" }).click();
    await page.getByText("Tant mieux ! Votre demande n’a pas été envoyée.").waitFor();
    await page.waitForURL((url) => url.pathname === "/");
    const stats = await ok(apiCall<DeflectionStats>(server.url, "/api/search/deflections/stats", { cookie: adminCookie }));
    expect(stats).toEqual({ total: 1, articles: [{ articleId: article.id, title: "Débloquer une imprimante", count: 1 }] });
    const mine = await ok(apiCall<{ data: unknown[] }>(server.url, "/api/tickets?view=all", { cookie: adminCookie }));
    expect(mine.data).toHaveLength(1);
  });

  it("a supervisor sees the deflected request on the knowledge base's figures", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, ADMIN);
    await page.goto(`${server.url}/kb`);
    await page.getByRole("link", { name: "Demandes évitées" }).click();
    await page.getByRole("heading", { name: "Demandes évitées par la FAQ" }).waitFor();
    const table = page.getByRole("table", { name: "Demandes évitées par article" });
    await table.getByRole("row", { name: /Débloquer une imprimante\s+1/ }).waitFor();
    await screenshot(page, "global-search-deflections");
    await page.getByText("Depuis le début", { exact: true }).click();
    await page.getByRole("radio", { name: "Depuis le début", checked: true }).waitFor({ state: "attached" });
    await table.getByRole("link", { name: "Débloquer une imprimante" }).click();
    await page.waitForURL((url) => url.pathname === `/kb/articles/${article.id}`);
    // The same figures in English.
    await page.goBack();
    await page.getByRole("button", { name: /^Langue/ }).click();
    await page.getByRole("menuitem", { name: "English" }).click();
    await page.getByRole("heading", { name: "Requests deflected by the FAQ" }).waitFor();
    await page.getByRole("table", { name: "Deflected requests per article" }).getByRole("row", { name: /Débloquer une imprimante\s+1/ }).waitFor();
    await screenshot(page, "global-search-deflections-en");
  });
});
