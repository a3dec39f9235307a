import fs from "node:fs";
import zlib from "node:zlib";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../src/shared/api/auth.js";
import type { User } from "../src/shared/api/users.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall, ok, pickOption, signInAs } from "./helpers.js";
import { ROOT, missingPrerequisite, startServer, type TestServer } from "./server.js";
import { inventoryXml } from "../src/server/features/inventory/store/inventory-xml.test-support.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const TECH = { login: "nina.leroy", password: "technicienne-parc-2026!", firstName: "Nina", lastName: "Leroy", language: "fr" };
const TECH_EN = { login: "sam.taylor", password: "fleet-technician-2026!", firstName: "Sam", lastName: "Taylor", language: "en" };
const FUSION_DEVICE = "vm-2026-11-22-13-41-44";

const fixture = (name: string) => fs.readFileSync(`${ROOT}/test/fixtures/inventory/${name}`);
const OCS_INVENTORY = fixture("ocsinventory-2.10/inventory.zlib");
const OCS_DEVICE = /<DEVICEID>([^<]+)</.exec(zlib.inflateSync(OCS_INVENTORY).toString("utf8"))?.[1] ?? "";

/** What an agent does: a POST of its (compressed) XML on the address it was given. */
async function agentPost(url: string, body: Buffer, userAgent: string): Promise<number> {
  const res = await fetch(url, { method: "POST", body: new Uint8Array(body), headers: { "content-type": "application/x-compress-zlib", "user-agent": userAgent } });
  await res.arrayBuffer();
  return res.status;
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync("/tmp/shots", { recursive: true });
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
}

