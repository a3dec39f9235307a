import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { COMMUNITY, PRINTER, type Snmpd, missingSnmpd, startSnmpd } from "../src/server/features/inventory/snmp/snmpd.test-support.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { pickOption, signInAs } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite() ?? missingSnmpd();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };

/**
 * An admin sets up SNMP discovery in the agents page's tab — a community, then the range of a
 * real snmpd answering like a printer — scans it, watches the scan end, and sees the printer
 * with its toner levels.
 */
describe.skipIf(missing !== undefined)("SNMP discovery, in French", () => {
  let server: TestServer;
  let desk: Browser;
  let snmpd: Snmpd;

  beforeAll(async () => {
    snmpd = await startSnmpd(PRINTER);
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    desk = await openBrowser();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(desk.page, `snmp-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await desk?.close();
    await server?.stop();
    await snmpd?.stop();
  });

  it("an admin adds a community and a range, scans it, and sees the printer with its toner levels", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, ADMIN);
    await page.goto(`${server.url}/assets/agents?tab=snmp`);
    await page.getByRole("heading", { name: "Identifiants SNMP" }).waitFor();

    const credentialForm = page.getByRole("form", { name: "Nouvel identifiant SNMP" });
    await pickOption(page, credentialForm, /^Entité/, "", /./);
    await credentialForm.getByLabel(/^Nom/).fill("Communauté du siège");
    await credentialForm.getByLabel(/^Communauté/).fill(COMMUNITY);
    await credentialForm.getByRole("button", { name: "Ajouter l’identifiant" }).click();
    const credentials = page.getByRole("table", { name: "Identifiants SNMP" });
    await credentials.getByText("Communauté du siège").waitFor();
    await credentials.getByText("Communauté : enregistré").waitFor();
    expect(await page.content()).not.toContain(COMMUNITY);

    const rangeForm = page.getByRole("form", { name: "Nouvelle plage d’adresses" });
    await pickOption(page, rangeForm, /^Entité/, "", /./);
    await rangeForm.getByLabel(/^Nom/).fill("Imprimantes du siège");
    await rangeForm.getByLabel(/^Adresses/).fill("127.0.0.1");
    await rangeForm.getByLabel(/^Port UDP/).fill(String(snmpd.port));
    // Keyboard, as a user without a mouse would: focus the field, open the list, pick the community.
    await rangeForm.getByLabel(/^Identifiants à essayer/).first().focus();
    await page.keyboard.press("ArrowDown");
    await page.getByRole("option", { name: /Communauté du siège/ }).click();
    await page.keyboard.press("Escape");
    await rangeForm.getByRole("button", { name: "Ajouter la plage" }).click();
    const ranges = page.getByRole("table", { name: "Plages d’adresses" });
    await ranges.getByText("Imprimantes du siège").waitFor();

    await ranges.getByRole("button", { name: "Scanner maintenant Imprimantes du siège" }).click();
    const scans = page.getByRole("table", { name: "Scans" });
    await scans.locator("tr[data-status=done]").waitFor({ timeout: 30_000 });
    await scans.getByText("1 / 1 adresses").waitFor();

    const printers = page.getByRole("table", { name: "Consommables des imprimantes" });
    await printers.getByRole("link", { name: "PRN-ACCUEIL" }).waitFor();
    await printers.getByRole("progressbar", { name: "Black Toner Cartridge HP 59A : 5 %" }).waitFor();
    await printers.getByRole("progressbar", { name: "Imaging Drum : 60 %" }).waitFor();
    await printers.getByText("Bas").waitFor();
    await printers.getByText("12 345").waitFor();
    await screenshot(page, "snmp-discovery");

    // The printer's own page shows the same levels, above its details.
    await printers.getByRole("link", { name: "PRN-ACCUEIL" }).click();
    const panel = page.getByRole("region", { name: "Consommables" });
    await panel.getByRole("progressbar", { name: "Black Toner Cartridge HP 59A : 5 %" }).waitFor();
    await panel.getByText(/^Compteur total : 12.345 pages$/).waitFor();
    await screenshot(page, "snmp-printer-asset");
    await page.goBack();
    await printers.getByText("12 345").waitFor();
  });

  it("reads in English, on a phone's width too", async () => {
    const { page } = desk;
    await page.getByRole("button", { name: /^Langue/ }).click();
    await page.getByRole("menuitem", { name: "English" }).click();
    await page.getByRole("heading", { name: "SNMP credentials" }).waitFor();
    await page.getByRole("table", { name: "Address ranges" }).getByText("1 address", { exact: true }).waitFor();
    await page.getByRole("table", { name: "Scans" }).getByText("Done").waitFor();
    await page.getByRole("table", { name: "Printer supplies" }).getByText("Low").waitFor();
    await page.setViewportSize({ width: 375, height: 812 });
    await screenshot(page, "snmp-discovery-en-phone");
  });
});
