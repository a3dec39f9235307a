import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { pickOption } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

describe.skipIf(missing !== undefined)("first install, as the first administrator", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(browser.page, `failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("sends a fresh install to the setup page and creates the organisation and its admin", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/login`);
    await page.waitForURL("**/setup");
    await page.getByRole("heading", { name: "Bienvenue dans Vigie" }).waitFor();
    await screenshot(page, "01-setup");

    await page.getByRole("button", { name: "Créer l’organisation et se connecter" }).click();
    await expect(page.getByText("Ce champ est obligatoire").first().isVisible()).resolves.toBe(true);

    await page.getByLabel(/^Organisation/).fill("Groupe Durand");
    await page.getByLabel(/^Prénom/).fill("Alice");
    await page.getByLabel(/^Nom/).fill("Martin");
    await page.getByLabel(/^Identifiant/).fill("alice");
    await page.getByLabel(/^E-mail/).fill("alice@durand.example");
    await page.getByLabel(/^Mot de passe/).fill("un-mot-de-passe-solide");
    await page.getByLabel(/^Confirmer le mot de passe/).fill("un-mot-de-passe-solide");
    await page.getByRole("button", { name: "Créer l’organisation et se connecter" }).click();

    await page.getByRole("heading", { name: "Bonjour Alice" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    await screenshot(page, "02-home-admin");
  });

  it("creates an entity under the organisation", async () => {
    const { page } = browser;
    await page.getByRole("navigation").getByRole("link", { name: "Entités" }).click();
    await page.getByRole("heading", { name: "Entités" }).waitFor();
    await page.getByRole("button", { name: "Nouvelle entité" }).click();
    const dialog = page.getByRole("dialog", { name: "Nouvelle entité" });
    await dialog.getByLabel(/^Nom/).fill("Lyon");
    await dialog.getByLabel(/^Ville/).fill("Lyon");
    await screenshot(page, "03-entity-create", false);
    await dialog.getByRole("button", { name: "Créer" }).click();

    await page.getByRole("heading", { name: "Lyon" }).waitFor();
    await page.getByText("Groupe Durand > Lyon").first().waitFor();
    await screenshot(page, "04-entity-detail");
  });

  it("creates a group in that entity", async () => {
    const { page } = browser;
    await page.getByRole("navigation").getByRole("link", { name: "Groupes" }).click();
    await page.getByRole("button", { name: "Nouveau groupe" }).click();
    const dialog = page.getByRole("dialog", { name: "Nouveau groupe" });
    await dialog.getByLabel(/^Nom/).fill("Hotline N1");
    await dialog.getByLabel(/^Description/).fill("Premier niveau, appels et tickets entrants");
    await pickOption(page, dialog, /^Entité/, "Lyon", /Groupe Durand > Lyon/);
    await dialog.getByRole("button", { name: "Créer" }).click();

    await page.getByRole("heading", { name: /Hotline N1/ }).waitFor();
    await screenshot(page, "05-group-detail");
  });

  it("creates a technician, grants the role on Lyon and adds them to the group", async () => {
    const { page } = browser;
    await page.getByRole("navigation").getByRole("link", { name: "Utilisateurs" }).click();
    await page.getByRole("button", { name: "Nouvel utilisateur" }).click();
    const dialog = page.getByRole("dialog", { name: "Nouvel utilisateur" });
    await dialog.getByLabel(/^Prénom/).fill("Bruno");
    await dialog.getByLabel(/^Nom/).fill("Petit");
    await dialog.getByLabel(/^Identifiant/).fill("bruno.petit");
    await dialog.getByLabel(/^E-mail/).fill("bruno.petit@durand.example");
    await pickOption(page, dialog, /^Entité/, "Lyon", /Groupe Durand > Lyon/);
    await dialog.getByLabel(/^Mot de passe/).fill("technicien-2026!");
    await screenshot(page, "06-user-create", false);
    await dialog.getByRole("button", { name: "Créer" }).click();

    await page.getByRole("heading", { name: /Bruno Petit/ }).waitFor();
    await page.getByRole("tab", { name: "Habilitations" }).click();
    await page.getByText("Aucune habilitation").waitFor();
    const main = page.getByRole("main");
    await pickOption(page, main, /^Entité/, "Lyon", /Groupe Durand > Lyon/);
    await main.getByRole("button", { name: "Ajouter" }).click();
    await page.getByRole("cell", { name: "Groupe Durand > Lyon", exact: true }).waitFor();
    await expect(page.getByRole("cell", { name: "Technicien", exact: true }).isVisible()).resolves.toBe(true);
    await screenshot(page, "07-user-grants");

    await page.getByRole("tab", { name: "Historique" }).click();
    await page.getByRole("columnheader", { name: "Auteur" }).waitFor();
    await screenshot(page, "08-user-history");

    await page.getByRole("navigation").getByRole("link", { name: "Groupes" }).click();
    await page.getByRole("link", { name: "Hotline N1" }).click();
    await pickOption(page, main, /^Utilisateur/, "bruno", /Petit Bruno/);
    await main.getByRole("button", { name: "Ajouter" }).click();
    await page.getByRole("link", { name: "Petit Bruno" }).waitFor();
    await screenshot(page, "09-group-members");
  });

  it("narrows the lists with the entity switcher", async () => {
    const { page } = browser;
    await page.getByRole("navigation").getByRole("link", { name: "Utilisateurs" }).click();
    await page.getByRole("link", { name: "Martin Alice" }).waitFor();
    await pickOption(page, page.getByRole("banner"), /^Entité affichée/, "Lyon", /Groupe Durand > Lyon/);
    await page.getByRole("link", { name: "Martin Alice" }).waitFor({ state: "detached" });
    await expect(page.getByRole("link", { name: "Petit Bruno" }).isVisible()).resolves.toBe(true);
    await screenshot(page, "10-users-scoped-to-lyon");
    await pickOption(page, page.getByRole("banner"), /^Entité affichée/, "", "Toutes mes entités");
    await page.getByRole("link", { name: "Martin Alice" }).waitFor();
  });

  it("imports users from a CSV file and reports the lines in error", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Importer un CSV" }).click();
    const dialog = page.getByRole("dialog", { name: "Importer des utilisateurs" });
    const upload = (lines: string[]) =>
      dialog.locator('input[type="file"]').setInputFiles({
        name: "users.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(["login;firstName;lastName;email;phone;entity", ...lines].join("\n")),
      });
    const chloe = "chloe.roux;Chloé;Roux;chloe.roux@durand.example;04 72 00 00 00;Groupe Durand > Lyon";

    await upload([chloe, "david.moreau;David;Moreau;;;Entité inconnue"]);
    await dialog.getByRole("button", { name: "Importer", exact: true }).click();
    await dialog.getByText("Import terminé").waitFor();
    await dialog.getByRole("cell", { name: "3", exact: true }).waitFor();
    await screenshot(page, "11-users-import-errors", false);

    await upload([chloe]);
    await dialog.getByRole("button", { name: "Importer", exact: true }).click();
    await dialog.getByText(/^1 créé/).waitFor();
    await dialog.getByRole("button", { name: "Fermer" }).first().click();
    await page.getByRole("link", { name: "Roux Chloé" }).waitFor();
  });

  it("switches to English and keeps it after a reload", async () => {
    const { page } = browser;
    await page.getByRole("navigation").getByRole("link", { name: "Groupes" }).click();
    await page.getByRole("link", { name: "Hotline N1" }).click();
    await page.getByRole("button", { name: /^Langue/ }).click();
    await page.getByRole("menuitem", { name: "English" }).click();
    await page.getByRole("tab", { name: "Members" }).waitFor();
    await expect(page.getByRole("navigation").getByRole("link", { name: "Users" }).isVisible()).resolves.toBe(true);
    await screenshot(page, "12-group-english");

    await page.reload();
    await page.getByRole("navigation").getByRole("link", { name: "Entities" }).click();
    await page.getByRole("heading", { name: "Entities" }).waitFor();
    await screenshot(page, "13-entities-english");
  });

  it("offers the dark theme and the command palette", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await page.getByRole("navigation").getByRole("link", { name: "Users" }).click();
    await page.getByRole("link", { name: "Petit Bruno" }).waitFor();
    await screenshot(page, "14-users-dark");

    await page.keyboard.press("Control+k");
    await page.getByPlaceholder("Go to… or type a command").fill("toke");
    await screenshot(page, "15-palette-dark", false);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "API tokens" }).waitFor();
    await page.getByRole("button", { name: "Switch to light theme" }).click();
  });

  it("creates an API token and shows its secret once", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "New token" }).click();
    const dialog = page.getByRole("dialog", { name: "New token" });
    await dialog.getByLabel(/^Name/).fill("OCS sync");
    await dialog.getByRole("button", { name: "Create" }).click();
    await dialog.getByText("Copy this token now").waitFor();
    const secret = await dialog.getByTestId("token-secret").textContent();
    expect(secret?.length ?? 0).toBeGreaterThan(20);
    await screenshot(page, "16-token-secret", false);
    await dialog.getByRole("button", { name: "Done" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("cell", { name: "OCS sync", exact: true }).waitFor();
    await screenshot(page, "17-tokens");
  });

  it("sends back to sign in when the session ends, then lets the technician in without admin-only pages", async () => {
    const { page, context } = browser;
    await context.clearCookies();
    await page.getByRole("navigation").getByRole("link", { name: "Users" }).click();
    // The list is cached; a new search asks the server, which no longer knows the session.
    await page.getByLabel("Search", { exact: true }).fill("petit");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByText("Your session has expired: please sign in again.").waitFor();
    await screenshot(page, "18-session-expired");

    await page.getByLabel(/^Login/).fill("bruno.petit");
    await page.getByLabel(/^Password/).fill("technicien-2026!");
    await page.getByRole("button", { name: "Sign in" }).click();
    // Back where the session ended, in Bruno's own language (French).
    await page.getByRole("heading", { name: "Utilisateurs" }).waitFor();
    const nav = page.getByRole("navigation");
    await expect(nav.getByRole("link", { name: "Jetons d’API" }).count()).resolves.toBe(0);
    await nav.getByRole("link", { name: "Accueil" }).click();
    await page.getByRole("heading", { name: "Bonjour Bruno" }).waitFor();
    await screenshot(page, "19-home-technician");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("button", { name: "Ouvrir le menu" }).click();
    await nav.getByRole("link", { name: "Utilisateurs" }).click();
    await page.getByRole("link", { name: "Petit Bruno" }).waitFor();
    await screenshot(page, "20-phone-users-technician");
  });
});
