import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../src/shared/api/auth.js";
import type { User } from "../src/shared/api/users.js";
import { type Database, openSqlite } from "../src/server/db/database.js";
import { type Browser, openBrowser, screenshot } from "./browser.js";
import { apiCall, ok, signInAs } from "./helpers.js";
import { missingPrerequisite, startServer, type TestServer } from "./server.js";
import { addInstallation } from "../src/server/features/inventory/store/installations.js";

const missing = missingPrerequisite();
if (missing) console.warn(`e2e skipped: ${missing}`);

const ADMIN = { login: "admin", password: "admin-password-2026" };
const TECH_EN = { login: "sam.taylor", password: "fleet-technician-2026!", firstName: "Sam", lastName: "Taylor", language: "en" };

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync("/tmp/shots", { recursive: true });
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
}

/**
 * What an inventory leaves in the catalogue, written straight into the server's database: the
 * flow under test is reading it, whatever agent filled it.
 */
async function installSoftware(db: Database["db"], assets: Record<string, number>) {
  const at = new Date().toISOString();
  const rootId = (await db.selectFrom("entity").select("id").where("parent_id", "is", null).executeTakeFirstOrThrow()).id;
  const catalogue: [string, string | null, Record<string, string[]>][] = [
    ["Mozilla Firefox", "Mozilla", { "128.0": ["PC-0001"], "131.0": ["PC-0002", "PC-0003"] }],
    ["LibreOffice", "The Document Foundation", { "24.2.7": ["PC-0001", "PC-0002"] }],
    ["7-Zip", null, { "": ["PC-0003"] }],
  ];
  for (const [name, publisher, versions] of catalogue) {
    const software = await db.insertInto("software").values({ name, publisher, name_key: `${publisher ?? ""}|${name}`.toLowerCase(), created_at: at })
      .returning("id").executeTakeFirstOrThrow();
    for (const [version, tags] of Object.entries(versions)) {
      const row = await db.insertInto("software_version").values({ software_id: software.id, version, created_at: at }).returning("id").executeTakeFirstOrThrow();
      for (const tag of tags) {
        await addInstallation(db, { id: assets[tag] as number, entity_id: rootId }, { versionId: row.id, softwareId: software.id,
          installDate: "2026-10-05", arch: "x86_64" });
      }
    }
  }
}

