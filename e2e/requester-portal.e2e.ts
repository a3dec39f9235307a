import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../src/shared/api/auth.js";
import type { User } from "../src/shared/api/users.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const REQUESTER = { login: "claire.durand", password: "demandeur-2026!" };

/** The admin comes from the environment; the requester is prepared through the API. */
async function createRequester(url: string): Promise<void> {
  const login = await apiCall<Me>(url, "/api/auth/login", { method: "POST", body: ADMIN });
  expect(login.status).toBe(200);
  const cookie = login.cookie;
  const user = await apiCall<User>(url, "/api/users", {
    method: "POST",
    cookie,
    body: {
      login: REQUESTER.login,
      firstName: "Claire",
      lastName: "Durand",
      email: "claire.durand@client.example",
      entityId: login.body.entityId,
      password: REQUESTER.password,
    },
  });
  expect(user.status).toBeLessThan(300);
  const grant = await apiCall(url, "/api/grants", {
    method: "POST",
    cookie,
    body: { userId: user.body.id, entityId: login.body.entityId, role: "requester", recursive: false },
  });
  expect(grant.status).toBeLessThan(300);
}

describe.skipIf(missing !== undefined)("a requester signs in", () => {
  let server: TestServer;
  let browser: Browser;
  let phone: Browser;

  beforeAll(async () => {
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    await createRequester(server.url);
    browser = await openBrowser();
    phone = await openBrowser({ viewport: { width: 390, height: 844 } });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(browser.page, `failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await phone?.close();
    await server?.stop();
  });

  it("is told the credentials are wrong without learning whether the login exists", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/admin/users`);
    await page.waitForURL("**/login");
    await page.getByLabel(/^Identifiant/).fill(REQUESTER.login);
    await page.getByLabel(/^Mot de passe/).fill("not-the-password");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("alert").getByText("Identifiant ou mot de passe incorrect.").waitFor();
    await screenshot(page, "20-login-wrong-password");

    await page.getByLabel(/^Identifiant/).fill("nobody-by-that-name");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("alert").getByText("Identifiant ou mot de passe incorrect.").waitFor();
  });

  it("sees only the self-service portal", async () => {
    const { page } = browser;
    await page.getByLabel(/^Identifiant/).fill(REQUESTER.login);
    await page.getByLabel(/^Mot de passe/).fill(REQUESTER.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    // The login page was reached from /admin/users: the requester is sent back there and refused.
    await page.getByRole("heading", { name: "Accès refusé" }).waitFor();
    await screenshot(page, "21-requester-forbidden");

    await page.getByRole("link", { name: "Retour à l’accueil", exact: true }).click();
    await page.getByRole("heading", { name: "Mes demandes" }).waitFor();
    await page.getByText("Aucune demande pour l’instant").waitFor();
    const nav = page.getByRole("navigation");
    await expect(nav.getByRole("link").allTextContents()).resolves.toEqual(["Mes demandes", "Mon profil"]);
    await expect(page.getByText("Administration").count()).resolves.toBe(0);
    await expect(page.getByRole("combobox", { name: "Entité affichée" }).count()).resolves.toBe(0);
    await screenshot(page, "22-requester-portal");
  });

  it("is refused by the API on admin routes too", async () => {
    const login = await apiCall(server.url, "/api/auth/login", { method: "POST", body: REQUESTER });
    const users = await apiCall<{ error: { code: string } }>(server.url, "/api/users", { cookie: login.cookie });
    expect(users.status).toBe(403);
    expect(users.body.error.code).toBe("FORBIDDEN");
  });

  it("can change their own preferences from the profile page", async () => {
    const { page } = browser;
    await page.getByRole("navigation").getByRole("link", { name: "Mon profil" }).click();
    await page.getByRole("heading", { name: "Mon profil" }).waitFor();
    await screenshot(page, "23-requester-profile");
  });

  it("works on a phone: sign-in page and portal", async () => {
    const { page } = phone;
    await page.goto(`${server.url}/login`);
    await page.getByRole("heading", { name: "Connexion" }).waitFor();
    await screenshot(page, "24-phone-login");
    await page.getByLabel(/^Identifiant/).fill(REQUESTER.login);
    await page.getByLabel(/^Mot de passe/).fill(REQUESTER.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { name: "Mes demandes" }).waitFor();
    await screenshot(page, "25-phone-portal");

    await page.getByRole("button", { name: "Ouvrir le menu" }).click();
    await page.getByRole("navigation").getByRole("link", { name: "Mon profil" }).waitFor();
    await screenshot(page, "26-phone-menu");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
