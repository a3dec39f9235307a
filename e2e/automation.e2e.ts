import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../src/shared/api/auth.js";
import type { Ticket } from "../src/shared/api/tickets.js";
import type { User } from "../src/shared/api/users.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall, ok, pickOption, signInAs } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const SUPERVISOR = { login: "claire.roux", password: "superviseure-regles-2026!", firstName: "Claire", lastName: "Roux", language: "fr" };
const SUPERVISOR_EN = { login: "john.smith", password: "supervisor-rules-2026!", firstName: "John", lastName: "Smith", language: "en" };
const TECH = { login: "marc.blanc", password: "technicien-regles-2026!", firstName: "Marc", lastName: "Blanc", language: "fr" };
const REQUESTER = { login: "lea.petit", password: "demandeuse-regles-2026!", firstName: "Léa", lastName: "Petit", language: "fr" };

describe.skipIf(missing !== undefined)("automation rules and canned responses", () => {
  let server: TestServer;
  let desk: Browser;
  let adminCookie: string;
  let rootId: number;
  let rootName: string;
  let requesterId: number;
  let existing: Ticket;

  const makeUser = async (person: typeof SUPERVISOR, role: "supervisor" | "technician" | "requester") => {
    const user = await ok(apiCall<User>(server.url, "/api/users", { method: "POST", cookie: adminCookie,
      body: { ...person, email: `${person.login}@durand.example`, entityId: rootId } }));
    await ok(apiCall(server.url, "/api/grants", { method: "POST", cookie: adminCookie, body: { userId: user.id, entityId: rootId, role, recursive: true } }));
    return user.id;
  };

  beforeAll(async () => {
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    const login = await apiCall<Me>(server.url, "/api/auth/login", { method: "POST", body: ADMIN });
    adminCookie = login.cookie ?? "";
    rootId = login.body.entityId;
    rootName = (await ok(apiCall<{ completeName: string }>(server.url, `/api/entities/${rootId}`, { cookie: adminCookie }))).completeName;
    await makeUser(SUPERVISOR, "supervisor");
    await makeUser(SUPERVISOR_EN, "supervisor");
    await makeUser(TECH, "technician");
    requesterId = await makeUser(REQUESTER, "requester");
    await ok(apiCall(server.url, "/api/groups", { method: "POST", cookie: adminCookie, body: { name: "Hotline impressions", entityId: rootId } }));
    existing = await ok(apiCall<Ticket>(server.url, "/api/tickets", { method: "POST", cookie: adminCookie,
      body: { title: "L'imprimante du 3e étage bourre", requesterId, channel: "phone" } }));
    await ok(apiCall(server.url, "/api/automation/canned-responses", { method: "POST", cookie: adminCookie, body: { name: "Prise en charge", entityId: rootId,
      content: "Bonjour {{requester.firstName}},\nje prends en charge votre ticket n° {{ticket.id}} : {{ticket.title}}.\n{{technician.name}}" } }));
    desk = await openBrowser();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(desk.page, `automation-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await desk?.close();
    await server?.stop();
  });

  it("a supervisor builds a rule, tests it on an existing ticket, enables it; new tickets get its group", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, SUPERVISOR);
    await page.goto(`${server.url}/admin/automation`);
    await page.getByText("Aucune règle pour l'instant.").waitFor();
    await page.getByRole("button", { name: "Nouvelle règle" }).click();
    const drawer = page.getByRole("dialog", { name: "Nouvelle règle" });
    await drawer.getByLabel(/^Nom de la règle/).fill("Imprimantes vers la hotline");
    await pickOption(page, drawer, /^Entité/, rootName, rootName);
    const words = drawer.getByLabel(/^Mots ou expressions/);
    await words.fill("imprimante");
    await words.press("Enter");
    await pickOption(page, drawer, /^Groupe/, "Hotline", "Hotline impressions");

    await drawer.getByLabel(/^Ticket n°/).fill(String(existing.id));
    await drawer.getByRole("button", { name: "Tester" }).click();
    const result = drawer.getByTestId("rule-test-result");
    await result.getByText("La règle s'appliquerait à ce ticket").waitFor();
    await result.getByText("Groupe : — → Hotline impressions").waitFor();
    await result.getByText("Statut : Nouveau → Assigné").waitFor();
    await screenshot(page, "automation-rule-test-fr");
    // The test changed nothing.
    const untouched = await ok(apiCall<Ticket>(server.url, `/api/tickets/${existing.id}`, { cookie: adminCookie }));
    expect(untouched).toMatchObject({ groupId: null, version: existing.version });

    await drawer.getByLabel("Règle active").check();
    await drawer.getByRole("button", { name: "Enregistrer" }).click();
    await drawer.waitFor({ state: "detached" });
    const row = page.locator("tr[data-rule='Imprimantes vers la hotline']");
    await row.waitFor();
    expect(await row.getByRole("switch").isChecked()).toBe(true);
    await screenshot(page, "automation-rules-fr");

    // Its history: created by Claire, field by field.
    await row.getByRole("button", { name: "Historique de « Imprimantes vers la hotline »" }).click();
    const history = page.getByRole("dialog", { name: "Historique de « Imprimantes vers la hotline »" });
    await history.getByText("Condition 1").waitFor();
    await history.getByText("Titre contient imprimante").waitFor();
    await screenshot(page, "automation-rule-history-fr");
    await page.keyboard.press("Escape");
    await history.waitFor({ state: "detached" });

    // A condition on the business hours of the ticket's entity, tried on the ticket: no calendar, so always open.
    await row.getByRole("button", { name: "Modifier" }).click();
    const editor = page.getByRole("dialog", { name: "Modifier la règle" });
    await editor.getByRole("button", { name: "Ajouter une condition" }).click();
    await editor.locator("[data-condition='1']").getByRole("combobox", { name: /^Critère/ }).click();
    await page.getByRole("option", { name: "Heures ouvrées", exact: true }).click();
    await editor.getByText("Selon le calendrier ouvré de l'entité du ticket", { exact: false }).waitFor();
    await screenshot(page, "automation-rule-business-hours-fr");
    await editor.getByLabel(/^Ticket n°/).fill(String(existing.id));
    await editor.getByRole("button", { name: "Tester" }).click();
    const tried = editor.getByTestId("rule-test-result");
    await tried.getByText("(24/7)", { exact: false }).waitFor();
    await tried.scrollIntoViewIfNeeded();
    await screenshot(page, "automation-rule-business-hours-test-fr");
    await page.keyboard.press("Escape");
    await editor.waitFor({ state: "detached" });

    const techLogin = await apiCall<Me>(server.url, "/api/auth/login", { method: "POST", body: TECH });
    const created = await ok(apiCall<Ticket>(server.url, "/api/tickets", { method: "POST", cookie: techLogin.cookie,
      body: { title: "Imprimante HS à l'accueil", requesterId } }));
    expect(created).toMatchObject({ groupName: "Hotline impressions", status: "assigned" });
    const other = await ok(apiCall<Ticket>(server.url, "/api/tickets", { method: "POST", cookie: techLogin.cookie,
      body: { title: "Mot de passe expiré", requesterId } }));
    expect(other.groupId).toBeNull();
  });

  it("a technician inserts a canned response with the ticket's values into a followup", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, TECH);
    await page.goto(`${server.url}/tickets/${existing.id}`);
    await page.getByRole("button", { name: "Réponse type" }).click();
    await pickOption(page, page.locator("body"), /^Réponse type/, "Prise", "Prise en charge");
    const preview = page.getByLabel("Aperçu");
    await preview.getByText(`je prends en charge votre ticket n° ${existing.id}`, { exact: false }).waitFor();
    await screenshot(page, "automation-canned-fr");
    await page.getByRole("button", { name: "Insérer" }).click();
    const box = page.locator("#followup");
    expect(await box.inputValue()).toBe(`Bonjour Léa,\nje prends en charge votre ticket n° ${existing.id} : L'imprimante du 3e étage bourre.\nMarc Blanc`);
    await box.press("Control+Enter");
    await page.locator(".followup").getByText("Bonjour Léa,", { exact: false }).waitFor();
  });

  it("shows the automation page in English, and on a phone", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, SUPERVISOR_EN);
    await page.goto(`${server.url}/admin/automation`);
    await page.getByRole("tab", { name: "Rules" }).waitFor();
    await page.locator("tr[data-rule='Imprimantes vers la hotline']").waitFor();
    await screenshot(page, "automation-rules-en");
    await page.getByRole("tab", { name: "Canned responses" }).click();
    await page.getByText("Prise en charge").first().waitFor();
    await screenshot(page, "automation-canned-en");
    // Deleting asks first.
    await page.getByRole("button", { name: "Delete" }).first().click();
    const confirm = page.getByRole("dialog", { name: "Delete “Prise en charge”?" });
    await confirm.getByText("This cannot be undone.").waitFor();
    await screenshot(page, "automation-delete-confirm-en");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await confirm.waitFor({ state: "detached" });
    await page.getByRole("tab", { name: "Rules" }).click();
    await page.getByRole("button", { name: "Edit" }).first().click();
    const editor = page.getByRole("dialog", { name: "Edit rule" });
    await editor.getByText("Test on a ticket").waitFor();
    await screenshot(page, "automation-rule-editor-en");
    await editor.getByRole("button", { name: "Add a condition" }).click();
    await editor.locator("[data-condition='1']").getByRole("combobox", { name: /^Criterion/ }).click();
    await page.getByRole("option", { name: "Business hours", exact: true }).click();
    await editor.getByText("Per the business calendar of the ticket's entity", { exact: false }).waitFor();
    await screenshot(page, "automation-rule-business-hours-en");
    await page.keyboard.press("Escape");
    await editor.waitFor({ state: "detached" });
    // Disabling it is in its history, old → new.
    const rule = page.locator("tr[data-rule='Imprimantes vers la hotline']");
    await rule.locator(".mantine-Switch-track").click();
    await expect.poll(() => rule.getByRole("switch").isChecked()).toBe(false);
    await rule.getByRole("button", { name: "History of “Imprimantes vers la hotline”" }).click();
    const history = page.getByRole("dialog", { name: "History of “Imprimantes vers la hotline”" });
    await history.getByText("Condition 1").waitFor();
    await history.getByText("Updated", { exact: true }).waitFor();
    await screenshot(page, "automation-rule-history-en");
    await page.keyboard.press("Escape");
    await history.waitFor({ state: "detached" });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("tab", { name: "Recurring tickets" }).click();
    await page.getByText("No recurring tickets yet.").waitFor();
    await screenshot(page, "automation-recurring-phone-en");
  });
});