describe.skipIf(missing !== undefined)("the software catalogue", () => {
  let server: TestServer;
  let desk: Browser;
  const assets: Record<string, number> = {};

  beforeAll(async () => {
    server = await startServer({ VIGIE_ADMIN_LOGIN: ADMIN.login, VIGIE_ADMIN_PASSWORD: ADMIN.password });
    const login = await apiCall<Me>(server.url, "/api/auth/login", { method: "POST", body: ADMIN });
    const cookie = login.cookie ?? "";
    const user = await ok(apiCall<User>(server.url, "/api/users", { method: "POST", cookie,
      body: { ...TECH_EN, email: `${TECH_EN.login}@durand.example`, entityId: login.body.entityId } }));
    await ok(apiCall(server.url, "/api/grants", { method: "POST", cookie, body: { userId: user.id, entityId: login.body.entityId, role: "technician", recursive: true } }));
    const database = openSqlite(path.join(server.dataDir, "vigie.sqlite"));
    try {
      const laptop = await database.db.selectFrom("asset_kind").select("id").where("code", "=", "laptop").executeTakeFirstOrThrow();
      for (const tag of ["PC-0001", "PC-0002", "PC-0003"]) {
        assets[tag] = (await ok(apiCall<{ id: number }>(server.url, "/api/assets", { method: "POST", cookie,
          body: { kindId: laptop.id, name: `Portable ${tag}`, assetTag: tag, entityId: login.body.entityId } }))).id;
      }
      await installSoftware(database.db, assets);
    } finally {
      await database.close();
    }
    desk = await openBrowser();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshot(desk.page, `software-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await desk?.close();
    await server?.stop();
  });

  it("finds a software by the start of its name and opens its machines, one version at a time", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, ADMIN);
    await page.goto(`${server.url}/assets/software`);
    await page.getByRole("heading", { name: "Logiciels" }).waitFor();
    const catalogue = page.getByRole("table", { name: "Logiciels" });
    const firefoxRow = catalogue.getByRole("row", { name: /Mozilla Firefox/ });
    await firefoxRow.waitFor();
    // Name, publisher, versions, installations.
    expect(await firefoxRow.getByRole("cell").allTextContents()).toEqual(["Mozilla Firefox", "Mozilla", "2", "3"]);
    await catalogue.getByRole("row", { name: /7-Zip/ }).getByText("Éditeur inconnu").waitFor();
    await shot(page, "software-list-fr");

    await page.getByLabel("Rechercher un logiciel").fill("libre");
    await expect.poll(() => catalogue.getByRole("row").count()).toBe(2);
    await catalogue.getByRole("link", { name: "LibreOffice" }).waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe("libre");
    await page.getByLabel("Rechercher un logiciel").fill("MOZ");
    await catalogue.getByRole("link", { name: "Mozilla Firefox" }).click();

    await page.getByRole("heading", { name: "Mozilla Firefox" }).waitFor();
    const machines = page.getByRole("table", { name: "Postes" });
    await machines.getByRole("link", { name: "PC-0003" }).waitFor();
    expect(await machines.getByRole("link").allTextContents()).toEqual(["PC-0001", "PC-0002", "PC-0003"]);
    const versions = page.getByRole("group", { name: "Versions" });
    await versions.getByRole("button", { name: /^131\.0/ }).click();
    await page.getByRole("heading", { name: "Postes en version 131.0" }).waitFor();
    await expect.poll(() => machines.getByRole("link").allTextContents()).toEqual(["PC-0002", "PC-0003"]);
    expect(await versions.getByRole("button", { name: /^131\.0/ }).getAttribute("aria-pressed")).toBe("true");
    await shot(page, "software-detail-fr");

    await machines.getByRole("link", { name: "PC-0003" }).click();
    await page.waitForURL(`${server.url}/assets/${assets["PC-0003"]}`);
  });

  it("adds a rule, tries it before saving, saves it, and finds it again", async () => {
    const { page } = desk;
    await page.goto(`${server.url}/assets/software`);
    await page.getByRole("link", { name: "Règles de normalisation" }).click();
    await page.getByRole("heading", { name: "Règles de normalisation des logiciels" }).waitFor();
    await page.getByText("Aucune règle").waitFor();
    await page.getByText(/s’appliquent aux inventaires reçus après l’enregistrement/).waitFor();

    await page.getByRole("button", { name: "Ajouter une règle" }).click();
    await page.getByRole("button", { name: "Ajouter une règle" }).click();
    const first = page.getByRole("group", { name: "Règle 1" });
    await first.getByLabel("Si le nom").selectOption("regex");
    await first.getByLabel("Nom à reconnaître").fill("^Mozilla Firefox");
    await first.getByLabel("Nom dans le catalogue").fill("Firefox");
    const second = page.getByRole("group", { name: "Règle 2" });
    await second.getByLabel("Si le nom").selectOption("any");
    await second.getByLabel("Si l’éditeur").selectOption("exact");
    await second.getByLabel("Éditeur à reconnaître").fill("Mozilla Corporation");
    await second.getByLabel("Éditeur dans le catalogue").fill("Mozilla");
    // The second rule goes first: the order is the priority.
    await page.getByRole("button", { name: "Monter la règle 2" }).click();
    await expect.poll(() => page.getByRole("group", { name: "Règle 1" }).getByLabel("Éditeur à reconnaître").inputValue()).toBe("Mozilla Corporation");

    await page.getByLabel("Nom envoyé par l’agent").fill("Mozilla Firefox 131.0 (x64 fr)");
    await page.getByLabel("Éditeur envoyé").fill("Mozilla Corporation");
    await page.getByLabel("Version envoyée").fill("131.0");
    await page.getByRole("button", { name: "Essayer", exact: true }).click();
    const result = page.getByTestId("software-rule-result");
    await result.getByText("Mozilla Firefox · Mozilla · 131.0", { exact: true }).waitFor();
    await result.getByText("décidé par la règle 1").waitFor();

    // A broken expression is shown under its field and nothing is saved.
    const regexRule = page.getByRole("group", { name: "Règle 2" });
    await regexRule.getByLabel("Nom à reconnaître").fill("^Mozilla (Firefox");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await regexRule.getByText("Expression régulière invalide").waitFor();
    await regexRule.getByLabel("Nom à reconnaître").fill("^Mozilla Firefox");
    await page.getByRole("button", { name: "Essayer", exact: true }).click();
    await result.getByText("décidé par la règle 1").waitFor();
    await page.getByLabel("Éditeur envoyé").fill("Mozilla");
    await page.getByRole("button", { name: "Essayer", exact: true }).click();
    await result.getByText("Firefox · Mozilla · 131.0", { exact: true }).waitFor();
    await result.getByText("décidé par la règle 2").waitFor();
    await shot(page, "software-rules-fr");

    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Règles enregistrées").waitFor();
    await page.reload();
    await page.getByRole("group", { name: "Règle 2" }).getByLabel("Nom à reconnaître").waitFor();
    expect(await page.getByRole("group", { name: "Règle 2" }).getByLabel("Nom dans le catalogue").inputValue()).toBe("Firefox");
    expect(await page.getByRole("group", { name: "Règle 1" }).getByLabel("Si l’éditeur").inputValue()).toBe("exact");
  });

  it("reads in English, where a technician sees the rules without changing them, and fits a phone", async () => {
    const { page } = desk;
    await signInAs(desk, server.url, TECH_EN);
    await page.goto(`${server.url}/assets/software`);
    await page.getByRole("heading", { name: "Software", exact: true }).waitFor();
    await page.getByRole("columnheader", { name: "Publisher" }).waitFor();
    await page.getByRole("link", { name: "Normalisation rules" }).click();
    await page.getByText("Only an administrator of the root entity can change these rules.").waitFor();
    expect(await page.getByRole("button", { name: "Add a rule" }).count()).toBe(0);
    expect(await page.getByRole("group", { name: "Rule 2" }).getByLabel("Name in the catalogue").isDisabled()).toBe(true);
    await shot(page, "software-rules-en");

    const phone = await openBrowser({ viewport: { width: 375, height: 812 } });
    try {
      await signInAs(phone, server.url, ADMIN);
      for (const url of ["/assets/software", "/assets/software/rules"]) {
        await phone.page.goto(`${server.url}${url}`);
        await phone.page.getByRole("heading", { level: 1 }).waitFor();
        await phone.page.getByText(/Mozilla/).first().waitFor();
        // Tables scroll inside their box, the rules' fields wrap: the page stays as wide as the phone.
        expect(await phone.page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(375);
      }
      await shot(phone.page, "software-rules-phone");
    } finally {
      await phone.close();
    }
  });
});
