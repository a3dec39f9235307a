import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../src/shared/api/auth.js";
import type { User } from "../src/shared/api/users.js";
import { type Dovecot, hasDovecot, startDovecot } from "../src/server/features/mail/inbound/test-dovecot.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall, ok, pickOption, signInAs } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite() ?? (hasDovecot ? undefined : "Debian's dovecot-imapd (/usr/sbin/dovecot) is not installed");
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const ADMIN_EN = { login: "kate.wilson", password: "mail-admin-2026-en!", firstName: "Kate", lastName: "Wilson", language: "en" };
const REQUESTER = { login: "claire.morel", password: "demandeuse-2026!", firstName: "Claire", lastName: "Morel", language: "fr" };
const IMAP_USER = "support@durand.test";
const IMAP_PASSWORD = "imap-support-2026";
const BRANCH_ADMIN = { login: "luc.agence", password: "agence-admin-2026!", firstName: "Luc", lastName: "Agence", language: "fr" };

/**
 * An admin adds the support mailbox in the UI, tests the connection to a real Dovecot, saves it;
 * a mail a user sent lands in that mailbox, is collected, and shows in the queue as her ticket.
 */
describe.skipIf(missing !== undefined)("email in: a mailbox set up in the UI turns mail into tickets", () => {
  let server: TestServer;
  let browser: Browser;
  let dovecot: Dovecot;

  beforeAll(async () => {
    dovecot = await startDovecot({ [IMAP_USER]: IMAP_PASSWORD });
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    const login = await apiCall<Me>(server.url, "/api/auth/login", { method: "POST", body: ADMIN });
    const cookie = login.cookie ?? "";
    const post = <T>(url: string, body: unknown) => ok(apiCall<T>(server.url, url, { method: "POST", cookie, body }));
    const admin = await post<User>("/api/users", { ...ADMIN_EN, email: "kate.wilson@durand.example", entityId: login.body.entityId });
    await post("/api/grants", { userId: admin.id, entityId: login.body.entityId, role: "admin", recursive: true });
    const requester = await post<User>("/api/users", { ...REQUESTER, email: "claire.morel@durand.example", entityId: login.body.entityId });
    await post("/api/grants", { userId: requester.id, entityId: login.body.entityId, role: "requester", recursive: true });
    await post("/api/categories", { name: "Impression", entityId: login.body.entityId });
    // An admin of a sub-entity: the mailboxes of his entity are his, the outgoing mail settings are not.
    const branch = await post<{ id: number }>("/api/entities", { name: "Agence Lyon", parentId: login.body.entityId });
    const branchAdmin = await post<User>("/api/users", { ...BRANCH_ADMIN, entityId: branch.id });
    await post("/api/grants", { userId: branchAdmin.id, entityId: branch.id, role: "admin", recursive: true });
    browser = await openBrowser();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(browser.page, `mail-in-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await dovecot?.stop();
  });

  it("an admin adds and tests an IMAP mailbox; a mail delivered to it becomes a ticket in the queue", async () => {
    const { page } = browser;
    await signInAs(browser, server.url, ADMIN);
    await page.goto(`${server.url}/admin/mail/mailboxes`);
    await page.getByRole("heading", { name: "Boîtes collectées" }).waitFor();
    await page.getByRole("button", { name: "Ajouter une boîte" }).click();

    const dialog = page.getByRole("dialog", { name: "Nouvelle boîte de réception" });
    await dialog.getByLabel(/^Nom/).fill("Support siège");
    await dialog.getByLabel(/^Adresse de la boîte/).fill("support@durand.example");
    await pickOption(page, dialog, /^Entité des tickets/, "", /./);
    await dialog.getByLabel(/^Serveur IMAP/).fill("127.0.0.1");
    await dialog.getByRole("combobox", { name: /^Chiffrement/ }).click();
    await page.getByRole("option", { name: "Aucun chiffrement" }).click();
    await dialog.getByLabel(/^Port/).fill(String(dovecot.port));
    await dialog.getByLabel(/^Identifiant/).fill(IMAP_USER);
    await dialog.getByLabel(/^Mot de passe/).fill(IMAP_PASSWORD);
    await dialog.getByRole("button", { name: "Tester la connexion" }).click();
    await dialog.getByRole("status").getByText("Connexion réussie : 0 message en attente").waitFor();
    await pickOption(page, dialog, /^Catégorie des tickets/, "impr", "Impression");
    await screenshot(page, "mail-in-mailbox-form-fr");
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await dialog.waitFor({ state: "detached" });

    const table = page.getByRole("table", { name: "Boîtes collectées" });
    await table.getByText("Support siège").waitFor();
    await table.getByText(`IMAP 127.0.0.1:${dovecot.port} · INBOX`).waitFor();
    expect(await page.content()).not.toContain(IMAP_PASSWORD);

    await dovecot.append(IMAP_USER, [
      "From: Claire Morel <claire.morel@durand.example>", "To: support@durand.example", "Subject: Imprimante du 2e étage en panne",
      "Message-ID: <imprimante-2e@durand.example>", "Date: Tue, 24 Nov 2026 08:30:00 +0100", "Content-Type: text/plain; charset=utf-8", "",
      "Bonjour,", "", "L’imprimante du 2e étage affiche « bourrage papier » mais il n’y a pas de papier coincé.", "",
      "Cordialement,", "Claire Morel", "",
    ].join("\n"));
    await table.getByRole("button", { name: "Collecter" }).click();
    await page.getByText("1 e-mail collecté").waitFor();

    await page.getByRole("tab", { name: "E-mails reçus" }).click();
    const received = page.getByRole("table", { name: "E-mails reçus" });
    await received.getByText("Imprimante du 2e étage en panne").waitFor();
    await received.getByText("Ticket créé").waitFor();
    await screenshot(page, "mail-in-received-fr");

    await page.goto(`${server.url}/tickets`);
    await page.getByText("Imprimante du 2e étage en panne").first().waitFor();
    await screenshot(page, "mail-in-queue-fr");
    await page.getByText("Imprimante du 2e étage en panne").first().click();
    await page.getByText("bourrage papier", { exact: false }).first().waitFor();
    expect(await page.getByText("Claire Morel").count()).toBeGreaterThan(0);
    // The original mail is one click away for the staff.
    const original = page.getByRole("region", { name: "E-mails d’origine" });
    const download = original.getByRole("link", { name: /^Télécharger l’e-mail d’origine de Claire Morel/ });
    await download.waitFor();
    expect(await download.getAttribute("href")).toMatch(/^\/api\/tickets\/\d+\/mails\/\d+\/raw$/);
    await original.scrollIntoViewIfNeeded();
    await screenshot(page, "mail-in-ticket-original-fr", false);
  });

  it("shows the mailboxes and the received mail in English, also on a phone", async () => {
    const { page } = browser;
    await signInAs(browser, server.url, ADMIN_EN);
    await page.goto(`${server.url}/admin/mail/mailboxes`);
    await page.getByRole("heading", { name: "Collected mailboxes" }).waitFor();
    await page.getByRole("table", { name: "Collected mailboxes" }).getByText("Support siège").waitFor();
    await screenshot(page, "mail-in-mailboxes-en");
    await page.getByRole("button", { name: "Edit Support siège" }).click();
    const form = page.getByRole("dialog", { name: "Edit Support siège" });
    await form.getByRole("combobox", { name: /^Ticket category/ }).waitFor();
    expect(await form.getByRole("combobox", { name: /^Ticket category/ }).inputValue()).toBe("Impression");
    await screenshot(page, "mail-in-mailbox-form-en");
    await form.getByRole("button", { name: "Cancel" }).click();
    await page.goto(`${server.url}/tickets`);
    await page.getByText("Imprimante du 2e étage en panne").first().click();
    const original = page.getByRole("region", { name: "Original emails" });
    await original.getByRole("link", { name: /^Download the original email from Claire Morel/ }).waitFor();
    await original.scrollIntoViewIfNeeded();
    await screenshot(page, "mail-in-ticket-original-en", false);
    await page.goto(`${server.url}/admin/mail/mailboxes`);
    await page.getByRole("tab", { name: "Received mail" }).click();
    await page.getByRole("table", { name: "Received mail" }).getByText("Ticket created").waitFor();
    await screenshot(page, "mail-in-received-en");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("tab", { name: "Blocklist" }).click();
    await page.getByLabel(/^Blocked addresses and domains/).fill("spam.example\nmarketing@vendor.example");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Settings saved").waitFor();
    await screenshot(page, "mail-in-settings-en-phone");
  });

  it("shows a sub-entity's admin the mailboxes in the menu, not the outgoing mail the API keeps to the root's admins", async () => {
    const { page } = browser;
    await signInAs(browser, server.url, BRANCH_ADMIN);
    const nav = page.getByRole("navigation");
    await nav.getByRole("link", { name: "Boîtes de réception" }).waitFor();
    expect(await nav.getByRole("link", { name: "E-mails envoyés" }).count()).toBe(0);
    await page.goto(`${server.url}/admin/mail/outgoing`);
    await page.getByRole("heading", { name: "Accès refusé" }).waitFor();
  });
});
