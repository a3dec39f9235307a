import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AssetSummary } from "../src/shared/api/assets.js";
import type { Me } from "../src/shared/api/auth.js";
import type { User } from "../src/shared/api/users.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall, ok, signInAs } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const TECH = { login: "ines.garnier", password: "technicienne-parc-2026!", firstName: "Inès", lastName: "Garnier", language: "fr" };
const TECH_EN = { login: "tom.baker", password: "fleet-technician-2026!", firstName: "Tom", lastName: "Baker", language: "en" };

/**
 * What a French spreadsheet saves as "CSV (séparateur : point-virgule)": Windows-1252, semicolons,
 * French dates and amounts. The third row names a kind that does not exist, a day that does not and no amount.
 */
function spreadsheetExport(): string {
  const text = [
    "Numéro d'inventaire;Nom;Type;Numéro de série;Date d'achat;Prix",
    "IMP-CSV-001;Écran Réunion;monitor;SN-E-001;15/03/2025;249,90",
    "IMP-CSV-002;Portable comptabilité;laptop;SN-P-002;02/01/2026;1 099,00",
    "IMP-CSV-003;Tablette salle de pause;tablette;SN-T-003;31/02/2026;beaucoup",
  ].join("\r\n");
  // Every character here is Latin-1, where Windows-1252 agrees byte for byte.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vigie-import-")), "parc.csv");
  fs.writeFileSync(file, Buffer.from(text, "latin1"));
  return file;
}

describe.skipIf(missing !== undefined)("importing a spreadsheet of assets", () => {
  let server: TestServer;
  let browser: Browser;
  let cookie = "";

  beforeAll(async () => {
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    const login = await apiCall<Me>(server.url, "/api/auth/login", { method: "POST", body: ADMIN });
    cookie = login.cookie ?? "";
    const post = <T>(url: string, body: unknown) => ok(apiCall<T>(server.url, url, { method: "POST", cookie, body }));
    for (const person of [TECH, TECH_EN]) {
      const tech = await post<User>("/api/users", { ...person, email: `${person.login}@durand.example`, entityId: login.body.entityId });
      await post("/api/grants", { userId: tech.id, entityId: login.body.entityId, role: "technician", recursive: true });
    }
    browser = await openBrowser();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(browser.page, `import-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("detects the encoding and separator, imports the good rows, reports the bad one, and updates on a second run", async () => {
    const { page } = browser;
    await signInAs(browser, server.url, TECH);
    await page.goto(`${server.url}/assets`);
    await page.getByRole("link", { name: "Importer" }).or(page.getByRole("button", { name: "Importer" })).first().click();
    await page.waitForURL(/\/assets\/import/);
    const file = spreadsheetExport();

    for (const round of [1, 2]) {
      await page.locator("input[type=file]").setInputFiles(file);
      await page.getByRole("button", { name: "Analyser le fichier" }).click();
      await expect.poll(() => page.getByText(/encodage windows-1252, séparateur point-virgule/i).count(), { timeout: 15_000 }).toBe(1);
      // The French headers were recognised: the tag column maps to the asset tag.
      await expect.poll(() => page.getByRole("combobox", { name: "Champ pour la colonne « Numéro d'inventaire »" }).inputValue())
        .toBe("Numéro d'inventaire");
      // The destination entity defaults to the technician's own.
      expect(await page.getByRole("combobox", { name: /Entité de destination/ }).inputValue()).toBe("Vigie");
      await screenshot(page, `import-mapping-${round}`);
      await page.getByRole("button", { name: "Lancer l'import" }).click();
      await expect.poll(() => page.getByRole("status").filter({ hasText: "Import terminé" }).count(), { timeout: 30_000 }).toBe(1);
      const figure = async (label: string) => page.getByText(label, { exact: true }).locator("xpath=following-sibling::*[1]").innerText();
      expect(await figure("Créés")).toBe(round === 1 ? "2" : "0");
      expect(await figure("Rejetés")).toBe("1");
      // The reason in French words, not the server's code.
      await expect.poll(() => page.getByRole("cell").getByText("Type : « tablette » introuvable", { exact: true }).count()).toBe(1);
      await screenshot(page, `import-result-${round}`);
      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: "Télécharger le rapport des rejets" }).or(page.getByRole("link", { name: "Télécharger le rapport des rejets" })).first().click();
      const report = fs.readFileSync(await (await download).path(), "utf8");
      expect(report).toContain("IMP-CSV-003");
      expect(report).toMatch(/^\uFEFFLigne;Numéro d'inventaire;.*;Raison\r\n4;IMP-CSV-003;.*;"Type : « tablette » introuvable ; /);
      expect(report).toContain(" ; Date d'achat : « 31/02/2026 » n'est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA) ; Prix : « beaucoup » n'est pas un montant\"\r\n");
      if (round === 1) await page.getByRole("button", { name: "Importer un autre fichier" }).click();
    }

    // Two assets, not four: the second run matched them by tag. Accents came through.
    const imported = await ok(apiCall<{ data: AssetSummary[] }>(server.url, "/api/assets?q=IMP-CSV", { cookie }));
    expect(imported.data.map((a) => a.name).sort()).toEqual(["Portable comptabilité", "Écran Réunion"]);
  });

  it("says the reasons and writes the report in English for an English-speaking technician", async () => {
    const { page } = browser;
    await signInAs(browser, server.url, TECH_EN);
    await page.goto(`${server.url}/assets/import`);
    await page.locator("input[type=file]").setInputFiles(spreadsheetExport());
    await page.getByRole("button", { name: "Read the file" }).click();
    await page.getByRole("button", { name: "Run the import" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Import finished" }).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByRole("cell").getByText('Kind: "tablette" not found', { exact: true }).count()).toBe(1);
    await screenshot(page, "import-result-en");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download the report of rejected rows" }).click();
    const report = fs.readFileSync(await (await download).path(), "utf8");
    expect(report).toMatch(/^\uFEFFLine;.*;Reason\r\n4;IMP-CSV-003;.*;"Kind: ""tablette"" not found ; Purchase date: ""31\/02\/2026"" is not a date/);
  });
});
