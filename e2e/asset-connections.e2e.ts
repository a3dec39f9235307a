import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../src/shared/api/auth.js";
import type { Asset, AssetSummary } from "../src/shared/api/assets.js";
import type { Page as ApiPage } from "../src/shared/api/common.js";
import type { AssetKind } from "../src/shared/api/asset-references.js";
import type { User } from "../src/shared/api/users.js";
import { inventoryXml } from "../src/server/features/inventory/store/inventory-xml.test-support.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall, ok, pickOption, signInAs } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const TECH = { login: "paul.martin", password: "technicien-parc-2026!", firstName: "Paul", lastName: "Martin", language: "fr" };
const TECH_EN = { login: "jane.smith", password: "technician-fleet-2026!", firstName: "Jane", lastName: "Smith", language: "en" };

/** What an agent does: a POST of its inventory on the address it was given. */
async function agentPost(url: string, xml: string): Promise<number> {
  const res = await fetch(`${url}/plugins/fusioninventory/`, { method: "POST", body: xml,
    headers: { "content-type": "application/xml", "user-agent": "FusionInventory-Agent_v2.6" } });
  await res.arrayBuffer();
  return res.status;
}

describe.skipIf(missing !== undefined)("devices connected to a computer", () => {
  let server: TestServer;
  let desk: Browser;
  let computerId: number;

  beforeAll(async () => {
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    const login = await apiCall<Me>(server.url, "/api/auth/login", { method: "POST", body: ADMIN });
    const cookie = login.cookie ?? "";
    for (const person of [TECH, TECH_EN]) {
      const user = await ok(apiCall<User>(server.url, "/api/users", { method: "POST", cookie,
        body: { ...person, email: `${person.login}@durand.example`, entityId: login.body.entityId } }));
      await ok(apiCall(server.url, "/api/grants", { method: "POST", cookie,
        body: { userId: user.id, entityId: login.body.entityId, role: "technician", recursive: true } }));
    }
    expect(await agentPost(server.url, inventoryXml({ deviceId: "pc-ecran", name: "PC-ACCUEIL-01", serial: "SN-ACCUEIL-01",
      monitors: [{ caption: "DELL P2419H", manufacturer: "Dell Inc.", serial: "CN0E2E4242" }],
      printers: [{ name: "Microsoft Print to PDF", driver: "Microsoft Print To PDF", port: "PORTPROMPT:" }] }))).toBe(200);
    const computers = await ok(apiCall<ApiPage<AssetSummary>>(server.url, "/api/assets?q=PC-ACCUEIL-01", { cookie }));
    computerId = (computers.data[0] as AssetSummary).id;
    const kinds = (await ok(apiCall<{ data: AssetKind[] }>(server.url, "/api/asset-kinds", { cookie }))).data;
    const printerKind = kinds.find((kind) => kind.code === "printer") as AssetKind;
    await ok(apiCall<Asset>(server.url, "/api/assets", { method: "POST", cookie,
      body: { kindId: printerKind.id, name: "Imprimante accueil", assetTag: "IMP-E2E-0001", serial: "PHBE2E0001" } }));
    desk = await openBrowser();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(desk.page, `connections-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await desk?.close();
    await server?.stop();
  });

  it("lists the monitor the inventory found on the computer's page; its link opens the monitor, which names its computer", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, TECH);
    await page.goto(`${server.url}/assets/${computerId}`);
    const devices = page.getByRole("table", { name: "Périphériques connectés" });
    await devices.getByText("CN0E2E4242").waitFor();
    await devices.getByText("Inventaire").waitFor();
    expect(await devices.getByText(/Print to PDF/).count()).toBe(0);
    await screenshot(page, "connections-computer-fr");

    await devices.getByRole("link", { name: /DELL P2419H/ }).click();
    await page.waitForURL((url) => /^\/assets\/\d+$/.test(url.pathname) && url.pathname !== `/assets/${computerId}`);
    await page.getByRole("heading", { name: /DELL P2419H/ }).waitFor();
    const computer = page.getByRole("table", { name: "Connecté au poste" });
    await computer.getByRole("link", { name: /PC-ACCUEIL-01/ }).waitFor();
    await screenshot(page, "connections-monitor-fr");
  });

  it("connects a printer by hand, then disconnects it", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, TECH);
    await page.goto(`${server.url}/assets/${computerId}`);
    const devices = page.getByRole("table", { name: "Périphériques connectés" });
    await devices.getByText("CN0E2E4242").waitFor();
    await pickOption(page, page.locator("main"), /Connecter un périphérique/, "IMP-E2E", /IMP-E2E-0001/);
    await page.getByText("IMP-E2E-0001 connecté.").waitFor();
    const row = devices.getByRole("row", { name: /Imprimante accueil/ });
    await row.getByText("Manuelle").waitFor();
    await screenshot(page, "connections-manual-fr");

    await row.getByRole("button", { name: "Déconnecter IMP-E2E-0001" }).click();
    await page.getByText("IMP-E2E-0001 déconnecté.").waitFor();
    await devices.getByRole("row", { name: /Imprimante accueil/ }).waitFor({ state: "detached" });
  });

  it("reads in English", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, TECH_EN);
    await page.goto(`${server.url}/assets/${computerId}`);
    const devices = page.getByRole("table", { name: "Connected devices" });
    await devices.getByText("Inventory").waitFor();
    await page.getByRole("combobox", { name: "Connect a device" }).waitFor();
    await screenshot(page, "connections-computer-en");
  });
});
