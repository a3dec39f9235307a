import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../src/shared/api/auth.js";
import type { Ticket } from "../src/shared/api/tickets.js";
import type { User } from "../src/shared/api/users.js";
import { type SmtpSink, sinkAvailable, startSink } from "../src/server/features/mail/outbound/testing/smtp-sink.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall, ok, signInAs } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite() ?? (sinkAvailable() ? undefined : "python3-aiosmtpd (the SMTP sink)");
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const REQUESTER = { login: "claire.durand", password: "claire-password-2026", firstName: "Claire", lastName: "Durand", language: "fr" };

/**
 * The admin points Vigie at an SMTP server (a real aiosmtpd sink) from the outgoing-mail page,
 * sends a test mail, rewrites the French followup template with a placeholder and previews it;
 * then a technician's followup on a ticket reaches the requester with the ticket tag in its subject.
 */
describe.skipIf(missing !== undefined)("outgoing mail, in French then English", () => {
  let server: TestServer;
  let desk: Browser;
  let sink: SmtpSink;
  let cookie: string;
  let requesterId: number;

  beforeAll(async () => {
    sink = await startSink();
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    const login = await apiCall<Me>(server.url, "/api/auth/login", { method: "POST", body: ADMIN });
    cookie = login.cookie ?? "";
    const user = await ok(apiCall<User>(server.url, "/api/users", { method: "POST", cookie,
      body: { ...REQUESTER, email: "claire.durand@durand.example", entityId: login.body.entityId } }));
    requesterId = user.id;
    await ok(apiCall(server.url, "/api/grants", { method: "POST", cookie, body: { userId: user.id, entityId: login.body.entityId, role: "requester", recursive: true } }));
    desk = await openBrowser();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(desk.page, `mail-out-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await desk?.close();
    await server?.stop();
    await sink?.stop();
  });

  it("the admin saves the SMTP server and sends a test mail that reaches it", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, ADMIN);
    await page.goto(`${server.url}/admin/mail/outgoing`);
    await page.getByRole("heading", { name: "Serveur d’envoi (SMTP)" }).waitFor();
    await page.getByText("Aucun e-mail n’est envoyé tant que le serveur SMTP n’est pas enregistré.").waitFor();
    const form = page.getByRole("form", { name: "Serveur d’envoi (SMTP)" });
    await form.getByLabel(/^Serveur/).fill("127.0.0.1");
    await form.getByRole("combobox", { name: "Chiffrement" }).click();
    await page.getByRole("option", { name: "Aucun" }).click();
    await form.getByLabel(/^Port/).fill(String(sink.port));
    await form.getByLabel(/^Mot de passe/).fill("relay-secret-2026");
    await form.getByLabel(/^Adresse d’expédition/).fill("support@durand.example");
    await form.getByLabel(/^Nom d’expéditeur/).fill("Support Durand");
    await form.getByLabel(/^Adresse de Vigie/).fill(server.url);
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Paramètres SMTP enregistrés").waitFor();
    await page.getByText("Un mot de passe est enregistré : laissez vide pour le garder.").waitFor();
    expect(await page.content()).not.toContain("relay-secret-2026");

    await page.getByLabel(/^Destinataire/).fill("alice.admin@durand.example");
    await page.getByRole("button", { name: "Envoyer le test" }).click();
    await page.getByText("E-mail de test accepté par le serveur pour alice.admin@durand.example.").waitFor();
    const [mail] = await sink.waitFor(1);
    expect(mail!.subject).toBe("Vigie : message de test");
    expect(mail!.from?.value[0]).toMatchObject({ address: "support@durand.example", name: "Support Durand" });
    await screenshot(page, "mail-out-smtp-fr");
  });

  it("the admin rewrites the French followup template, previews it and saves it", async () => {
    const { page } = desk;
    await page.getByRole("tab", { name: "Modèles" }).click();
    await page.getByRole("combobox", { name: "Événement" }).click();
    await page.getByRole("option", { name: "Nouveau suivi" }).click();
    await page.getByText("Français").click();
    const subject = page.getByLabel(/^Objet/);
    await expect.poll(() => subject.inputValue()).toBe("Nouveau suivi : {{ticket.title}}");
    await subject.fill("Du nouveau sur votre demande n° ");
    await page.getByRole("button", { name: "Enregistrer le modèle" }).waitFor();
    const body = page.getByRole("textbox", { name: "Texte", exact: true });
    await body.fill("Bonjour {{recipient.name}},\n\n");
    await page.getByRole("button", { name: "{{followup.text}}" }).click();
    await expect.poll(() => body.inputValue()).toContain("{{followup.text}}");
    await subject.fill("Du nouveau sur votre demande n° {{ticket.number}}");
    await page.getByRole("button", { name: "Aperçu", exact: true }).click();
    await expect.poll(() => page.getByTestId("preview-subject").textContent()).toBe("[Vigie #1234] Du nouveau sur votre demande n° 1234");
    await page.getByRole("button", { name: "Enregistrer le modèle" }).click();
    await page.getByText("Modèle enregistré").waitFor();
    await page.getByText(/^Modifié le/).waitFor();
    await screenshot(page, "mail-out-template-fr");
  });

  it("a technician's followup on a ticket reaches the requester, tagged with the ticket number", async () => {
    const { page } = desk;
    const ticket = await ok(apiCall<Ticket>(server.url, "/api/tickets", { method: "POST", cookie,
      body: { title: "Écran noir au poste d’accueil", description: "L’écran reste noir.", channel: "phone", requesterId } }));
    const ack = (await sink.waitFor(2, 20_000)).find((m) => m.to.includes("claire.durand@durand.example"));
    expect(ack?.subject).toBe(`[Vigie #${ticket.id}] Demande enregistrée : Écran noir au poste d’accueil`);

    await page.goto(`${server.url}/tickets/${ticket.id}`);
    await page.getByRole("textbox", { name: "Répondre ou ajouter une note…" }).fill("Je passe changer le câble vidéo à 14 h.");
    await page.getByRole("button", { name: "Ajouter", exact: true }).click();
    await page.getByText("Suivi ajouté").waitFor();
    const mails = await sink.waitFor(3, 20_000);
    const followup = mails.find((m) => m.subject?.includes("Du nouveau"));
    expect(followup?.subject).toBe(`[Vigie #${ticket.id}] Du nouveau sur votre demande n° ${ticket.id}`);
    expect(followup?.to).toEqual(["claire.durand@durand.example"]);
    expect(followup?.text).toContain("Je passe changer le câble vidéo à 14 h.");
    expect(followup?.inReplyTo).toBe(ack?.messageId);
  });

  it("the sent mails are listed, in English too, and on a phone", async () => {
    const { page } = desk;
    await ok(apiCall(server.url, "/api/auth/me", { method: "PATCH", cookie, body: { language: "en" } }));
    await page.goto(`${server.url}/admin/mail/outgoing?tab=outgoing`);
    await page.getByRole("heading", { name: "Sent mail" }).waitFor();
    await page.getByRole("cell", { name: "claire.durand@durand.example (fr)" }).first().waitFor();
    await expect.poll(() => page.getByText("Sent", { exact: true }).count()).toBeGreaterThanOrEqual(3); // two badges and the filter
    await screenshot(page, "mail-out-outgoing-en");
    await page.goto(`${server.url}/admin/mail/outgoing?tab=templates`);
    await page.getByRole("heading", { name: "Notification templates" }).waitFor();
    await page.getByTestId("preview-subject").waitFor();
    await screenshot(page, "mail-out-template-en");
    await page.goto(`${server.url}/admin/mail/outgoing`);
    await page.getByRole("heading", { name: "Sending server (SMTP)" }).waitFor();
    await screenshot(page, "mail-out-smtp-en");
    await page.goto(`${server.url}/profile`);
    await page.getByRole("heading", { name: "Mail notifications" }).waitFor();
    await screenshot(page, "mail-out-profile-en");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/admin/mail/outgoing?tab=outgoing`);
    await page.getByRole("heading", { name: "Sent mail" }).waitFor();
    await screenshot(page, "mail-out-outgoing-phone");
  });
});