describe.skipIf(missing !== undefined)("inventory agents and their log, for people", () => {
  let server: TestServer;
  let desk: Browser;
  let phone: Browser;

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
    expect(await agentPost(`${server.url}/front/inventory.php`, fixture("fusioninventory-2.6/prolog.zlib"), "FusionInventory-Agent_v2.6-3")).toBe(200);
    expect(await agentPost(`${server.url}/ocsinventory`, OCS_INVENTORY, "OCS-NG_unified_unix_agent_v2.10.0")).toBe(200);
    desk = await openBrowser();
    phone = await openBrowser({ viewport: { width: 375, height: 812 } });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(desk.page, `agents-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await desk?.close();
    await phone?.close();
    await server?.stop();
  });

  it("a technician finds both agents from the fleet page, with the addresses to give the agents", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, TECH);
    await page.goto(`${server.url}/assets`);
    await page.getByRole("link", { name: "Agents", exact: true }).click();
    await page.getByRole("heading", { name: "Agents d’inventaire" }).waitFor();
    const agents = page.getByRole("table", { name: "Agents" });
    await agents.getByRole("cell", { name: FUSION_DEVICE }).waitFor();
    await agents.getByRole("cell", { name: OCS_DEVICE }).waitFor();
    await agents.getByText("2.10.0").waitFor();
    const urls = await page.getByTestId("agent-url").allTextContents();
    expect(urls).toEqual([`${server.url}/ocsinventory`, `${server.url}/front/inventory.php`]);
    await shot(page, "agents-list-fr");
  });

  it("shows the INVENTORY line in the journal, and a corrupt body's refusal with its reason under « refused only »", async () => {
    const { page } = desk;
    await page.getByRole("tab", { name: "Journal" }).click();
    const log = page.getByRole("table", { name: "Journal" });
    await log.getByRole("cell", { name: "INVENTORY", exact: true }).waitFor();
    await log.getByText("Reçu").first().waitFor();

    const corrupt = zlib.deflateSync(Buffer.from("<REQUEST><QUERY>PROLOG</QUERY><DEVICEID>x</DEVICEID></REQUEST>")).subarray(0, 20);
    expect(await agentPost(`${server.url}/ocsinventory`, corrupt, "OCS-NG_unified_unix_agent_v2.10.0")).toBe(400);
    // The switch lives in the address: it turns on once the router has moved there.
    const refusedOnly = page.getByRole("switch", { name: "Refusés seulement" });
    await refusedOnly.click();
    await expect.poll(() => refusedOnly.isChecked()).toBe(true);
    await log.getByRole("cell", { name: "BODY_CORRUPT" }).waitFor();
    await expect.poll(() => log.getByRole("cell", { name: "INVENTORY", exact: true }).count()).toBe(0);
    expect(await log.getByText("Refusé", { exact: true }).count()).toBe(1);
    expect(new URL(page.url()).searchParams.get("refused")).toBe("1");
    await shot(page, "agents-log-refused-fr");
  });

  it("reads in English, and fits a phone", async () => {
    await signInAs(desk, server.url, TECH_EN);
    await desk.page.goto(`${server.url}/assets/agents`);
    await desk.page.getByRole("heading", { name: "Inventory agents" }).waitFor();
    await desk.page.getByRole("table", { name: "Agents" }).getByRole("cell", { name: OCS_DEVICE }).waitFor();
    await shot(desk.page, "agents-list-en");
    await desk.page.getByRole("tab", { name: "Log" }).click();
    await desk.page.getByRole("table", { name: "Log" }).getByRole("cell", { name: "BODY_CORRUPT" }).waitFor();
    await shot(desk.page, "agents-log-en");

    await signInAs(phone, server.url, TECH);
    await phone.page.goto(`${server.url}/assets/agents`);
    await phone.page.getByRole("table", { name: "Agents" }).getByRole("cell", { name: FUSION_DEVICE }).waitFor();
    // The table scrolls inside its box: the page itself stays as wide as the phone.
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(phone.page, "agents-phone");
  });

  it("shows what each inventory led to, with the asset's link and the trace on demand", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, TECH);
    await page.goto(`${server.url}/assets/agents?tab=log`);
    const log = page.getByRole("table", { name: "Journal" });
    const created = log.getByRole("row").filter({ hasText: "Nouvel actif créé" });
    await created.waitFor();
    const asset = created.getByRole("link");
    const tag = (await asset.textContent()) ?? "";
    expect(tag).not.toBe("");
    await created.getByRole("button", { name: "Voir la trace" }).click();
    const trace = page.getByRole("list", { name: /^Trace de la décision du/ });
    await trace.getByText("serial + uuid", { exact: false }).first().waitFor();
    await shot(page, "agents-log-decision-fr");
    await created.getByRole("button", { name: "Masquer la trace" }).click();
    await expect.poll(() => trace.count()).toBe(0);
    await asset.click();
    await page.waitForURL(/\/assets\/\d+$/);
  });

  it("lets an admin reorder the import rules with the keyboard, disable one and save them; a technician reads them only", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, ADMIN);
    await page.goto(`${server.url}/assets/agents`);
    await page.getByRole("tab", { name: "Règles d’import" }).click();
    await page.getByText("Règles par défaut", { exact: true }).waitFor();
    const criteria = (n: number) => page.getByRole("group", { name: `Critères de la règle ${n}` });
    expect(await criteria(1).getByRole("checkbox", { name: "UUID" }).isChecked()).toBe(true);

    // « numéro de série + UUID » goes below « numéro de série », from the keyboard.
    await page.getByRole("button", { name: "Descendre la règle 1" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => criteria(1).getByRole("checkbox", { name: "UUID" }).isChecked()).toBe(false);
    expect(await criteria(2).getByRole("checkbox", { name: "UUID" }).isChecked()).toBe(true);
    // The MAC address rule (4th) is switched off.
    await page.getByRole("switch", { name: "Règle 4 active" }).click({ force: true });
    // A new rule without criteria is refused until it has one.
    await page.getByRole("button", { name: "Ajouter une règle" }).click();
    await page.getByRole("button", { name: "Enregistrer les règles" }).click();
    await page.getByRole("alert").filter({ hasText: "Choisissez au moins un critère." }).waitFor();
    await page.getByRole("button", { name: "Supprimer la règle 6" }).click();
    await page.getByRole("button", { name: "Enregistrer les règles" }).click();
    await page.getByText("Règles d’import enregistrées").waitFor();
    await shot(page, "agents-rules-fr");

    await page.reload();
    await criteria(1).waitFor();
    expect(await criteria(1).getByRole("checkbox", { name: "numéro de série" }).isChecked()).toBe(true);
    expect(await criteria(1).getByRole("checkbox", { name: "UUID" }).isChecked()).toBe(false);
    expect(await criteria(2).getByRole("checkbox", { name: "UUID" }).isChecked()).toBe(true);
    expect(await page.getByRole("switch", { name: "Règle 4 active" }).isChecked()).toBe(false);
    expect(await page.getByRole("switch", { name: "Règle 5 active" }).isChecked()).toBe(true);
    expect(await page.getByText("Règles par défaut", { exact: true }).count()).toBe(0);

    await signInAs(desk, server.url, TECH);
    await page.goto(`${server.url}/assets/agents?tab=rules`);
    await page.getByText("Seul un administrateur de l’entité racine peut modifier ces règles.").waitFor();
    const rules = page.getByRole("list", { name: "Règles d’import" });
    expect(await rules.getByRole("listitem").allTextContents()).toEqual([
      "numéro de série", "numéro de série + UUID", "UUID", "adresse MAC (désactivée)", "nom",
    ]);
    expect(await page.getByRole("button", { name: "Enregistrer les règles" }).count()).toBe(0);
  });

  it("gives an entity its agents' tag from its page, and refuses the same tag for another entity", async () => {
    const { page } = desk;
    const login = await apiCall<Me>(server.url, "/api/auth/login", { method: "POST", body: ADMIN });
    const cookie = login.cookie ?? "";
    const [lyon, paris] = await Promise.all(["Agence Lyon", "Agence Paris"].map((name) =>
      ok(apiCall<{ id: number }>(server.url, "/api/entities", { method: "POST", cookie, body: { name, parentId: login.body.entityId } }))));
    await signInAs(desk, server.url, ADMIN);
    await page.goto(`${server.url}/admin/entities/${lyon?.id}`);
    const tag = page.getByRole("textbox", { name: "Tag des agents d’inventaire" });
    await tag.fill(" LYON-SIEGE ");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await page.getByText("Modifications enregistrées").waitFor();
    await page.reload();
    await expect.poll(() => tag.inputValue()).toBe("LYON-SIEGE");

    await page.goto(`${server.url}/admin/entities/${paris?.id}`);
    await tag.fill("LYON-SIEGE");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await page.getByText("Une autre entité utilise déjà ce tag d’agent.").waitFor();
    await tag.fill("Paris Siège");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect.poll(() => tag.getAttribute("aria-invalid")).toBe("true");
    await shot(page, "entity-agent-tag-fr");
  });

  it("creates an agent login whose password shows once, and an agent then authenticates with it", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, ADMIN);
    await page.goto(`${server.url}/assets/agents?tab=access`);
    await page.getByRole("switch", { name: "Exiger une authentification des agents" }).waitFor();
    const form = page.getByRole("form", { name: "Nouvel identifiant d’agent" });
    await pickOption(page, form, /^Entité/, "", /./);
    await form.getByRole("textbox", { name: /^Identifiant/ }).fill("postes-siege");
    await page.getByRole("button", { name: "Créer", exact: true }).click();
    const shown = page.getByRole("alert").filter({ hasText: "Mot de passe de postes-siege" });
    const secret = (await shown.locator("code").first().textContent()) ?? "";
    expect(secret).toMatch(/^[\w-]{43}$/);
    await page.getByRole("switch", { name: "Exiger une authentification des agents" }).click({ force: true });
    await expect.poll(() => page.getByRole("switch", { name: "Exiger une authentification des agents" }).isChecked()).toBe(true);
    await shot(page, "agents-access-fr");

    const prolog = fixture("fusioninventory-2.6/prolog.zlib");
    expect(await agentPost(`${server.url}/front/inventory.php`, prolog, "FusionInventory-Agent_v2.6-3")).toBe(401);
    const res = await fetch(`${server.url}/front/inventory.php`, { method: "POST", body: new Uint8Array(prolog), headers: {
      "content-type": "application/x-compress-zlib", authorization: `Basic ${Buffer.from(`postes-siege:${secret}`).toString("base64")}` } });
    expect(res.status).toBe(200);

    await page.reload();
    await page.getByRole("cell", { name: "postes-siege" }).waitFor();
    expect(await page.locator("code").filter({ hasText: secret }).count()).toBe(0);
    await page.getByRole("switch", { name: "Exiger une authentification des agents" }).click({ force: true });
    await expect.poll(() => page.getByRole("switch", { name: "Exiger une authentification des agents" }).isChecked()).toBe(false);
  });

  it("lets a technician attach an inventory two assets matched to the right one, and opens it", async () => {
    const login = await apiCall<Me>(server.url, "/api/auth/login", { method: "POST", body: ADMIN });
    const cookie = login.cookie ?? "";
    const kinds = await ok(apiCall<{ data: { id: number; code: string | null }[] }>(server.url, "/api/asset-kinds", { cookie }));
    const desktop = kinds.data.find((kind) => kind.code === "desktop")?.id;
    for (const tag of ["JUM-A", "JUM-B"]) {
      await ok(apiCall(server.url, "/api/assets", { method: "POST", cookie, body: { kindId: desktop, name: "PC-JUMEAU", assetTag: tag } }));
    }
    const xml = inventoryXml({ deviceId: "pc-jumeau", name: "PC-JUMEAU", macs: [], software: [{ name: "Mozilla Firefox", version: "128.0" }] });
    expect(await agentPost(`${server.url}/plugins/fusioninventory/`, zlib.deflateSync(xml), "FusionInventory-Agent_v2.6")).toBe(200);

    const { page } = desk;
    await signInAs(desk, server.url, TECH);
    await page.goto(`${server.url}/assets/agents?tab=log&refused=1`);
    const refused = page.getByRole("table", { name: "Journal" }).getByRole("row").filter({ hasText: "pc-jumeau" });
    await refused.getByRole("button", { name: "Rattacher…" }).click();
    const dialog = page.getByRole("dialog", { name: "Rattacher l’inventaire refusé de pc-jumeau" });
    await pickOption(page, dialog, /^Matériel/, "JUM-B", /^JUM-B · PC-JUMEAU/);
    await shot(page, "agents-attach-fr");
    await dialog.getByRole("button", { name: "Rattacher", exact: true }).click();
    await page.waitForURL(/\/assets\/\d+\?tab=inventory$/);
    await page.getByText("JUM-B", { exact: true }).first().waitFor();
    await page.getByText("Mozilla Firefox").first().waitFor();

    await page.goto(`${server.url}/assets/agents?tab=log`);
    const attached = page.getByRole("table", { name: "Journal" }).getByRole("row").filter({ hasText: "attached by" });
    await attached.getByRole("link", { name: "JUM-B" }).waitFor();
    expect(await page.getByRole("table", { name: "Journal" }).getByRole("button", { name: "Rattacher…" }).count()).toBe(0);
  });
});
