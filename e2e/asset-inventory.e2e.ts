import fs from "node:fs";
import zlib from "node:zlib";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../src/shared/api/auth.js";
import type { Asset } from "../src/shared/api/assets.js";
import type { InventoryAgent } from "../src/shared/api/inventory-agents.js";
import type { User } from "../src/shared/api/users.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall, ok, signInAs } from "./helpers.js";
import { ROOT, missingPrerequisite, startServer, type TestServer } from "./server.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const TECH = { login: "nina.leroy", password: "technicienne-parc-2026!", firstName: "Nina", lastName: "Leroy", language: "fr" };
const OCS_AGENT = "OCS-NG_unified_unix_agent_v2.10.0";

const FIRST = fs.readFileSync(`${ROOT}/test/fixtures/inventory/ocsinventory-2.10/inventory.xml`, "utf8");
/**
 * The same machine a week later: memory added, adduser upgraded, the GNOME icon theme
 * uninstalled, and Nina logged in — what the real agent sends after such changes.
 */
const SECOND = FIRST.replace("<LASTLOGGEDUSER></LASTLOGGEDUSER>", `<LASTLOGGEDUSER>${TECH.login}</LASTLOGGEDUSER>`)
  .replace("<MEMORY>24105</MEMORY>", "<MEMORY>32768</MEMORY>")
  .replace("<NAME>adduser</NAME>\n      <VERSION>3.134</VERSION>", "<NAME>adduser</NAME>\n      <VERSION>3.137</VERSION>")
  .replace(/<SOFTWARES>(?:(?!<\/SOFTWARES>)[\s\S])*<NAME>adwaita-icon-theme<\/NAME>[\s\S]*?<\/SOFTWARES>/, "");

async function agentPost(url: string, xml: string): Promise<number> {
  const body = new Uint8Array(zlib.deflateSync(Buffer.from(xml)));
  const res = await fetch(`${url}/ocsinventory`, { method: "POST", body, headers: { "content-type": "application/x-compress", "user-agent": OCS_AGENT } });
  await res.arrayBuffer();
  return res.status;
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync("/tmp/shots", { recursive: true });
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
}

