import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../src/shared/api/auth.js";
import type { User } from "../src/shared/api/users.js";
import { inventoryXml } from "../src/server/features/inventory/store/inventory-xml.test-support.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall, ok, signInAs } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const TECH = { login: "nina.leroy", password: "technicienne-parc-2026!", firstName: "Nina", lastName: "Leroy", language: "fr" };
/** What a FusionInventory agent reports of a switched-off Defender. */
const DEFENDER_OFF = "<ANTIVIRUS><COMPANY>Microsoft Corporation</COMPANY><ENABLED>0</ENABLED><NAME>Windows Defender</NAME><UPTODATE>1</UPTODATE><VERSION>4.18.24090.11</VERSION></ANTIVIRUS>";

/** What an agent does: a POST of its inventory on the address it was given. */
async function agentPost(url: string, xml: string): Promise<number> {
  const res = await fetch(`${url}/plugins/fusioninventory/`, { method: "POST", body: xml,
    headers: { "content-type": "application/xml", "user-agent": "FusionInventory-Agent_v2.6" } });
  await res.arrayBuffer();
  return res.status;
}

/** The page must fit the phone's width: nothing to scroll sideways but the tables' own scroll areas. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

describe.skipIf(missing !== undefined)("the fleet's health page, in French", () => {
  let server: TestServer;
  let desk: Browser;
  let phone: Browser;

  beforeAll(async () => {
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    const login = await apiCall<Me>(server.url, "/api/auth/login", { method: "POST", body: ADMIN });
    const cookie = login.cookie ?? "";
    const user = await ok(apiCall<User>(server.url, "/api/users", { method: "POST", cookie,
      body: { ...TECH, email: `${TECH.login}@durand.example`, entityId: login.body.entityId } }));
    await ok(apiCall(server.url, "/api/grants", { method: "POST", cookie,
      body: { userId: user.id, entityId: login.body.entityId, role: "technician", recursive: true } }));
    expect(await agentPost(server.url, inventoryXml({ deviceId: "pc-plein", name: "PC-COMPTA-PLEIN", serial: "SN-PLEIN-1",
      volumes: [{ mount: "C:", totalMb: 200_000, freeMb: 10_000 }] }))).toBe(200);
    expect(await agentPost(server.url, inventoryXml({ deviceId: "pc-av", name: "PC-ACCUEIL-AV", serial: "SN-AV-1" })
      .replace("</CONTENT>", `${DEFENDER_OFF}</CONTENT>`))).toBe(200);
    desk = await openBrowser();
    phone = await openBrowser({ viewport: { width: 375, height: 812 } });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") {
      await screenshot(desk.page, `health-failed-${context.task.name.slice(0, 40)}`);
      await screenshot(phone.page, `health-failed-phone-${context.task.name.slice(0, 30)}`);
    }
  });

  afterAll(async () => {
    await desk?.close();
    await phone?.close();
    await server?.stop();
  });

  it("a technician sees the full disk and the antivirus off, with counts, and goes to the asset's inventory", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, TECH);
    await page.goto(`${server.url}/assets/health`);
    await page.getByRole("heading", { name: "Santé du parc" }).waitFor();
    await page.getByRole("tab", { name: "Disques presque pleins (1)" }).waitFor();
    await page.getByRole("tab", { name: "Antivirus (1)" }).waitFor();
    await page.getByRole("tab", { name: "Agents silencieux (0)" }).waitFor();
    const disks = page.getByRole("table", { name: "Disques presque pleins" });
    await disks.getByText("95 % utilisé").waitFor();

    await page.getByRole("tab", { name: "Antivirus (1)" }).click();
    const antivirus = page.getByRole("table", { name: "Antivirus" });
    await antivirus.getByText("Windows Defender").waitFor();
    await antivirus.getByText("désactivé").waitFor();
    expect(new URL(page.url()).searchParams.get("signal")).toBe("antivirus");

    await page.getByRole("tab", { name: "Réglages" }).click();
    await page.getByText("Seul un administrateur de l’entité racine peut modifier ces réglages.").waitFor();
    expect(await page.getByRole("button", { name: "Enregistrer les réglages" }).count()).toBe(0);

    await page.getByRole("tab", { name: /^Disques presque pleins/ }).click();
    await page.getByRole("link", { name: /PC-COMPTA-PLEIN/ }).click();
    await page.waitForURL((url) => /^\/assets\/\d+$/.test(url.pathname) && url.searchParams.get("tab") === "inventory");
  });

  it("an admin raises the threshold and turns automatic tickets on; the list follows", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, ADMIN);
    await page.goto(`${server.url}/assets/health?signal=settings`);
    const form = page.getByRole("form", { name: "Réglages" });
    const threshold = form.getByRole("textbox", { name: /Seuil « disque presque plein »/ });
    await threshold.fill("97");
    await form.getByRole("switch", { name: "Ouvrir un ticket automatiquement" }).check({ force: true });
    await form.getByLabel("Priorité des tickets").first().waitFor();
    await form.getByRole("button", { name: "Enregistrer les réglages" }).click();
    await page.getByText("Réglages de santé du parc enregistrés").waitFor();

    await page.getByRole("tab", { name: "Disques presque pleins (0)" }).click();
    await page.getByText("Aucun disque presque plein.").waitFor();

    // An emptied field says so under it, and nothing is saved.
    await page.getByRole("tab", { name: "Réglages" }).click();
    await form.getByRole("textbox", { name: /Seuil « disque presque plein »/ }).fill("");
    await form.getByRole("button", { name: "Enregistrer les réglages" }).click();
    await form.getByText("Ce champ est obligatoire").waitFor();
    const saved = await apiCall<{ diskFullPct: number; ticket: { enabled: boolean } }>(server.url, "/api/inventory/health/settings",
      { cookie: (await desk.context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ") });
    expect(saved.body).toMatchObject({ diskFullPct: 97, ticket: { enabled: true } });
  });

  it("fits a phone's screen", async () => {
    const { page } = phone;
    await signInAs(phone, server.url, TECH);
    await page.goto(`${server.url}/assets/health?signal=antivirus`);
    await page.getByRole("table", { name: "Antivirus" }).getByText("Windows Defender").waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, "health-phone-fr");
  });
});
