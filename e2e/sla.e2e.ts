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
const SUPERVISOR = { login: "claire.roux", password: "superviseuse-sla-2026!", firstName: "Claire", lastName: "Roux", language: "fr" };
const SUPERVISOR_EN = { login: "john.doe", password: "supervisor-sla-2026!", firstName: "John", lastName: "Doe", language: "en" };

/**
 * A supervisor gives the organisation office hours (an overlapping range is refused as she
 * types), then an SLA; a new ticket shows its deadline and time left in the queue and on its page.
 */
describe.skipIf(missing !== undefined)("business calendars and SLAs", () => {
  let server: TestServer;
  let desk: Browser;
  let adminCookie: string;
  let rootId: number;

  const makeSupervisor = async (person: typeof SUPERVISOR) => {
    const user = await ok(apiCall<User>(server.url, "/api/users", { method: "POST", cookie: adminCookie,
      body: { ...person, email: `${person.login}@durand.example`, entityId: rootId } }));
    await ok(apiCall(server.url, "/api/grants", { method: "POST", cookie: adminCookie, body: { userId: user.id, entityId: rootId, role: "supervisor", recursive: true } }));
  };

  beforeAll(async () => {
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    const login = await apiCall<Me>(server.url, "/api/auth/login", { method: "POST", body: ADMIN });
    adminCookie = login.cookie ?? "";
    rootId = login.body.entityId;
    await makeSupervisor(SUPERVISOR);
    await makeSupervisor(SUPERVISOR_EN);
    desk = await openBrowser();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(desk.page, `sla-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await desk?.close();
    await server?.stop();
  });

  it("a supervisor defines office hours and an SLA, and a new ticket shows its deadline in the queue and on its page", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, SUPERVISOR);
    await page.goto(`${server.url}/admin/sla?tab=calendars`);
    await page.getByRole("heading", { name: "Calendriers et SLA" }).waitFor();
    await page.getByRole("button", { name: "Nouveau calendrier" }).click();
    const calendarForm = page.getByRole("form", { name: "Nouveau calendrier" });
    await pickOption(page, calendarForm, /^Entité/, "", /./);
    await calendarForm.getByLabel(/^Nom/).fill("Bureaux du siège");
    const tuesday = calendarForm.getByLabel("Mardi");
    await tuesday.fill("09:00-12:30, 12:00-18:00");
    await calendarForm.getByText("Plages invalides ou qui se chevauchent").waitFor();
    expect(await calendarForm.getByRole("button", { name: "Enregistrer" }).isDisabled()).toBe(true);
    await tuesday.fill("09:00-12:00, 14:00-18:00");
    await calendarForm.getByText(/Lundi de Pentecôte/).waitFor();
    await screenshot(page, "sla-calendar-form");
    await calendarForm.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("table", { name: "Calendriers ouvrés" }).getByText("Bureaux du siège").waitFor();

    await page.getByRole("tab", { name: "SLA" }).click();
    await page.getByRole("button", { name: "Nouveau SLA" }).click();
    const policyForm = page.getByRole("form", { name: "Nouveau SLA" });
    await policyForm.getByLabel(/^Nom/).fill("Standard");
    await pickOption(page, policyForm, /^Entité/, "", /./);
    await policyForm.getByLabel("Délai de prise en charge, priorité 3, en heures").fill("4");
    await policyForm.getByRole("button", { name: "+ Ajouter un niveau" }).click();
    await screenshot(page, "sla-policy-form");
    await policyForm.getByRole("button", { name: "Enregistrer" }).click();
    const policies = page.getByRole("table", { name: "SLA" });
    await policies.getByText("Standard").waitFor();
    await policies.getByText("P3 : prise en charge 4 h, résolution 16 h").waitFor();
    await screenshot(page, "sla-admin");
    await policies.getByRole("button", { name: "Historique de « Standard »" }).click();
    const history = page.getByRole("dialog", { name: "Historique de « Standard »" });
    await history.getByText("Prise en charge P3").waitFor();
    await screenshot(page, "sla-policy-history-fr");
    await page.keyboard.press("Escape");
    await history.waitFor({ state: "detached" });

    const ticket = await ok(apiCall<Ticket>(server.url, "/api/tickets", { method: "POST", cookie: adminCookie,
      body: { title: "Imprimante de l’accueil en panne", entityId: rootId, urgency: 3, impact: 3, channel: "phone" } }));
    expect(ticket.sla?.ownDueAt).toBeTruthy();
    await page.goto(`${server.url}/tickets`);
    const row = page.getByRole("row", { name: /Imprimante de l’accueil en panne/ });
    await row.locator("[data-sla-state]").waitFor();
    expect(await row.locator("[data-sla-state]").getAttribute("data-sla-state")).toMatch(/^(ok|at_risk|late)$/);
    await screenshot(page, "sla-queue");

    await page.goto(`${server.url}/tickets/${ticket.id}`);
    const panel = page.getByRole("region", { name: "Échéances SLA" });
    await panel.getByText("Prise en charge").waitFor();
    await panel.getByText("Résolution").waitFor();
    await panel.getByText(/^Échéance : /).first().waitFor();
    await panel.getByText(/ouvrées$/).first().waitFor();
    await panel.getByText("Standard").waitFor();
    await screenshot(page, "sla-ticket");
  });

  it("reads in English, on a phone too", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, SUPERVISOR_EN);
    await page.goto(`${server.url}/admin/sla`);
    await page.getByRole("heading", { name: "Calendars and SLAs" }).waitFor();
    await page.getByRole("table", { name: "SLAs" }).getByText("P3: own 4 h, resolve 16 h").waitFor();
    await screenshot(page, "sla-admin-en");
    await page.getByRole("button", { name: "History of “Standard”" }).click();
    const history = page.getByRole("dialog", { name: "History of “Standard”" });
    await history.getByText("Time to own P3").waitFor();
    await screenshot(page, "sla-policy-history-en");
    await page.keyboard.press("Escape");
    await history.waitFor({ state: "detached" });
    const tickets = await ok(apiCall<{ data: Ticket[] }>(server.url, "/api/tickets?view=open", { cookie: adminCookie }));
    await page.goto(`${server.url}/tickets/${tickets.data[0]!.id}`);
    await page.getByRole("region", { name: "SLA deadlines" }).getByText("Time to own").waitFor();
    await screenshot(page, "sla-ticket-en");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/admin/sla?tab=calendars`);
    await page.getByRole("table", { name: "Business calendars" }).getByText("Bureaux du siège").waitFor();
    await screenshot(page, "sla-admin-phone-en");
    await page.getByRole("button", { name: "History of “Bureaux du siège”" }).click();
    const calendarHistory = page.getByRole("dialog", { name: "History of “Bureaux du siège”" });
    await calendarHistory.getByText("Tuesday").waitFor();
    await screenshot(page, "sla-calendar-history-phone-en");
    await page.keyboard.press("Escape");
  });

  it("a support contract carries its own hours and SLA, which a new ticket of the client takes", async () => {
    const { page } = desk;
    await page.setViewportSize({ width: 1366, height: 860 });
    const contract = await ok(apiCall<{ id: number }>(server.url, "/api/contracts", { method: "POST", cookie: adminCookie,
      body: { contractType: "support", name: "Infogérance Gold", entityId: rootId, startDate: new Date().toISOString().slice(0, 10), durationMonths: 12 } }));
    await signInAs(desk, server.url, SUPERVISOR);
    await page.goto(`${server.url}/admin/sla?tab=calendars`);
    await page.getByRole("button", { name: "Nouveau calendrier" }).click();
    const calendarForm = page.getByRole("form", { name: "Nouveau calendrier" });
    await pickOption(page, calendarForm, /^Entité/, "", /./);
    await pickOption(page, calendarForm, /^Contrat/, "", /Infogérance Gold/);
    await calendarForm.getByLabel(/^Nom/).fill("Horaires Gold");
    for (const day of ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi"]) await calendarForm.getByLabel(day).fill("08:00-20:00");
    await screenshot(page, "sla-contract-calendar-form");
    await calendarForm.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("table", { name: "Calendriers ouvrés" }).getByText("Contrat : Infogérance Gold").waitFor();

    await page.getByRole("tab", { name: "SLA" }).click();
    await page.getByRole("button", { name: "Nouveau SLA" }).click();
    const policyForm = page.getByRole("form", { name: "Nouveau SLA" });
    await policyForm.getByLabel(/^Nom/).fill("Gold");
    await pickOption(page, policyForm, /^Entité/, "", /./);
    await pickOption(page, policyForm, /^Contrat/, "", /Infogérance Gold/);
    await policyForm.getByLabel("Délai de prise en charge, priorité 3, en heures").fill("1");
    await screenshot(page, "sla-contract-policy-form");
    await policyForm.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("table", { name: "SLA" }).getByText("Contrat : Infogérance Gold").waitFor();

    // The only support contract with an SLA: a new ticket of the client is worked under it.
    const ticket = await ok(apiCall<Ticket>(server.url, "/api/tickets", { method: "POST", cookie: adminCookie,
      body: { title: "Serveur de messagerie arrêté", entityId: rootId, urgency: 3, impact: 3, channel: "phone" } }));
    expect(ticket.contractId).toBe(contract.id);
    await page.goto(`${server.url}/tickets/${ticket.id}`);
    expect(await page.getByRole("combobox", { name: "Contrat" }).inputValue()).toMatch(/^Infogérance Gold/);
    const panel = page.getByRole("region", { name: "Échéances SLA" });
    await panel.getByText("Contrat : Infogérance Gold").waitFor();
    await panel.getByText("Calendrier : Horaires Gold").waitFor();
    await screenshot(page, "sla-contract-ticket");
    await page.goto(`${server.url}/contracts/${contract.id}`);
    await page.getByRole("tab", { name: "Horaires et SLA" }).click();
    await page.getByRole("region", { name: "Horaires de support" }).getByText("Horaires Gold").waitFor();
    await screenshot(page, "sla-contract-page");

    await signInAs(desk, server.url, SUPERVISOR_EN);
    await page.goto(`${server.url}/contracts/${contract.id}`);
    await page.getByRole("tab", { name: "Support hours and SLAs" }).click();
    await page.getByRole("region", { name: "The contract's SLAs" }).getByText("Gold", { exact: true }).waitFor();
    await screenshot(page, "sla-contract-page-en");
    await page.goto(`${server.url}/admin/sla`);
    await page.getByRole("button", { name: "New SLA" }).click();
    const englishForm = page.getByRole("form", { name: "New SLA" });
    await pickOption(page, englishForm, /^Entity/, "", /./);
    await pickOption(page, englishForm, /^Contract/, "", /Infogérance Gold/);
    await screenshot(page, "sla-contract-policy-form-en");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/tickets/${ticket.id}`);
    await page.getByRole("region", { name: "SLA deadlines" }).getByText("Contract: Infogérance Gold").waitFor();
    await screenshot(page, "sla-contract-ticket-phone-en");
  });
});
