import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { Asset, AssetSummary } from "../../../shared/api/assets.js";
import { kindId, makeLocation, makeManufacturer } from "./asset-fixtures.js";

type Caller = { user: { id: number }; cookie: string };

describe.each(DIALECTS)("asset list and export on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let villeurbanne: number;
  let tech: Caller;
  let employee: Caller;
  let laptop: number;
  let printer: number;
  let building: number;
  const made: Asset[] = [];

  const call = (cookie: string, url: string) => t.app.inject({ method: "GET", url, headers: { cookie } });
  const ids = async (query: string, cookie = tech.cookie): Promise<number[]> => {
    const res = await call(cookie, `/api/assets?limit=100&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data.map((a: AssetSummary) => a.id);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    villeurbanne = (await makeEntity(t.db, lyon, "Villeurbanne")).id;
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    employee = await signedInUser(t, { entityId: villeurbanne, role: "requester" });
    laptop = await kindId(t.db, "laptop");
    printer = await kindId(t.db, "printer");
    const dell = await makeManufacturer(t.db, "Dell");
    const site = await makeLocation(t.db, lyon, "Lyon");
    const b = await makeLocation(t.db, lyon, "Bâtiment A", site, "building");
    building = b.id;
    const room = await makeLocation(t.db, lyon, "Salle 1", b, "room");
    const specs = [
      { kindId: laptop, name: "Portable compta", assetTag: "PC-0003", serial: "ABC123", manufacturerId: dell, purchaseDate: "2022-05-01", warrantyMonths: 36, locationId: room.id },
      { kindId: laptop, name: "Portable ressources humaines", assetTag: "PC-0001", serial: "XYZ999", purchaseDate: "2024-01-10", warrantyMonths: 24, userId: employee.user.id },
      { kindId: printer, name: "Imprimante accueil", assetTag: "IMP-0001", status: "in_repair", locationId: site.id, purchaseDate: "2023-03-03", warrantyMonths: 12 },
      { kindId: printer, name: "Imprimante étage", assetTag: "IMP-0002", entityId: villeurbanne },
      { kindId: laptop, name: "Portable direction", assetTag: "PC-0002", status: "ordered" },
    ];
    for (const spec of specs) {
      const res = await t.app.inject({ method: "POST", url: "/api/assets", headers: { cookie: tech.cookie }, payload: spec });
      expect(res.statusCode, res.body).toBe(201);
      made.push(res.json());
    }
  });
  afterAll(async () => { await t.close(); });

  const id = (tag: string) => (made.find((a) => a.assetTag === tag) as Asset).id;

  it("filters by kind, family, status, location subtree, user, manufacturer, entity and dates", async () => {
    expect((await ids(`kindId=${printer}`)).sort()).toEqual([id("IMP-0001"), id("IMP-0002")].sort());
    expect(await ids(`family=printer&status=in_repair`)).toEqual([id("IMP-0001")]);
    expect((await ids("status=ordered,in_use")).sort()).toEqual([id("PC-0001"), id("PC-0002")].sort());
    expect((await ids(`locationId=${building}`))).toEqual([id("PC-0003")]);
    expect(await ids(`userId=${employee.user.id}`)).toEqual([id("PC-0001")]);
    expect(await ids(`entityId=${villeurbanne}`)).toEqual([id("IMP-0002")]);
    expect((await ids("warrantyBefore=2026-02-01")).sort()).toEqual([id("PC-0001"), id("PC-0003"), id("IMP-0001")].sort());
    expect(await ids("purchasedBefore=2022-12-31")).toEqual([id("PC-0003")]);
    expect((await call(tech.cookie, "/api/assets?status=lost")).statusCode).toBe(400);
    expect((await call(tech.cookie, "/api/assets?warrantyBefore=demain")).statusCode).toBe(400);
  });

  it("searches tag, serial and name by their beginning, as typed or in capitals", async () => {
    expect((await ids("q=IMP-")).sort()).toEqual([id("IMP-0001"), id("IMP-0002")].sort());
    expect((await ids("q=imp-")).sort()).toEqual([id("IMP-0001"), id("IMP-0002")].sort());
    expect(await ids("q=XYZ")).toEqual([id("PC-0001")]);
    expect((await ids("q=portable")).length).toBe(3);
    expect(await ids("q=Portable d")).toEqual([id("PC-0002")]);
    expect(await ids("q=direction")).toEqual([]);
    expect(await ids("q=999")).toEqual([]);
    expect(await ids("q=%25")).toEqual([]);
  });

  it("sorts on each indexed column both ways and walks every page with the cursor", async () => {
    expect(await ids("sort=tag&order=asc")).toEqual(["IMP-0001", "IMP-0002", "PC-0001", "PC-0002", "PC-0003"].map(id));
    expect(await ids("sort=name&order=desc")).toEqual(["Portable ressources humaines", "Portable direction", "Portable compta", "Imprimante étage", "Imprimante accueil"]
      .map((n) => (made.find((a) => a.name === n) as Asset).id));
    // Sorted on warranty, the list holds the assets that have one.
    expect(await ids("sort=warranty&order=asc")).toEqual(["IMP-0001", "PC-0003", "PC-0001"].map(id));
    for (const sort of ["updated", "name", "tag", "purchase", "warranty"]) {
      for (const order of ["asc", "desc"]) {
        const all = await ids(`sort=${sort}&order=${order}`);
        const walked: number[] = [];
        let cursor: string | null = null;
        do {
          const res = await call(tech.cookie, `/api/assets?limit=2&sort=${sort}&order=${order}${cursor ? `&cursor=${cursor}` : ""}`);
          walked.push(...res.json().data.map((a: AssetSummary) => a.id));
          cursor = res.json().nextCursor;
        } while (cursor);
        expect(walked, `${sort} ${order}`).toEqual(all);
      }
    }
    expect((await call(tech.cookie, "/api/assets?cursor=abc")).statusCode).toBe(400);
  });

  it("exports the filtered list as CSV (BOM, semicolons, French or English headers) and XLSX", async () => {
    const csv = await call(tech.cookie, `/api/assets/export?kindId=${printer}&sort=tag&order=asc`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toContain("attachment");
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body.replace(/^\uFEFF/, "").trim().split("\n");
    expect(lines[0]).toMatch(/^Numéro d'inventaire;Nom;Type;Statut;/);
    expect(lines.slice(1).map((l) => l.split(";").slice(0, 4).join(";"))).toEqual(["IMP-0001;Imprimante accueil;Imprimante;En réparation", "IMP-0002;Imprimante étage;Imprimante;En stock"]);
    const english = await call(tech.cookie, "/api/assets/export?lang=en&q=PC-0001");
    expect(english.body.replace(/^\uFEFF/, "").split("\n")[0]).toMatch(/^Asset tag;Name;Kind;Status;/);
    expect(english.body).toContain("PC-0001;Portable ressources humaines;Ordinateur portable;in_use");
    const xlsx = await call(tech.cookie, "/api/assets/export?format=xlsx&sort=tag&order=asc");
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe("Numéro d'inventaire");
    expect(sheet?.getRow(2).getCell(1).value).toBe("IMP-0001");
    expect(sheet?.rowCount).toBe(6);
    expect((await call(employee.cookie, "/api/assets/export")).statusCode).toBe(403);
  });
});
