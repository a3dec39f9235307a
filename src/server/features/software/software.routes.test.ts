import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { Software, SoftwareInstallation, SoftwareSummary } from "../../../shared/api/software.js";
import { addInstallation } from "../inventory/store/installations.js";

type Page<T> = { data: T[]; nextCursor: string | null };

describe.each(DIALECTS)("the software catalogue on %s", (dialect) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let lyonTech: string;
  let nantesTech: string;

  async function makeAsset(entityId: number, tag: string): Promise<number> {
    const kind = await t.db.selectFrom("asset_kind").select("id").where("code", "=", "laptop").executeTakeFirstOrThrow();
    const res = await t.app.inject({ method: "POST", url: "/api/assets", headers: { cookie: t.adminCookie },
      payload: { kindId: kind.id, name: `Poste ${tag}`, assetTag: tag, entityId } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  async function makeSoftware(name: string, publisher: string | null, versions: string[]): Promise<number> {
    const at = new Date().toISOString();
    const { id } = await t.db.insertInto("software").values({ name, publisher, name_key: `${publisher ?? ""}|${name}`.toLowerCase(), created_at: at })
      .returning("id").executeTakeFirstOrThrow();
    for (const version of versions) {
      const row = await t.db.insertInto("software_version").values({ software_id: id, version, created_at: at }).returning("id").executeTakeFirstOrThrow();
      ids[`${name}@${version}`] = row.id;
    }
    return id;
  }

  /** What an inventory writes: the machine has this version, counted in the machine's entity. */
  async function install(assetKey: string, softwareKey: string, version: string, installDate: string | null = null) {
    const asset = await t.db.selectFrom("asset").select(["id", "entity_id"]).where("id", "=", ids[assetKey] as number).executeTakeFirstOrThrow();
    await addInstallation(t.db, asset, { softwareId: ids[softwareKey] as number, versionId: ids[`${softwareKey}@${version}`] as number,
      installDate, arch: "x86_64" });
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ids.lyon = (await makeEntity(t.db, t.rootId, "Agence Lyon")).id;
    ids.nantes = (await makeEntity(t.db, t.rootId, "Agence Nantes")).id;
    for (const [key, entity] of [["lyon1", "lyon"], ["lyon2", "lyon"], ["lyon3", "lyon"], ["nantes1", "nantes"]] as const) {
      ids[key] = await makeAsset(ids[entity] as number, key.toUpperCase());
    }
    ids["Mozilla Firefox"] = await makeSoftware("Mozilla Firefox", "Mozilla", ["128.0", "131.0"]);
    ids.LibreOffice = await makeSoftware("LibreOffice", "The Document Foundation", ["24.2.7"]);
    ids["7-Zip"] = await makeSoftware("7-Zip", null, [""]);
    ids["Outil secret"] = await makeSoftware("Outil secret", "Nantes SA", ["1.0"]);
    ids["Jamais installé"] = await makeSoftware("Jamais installé", null, ["1"]);
    ids["Éditeur de texte"] = await makeSoftware("Éditeur de texte", null, ["2.0"]);
    await install("lyon1", "Mozilla Firefox", "128.0", "2026-03-02");
    await install("lyon1", "Mozilla Firefox", "131.0");
    await install("lyon2", "Mozilla Firefox", "128.0");
    await install("lyon3", "Mozilla Firefox", "131.0");
    await install("nantes1", "Mozilla Firefox", "128.0");
    await install("lyon1", "LibreOffice", "24.2.7");
    await install("lyon2", "7-Zip", "");
    await install("nantes1", "Outil secret", "1.0");
    await install("lyon3", "Éditeur de texte", "2.0");
    lyonTech = (await signedInUser(t, { entityId: ids.lyon as number, role: "technician" })).cookie;
    nantesTech = (await signedInUser(t, { entityId: ids.nantes as number, role: "technician" })).cookie;
  });
  afterAll(async () => { await t.close(); });

  const call = (url: string, cookie = t.adminCookie, method: "GET" | "PUT" | "POST" = "GET", payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const get = async <T>(url: string, cookie = t.adminCookie): Promise<T> => {
    const res = await call(url, cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const names = (page: Page<SoftwareSummary>) => page.data.map((s) => s.name);

  describe("GET /api/software", () => {
    it("lists the installed software by name, with installations and versions counted, and never a software no machine has", async () => {
      const page = await get<Page<SoftwareSummary>>("/api/software");
      // Byte order, as both databases compare names: "É" after every ASCII letter.
      expect(names(page)).toEqual(["7-Zip", "LibreOffice", "Mozilla Firefox", "Outil secret", "Éditeur de texte"]);
      expect(page.data[2]).toEqual({ id: ids["Mozilla Firefox"], name: "Mozilla Firefox", publisher: "Mozilla", installations: 5, versions: 2 });
      expect(page.data[0]).toMatchObject({ publisher: null, installations: 1, versions: 1 });
      expect(page.nextCursor).toBeNull();
    });

    it("shows a technician only what the machines of their entity have, counted there", async () => {
      const lyon = await get<Page<SoftwareSummary>>("/api/software", lyonTech);
      expect(names(lyon)).toEqual(["7-Zip", "LibreOffice", "Mozilla Firefox", "Éditeur de texte"]);
      expect(lyon.data[2]).toMatchObject({ installations: 4, versions: 2 });
      const nantes = await get<Page<SoftwareSummary>>("/api/software", nantesTech);
      expect(names(nantes)).toEqual(["Mozilla Firefox", "Outil secret"]);
      expect(nantes.data[0]).toMatchObject({ installations: 1, versions: 1 });
    });

    it("keeps to one entity's subtree with entityId, and refuses an entity the caller may not read", async () => {
      const lyon = await get<Page<SoftwareSummary>>(`/api/software?entityId=${ids.lyon}`);
      expect(names(lyon)).toEqual(["7-Zip", "LibreOffice", "Mozilla Firefox", "Éditeur de texte"]);
      expect(lyon.data[2]).toMatchObject({ installations: 4, versions: 2 });
      expect(names(await get(`/api/software?entityId=${t.rootId}`))).toHaveLength(5);
      const firefox = await get<Software>(`/api/software/${ids["Mozilla Firefox"]}?entityId=${ids.nantes}`);
      expect(firefox.versions.map((v) => [v.version, v.installations])).toEqual([["128.0", 1]]);
      const machines = await get<Page<SoftwareInstallation>>(`/api/software/${ids["Mozilla Firefox"]}/installations?entityId=${ids.nantes}`);
      expect(machines.data.map((i) => i.assetTag)).toEqual(["NANTES1"]);
      expect((await call(`/api/software/${ids.LibreOffice}?entityId=${ids.nantes}`)).statusCode).toBe(404);
      for (const url of ["/api/software", `/api/software/${ids["Mozilla Firefox"]}`, `/api/software/${ids["Mozilla Firefox"]}/installations`]) {
        expect((await call(`${url}?entityId=${ids.nantes}`, lyonTech)).statusCode).toBe(403);
      }
    });

    it("finds a software by the start of its name, whatever the case", async () => {
      for (const [q, expected] of [["libre", ["LibreOffice"]], ["LIBREoff", ["LibreOffice"]], ["mozilla f", ["Mozilla Firefox"]], ["m", ["Mozilla Firefox"]],
        ["7-", ["7-Zip"]], ["ÉDIT", ["Éditeur de texte"]], ["Éditeur D", ["Éditeur de texte"]], ["firefox", []], ["%", []], ["outil", []]] as const) {
        const cookie = q === "outil" ? lyonTech : t.adminCookie;
        expect(names(await get(`/api/software?q=${encodeURIComponent(q)}`, cookie)), q).toEqual(expected);
      }
    });

    it("walks the whole catalogue one software a page", async () => {
      const seen: string[] = [];
      let cursor: string | null = "";
      while (cursor !== null) {
        const page: Page<SoftwareSummary> = await get(`/api/software?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.data).toHaveLength(1);
        seen.push(...names(page));
        cursor = page.nextCursor;
      }
      expect(seen).toEqual(["7-Zip", "LibreOffice", "Mozilla Firefox", "Outil secret", "Éditeur de texte"]);
    });

    it("refuses a requester, a bad cursor and a bad limit", async () => {
      const requester = await signedInUser(t, { entityId: t.rootId, role: "requester" });
      expect((await call("/api/software", requester.cookie)).statusCode).toBe(403);
      const bad = await call("/api/software?cursor=nope&limit=0");
      expect(bad.statusCode).toBe(400);
      expect((await call("/api/software?cursor=nope")).json().error.issues[0].path).toBe("cursor");
    });
  });

  describe("GET /api/software/:softwareId", () => {
    it("gives the versions, most installed first, counted in the caller's entities", async () => {
      const firefox = await get<Software>(`/api/software/${ids["Mozilla Firefox"]}`);
      expect(firefox).toEqual({ id: ids["Mozilla Firefox"], name: "Mozilla Firefox", publisher: "Mozilla", versions: [
        { id: ids["Mozilla Firefox@128.0"], version: "128.0", installations: 3 },
        { id: ids["Mozilla Firefox@131.0"], version: "131.0", installations: 2 },
      ] });
      const forNantes = await get<Software>(`/api/software/${ids["Mozilla Firefox"]}`, nantesTech);
      expect(forNantes.versions).toEqual([{ id: ids["Mozilla Firefox@128.0"], version: "128.0", installations: 1 }]);
    });

    it("answers 404 for a software only another entity has, one no machine has, or none at all; 400 for a bad id", async () => {
      for (const [id, cookie] of [[ids["Outil secret"], lyonTech], [ids.LibreOffice, nantesTech], [ids["Jamais installé"], t.adminCookie], [999999, t.adminCookie]] as const) {
        const res = await call(`/api/software/${id}`, cookie);
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe("SOFTWARE_NOT_FOUND");
        expect(res.body).not.toContain("secret");
      }
      expect((await call("/api/software/abc")).statusCode).toBe(400);
    });
  });

  describe("GET /api/software/:softwareId/installations", () => {
    const url = () => `/api/software/${ids["Mozilla Firefox"]}/installations`;

    it("lists the machines by asset id, once per version they have, with tag, entity and install date", async () => {
      const page = await get<Page<SoftwareInstallation>>(url());
      expect(page.data.map((i) => [i.assetTag, i.version])).toEqual([
        ["LYON1", "128.0"], ["LYON1", "131.0"], ["LYON2", "128.0"], ["LYON3", "131.0"], ["NANTES1", "128.0"]]);
      expect(page.data[0]).toEqual({ assetId: ids.lyon1, assetTag: "LYON1", assetName: "Poste LYON1", entityName: "Groupe Durand > Agence Lyon",
        versionId: ids["Mozilla Firefox@128.0"], version: "128.0", installDate: "2026-03-02" });
    });

    it("keeps one version's machines with versionId", async () => {
      const page = await get<Page<SoftwareInstallation>>(`${url()}?versionId=${ids["Mozilla Firefox@131.0"]}`);
      expect(page.data.map((i) => i.assetTag)).toEqual(["LYON1", "LYON3"]);
    });

    it("walks every installation two by two, the machine with two versions included", async () => {
      const seen: string[] = [];
      let cursor: string | null = "";
      while (cursor !== null) {
        const page: Page<SoftwareInstallation> = await get(`${url()}?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
        seen.push(...page.data.map((i) => `${i.assetTag} ${i.version}`));
        cursor = page.nextCursor;
      }
      expect(seen).toEqual(["LYON1 128.0", "LYON1 131.0", "LYON2 128.0", "LYON3 131.0", "NANTES1 128.0"]);
    });

    it("shows a technician of Nantes neither Lyon's machines nor Lyon's software", async () => {
      const page = await get<Page<SoftwareInstallation>>(url(), nantesTech);
      expect(page.data.map((i) => i.assetTag)).toEqual(["NANTES1"]);
      const lyon = await call(`/api/software/${ids.LibreOffice}/installations`, nantesTech);
      expect(lyon.statusCode).toBe(404);
      expect(lyon.body).not.toContain("LYON");
      const secret = await call(`/api/software/${ids["Outil secret"]}/installations`, lyonTech);
      expect(secret.statusCode).toBe(404);
      expect(secret.body).not.toContain("NANTES");
    });

    it("answers an empty page for a version no machine in scope has, and 400 for a bad versionId or cursor", async () => {
      expect((await get<Page<SoftwareInstallation>>(`${url()}?versionId=${ids["Mozilla Firefox@131.0"]}`, nantesTech)).data).toEqual([]);
      expect((await call(`${url()}?versionId=x`)).statusCode).toBe(400);
      expect((await call(`${url()}?cursor=WyJhIl0`)).statusCode).toBe(400);
    });
  });
});