describe.skipIf(missing !== undefined)("what inventories say on the asset page, and the fleet's changes", () => {
  let server: TestServer;
  let desk: Browser;
  let phone: Browser;
  let assetId: number;

  beforeAll(async () => {
    expect(SECOND).not.toContain("adwaita-icon-theme");
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    const login = await apiCall<Me>(server.url, "/api/auth/login", { method: "POST", body: ADMIN });
    const cookie = login.cookie ?? "";
    const user = await ok(apiCall<User>(server.url, "/api/users", { method: "POST", cookie,
      body: { ...TECH, email: `${TECH.login}@durand.example`, entityId: login.body.entityId } }));
    await ok(apiCall(server.url, "/api/grants", { method: "POST", cookie,
      body: { userId: user.id, entityId: login.body.entityId, role: "technician", recursive: true } }));
    expect(await agentPost(server.url, FIRST)).toBe(200);
    expect(await agentPost(server.url, SECOND)).toBe(200);
    const agents = await ok(apiCall<{ data: InventoryAgent[] }>(server.url, "/api/inventory/agents", { cookie }));
    assetId = agents.data[0]?.assetId as number;
    // A person renames the machine: the name is locked against the next inventories.
    const asset = await ok(apiCall<Asset>(server.url, `/api/assets/${assetId}`, { cookie }));
    await ok(apiCall(server.url, `/api/assets/${assetId}`, { method: "PATCH", cookie, body: { name: "Poste de Nina", version: asset.version } }));
    desk = await openBrowser();
    phone = await openBrowser({ viewport: { width: 375, height: 812 } });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(desk.page, `asset-inventory-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await desk?.close();
    await phone?.close();
    await server?.stop();
  });

  it("shows the inventory tab in French: the summary, the hardware, and Nina as the user to assign", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, TECH);
    await page.goto(`${server.url}/assets/${assetId}`);
    await page.getByRole("tab", { name: "Inventaire" }).click();
    const summary = page.getByRole("region", { name: "Dernier inventaire" });
    await summary.getByText("OCS-NG_unified_unix_agent").first().waitFor();
    await summary.getByText("2.10.0", { exact: true }).waitFor();
    await summary.getByText("Debian GNU/Linux 12 (bookworm) · 12 · x86_64").waitFor();
    await summary.getByText("32 Go", { exact: true }).waitFor();
    await summary.getByText("69 % utilisé", { exact: true }).waitFor();
    await page.getByRole("table", { name: "Processeurs" }).getByRole("cell", { name: "AMD EPYC" }).waitFor();
    await page.getByRole("table", { name: "Cartes réseau" }).waitFor();
    await page.getByRole("table", { name: "Volumes" }).waitFor();
    await page.getByText("Le dernier utilisateur connecté, nina.leroy, est Nina Leroy.").waitFor();
    await shot(page, "asset-inventory-fr");

    await page.getByRole("button", { name: "Attribuer à Nina Leroy" }).click();
    await page.getByText("Matériel attribué à Nina Leroy").waitFor();
    await expect.poll(() => page.getByText("Le dernier utilisateur connecté, nina.leroy, est Nina Leroy.").count()).toBe(0);
    await page.getByText(/· Nina Leroy/).first().waitFor();
  });

  it("unlocks the renamed field, searches the software, and tells the changes in words", async () => {
    const { page } = desk;
    const locks = page.getByRole("region", { name: "Champs verrouillés" });
    await locks.getByText("Nom", { exact: true }).waitFor();
    await locks.getByRole("button", { name: "Déverrouiller le champ Nom" }).click();
    await page.getByText("Champ Nom déverrouillé : le prochain inventaire le remplira.").waitFor();
    await expect.poll(() => page.getByRole("region", { name: "Champs verrouillés" }).count()).toBe(0);

    const software = page.getByRole("table", { name: "Logiciels installés" });
    await software.getByRole("row").nth(1).waitFor();
    await page.getByRole("searchbox", { name: "Rechercher un logiciel" }).fill("ADDU");
    await software.getByRole("cell", { name: "adduser", exact: true }).waitFor();
    await software.getByRole("cell", { name: "3.137" }).waitFor();
    await expect.poll(() => software.getByRole("row").count()).toBe(2);

    const changes = page.getByRole("list", { name: "Changements entre inventaires" });
    await changes.getByText("Mémoire 24 → 32 Go").waitFor();
    await changes.getByText("adduser 3.134 → 3.137").waitFor();
    await changes.getByText("Logiciel adwaita-icon-theme supprimé").waitFor();
    await shot(page, "asset-inventory-changes-fr");
  });

  it("lists the fleet's changes, filters them by area and by item, and leads back to the asset", async () => {
    const { page } = desk;
    await page.getByRole("link", { name: "Tous les changements du parc" }).click();
    await page.getByRole("heading", { name: "Changements du parc" }).waitFor();
    const table = page.getByRole("table", { name: "Changements du parc" });
    await table.getByText("Mémoire 24 → 32 Go").waitFor();
    expect(await table.getByRole("row").count()).toBe(4);

    await page.getByRole("combobox", { name: "Domaine" }).click();
    await page.getByRole("option", { name: "Logiciels" }).click();
    await expect.poll(() => table.getByText("Mémoire 24 → 32 Go").count()).toBe(0);
    await table.getByText("Logiciel adwaita-icon-theme supprimé").waitFor();
    await page.getByRole("searchbox", { name: "Élément exact" }).fill("adduser");
    await expect.poll(() => table.getByRole("row").count()).toBe(2);
    expect(new URL(page.url()).searchParams.get("item")).toBe("adduser");
    await shot(page, "fleet-changes-fr");

    await table.getByRole("link", { name: /Poste de Nina/ }).click();
    await page.getByRole("tab", { name: "Inventaire", selected: true }).waitFor();
  });

  it("fits a phone: the tables scroll inside their box", async () => {
    await signInAs(phone, server.url, TECH);
    await phone.page.goto(`${server.url}/assets/${assetId}?tab=inventory`);
    await phone.page.getByRole("table", { name: "Processeurs" }).waitFor();
    await phone.page.getByRole("table", { name: "Logiciels installés" }).waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(phone.page, "asset-inventory-phone");
  });
});
