import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, makeUser, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import { VIGIE_VERSION } from "../../../shared/domain/version.js";
import { buildApp } from "../../app.js";
import { makeLocation, makeManufacturer, makeSupplier } from "./asset-fixtures.js";

/** A real multipart/form-data body, encoded by the platform's own FormData. */
async function multipart(name: string, content: Buffer | string) {
  const form = new FormData();
  form.append("file", new Blob([content]), name);
  const encoded = new Response(form);
  return { payload: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get("content-type") as string };
}

const HEADER = "Numéro d'inventaire,Nom,Numéro de série,Type,Fabricant,Statut,Lieu,Utilisateur,Date d'achat,Prix,Garantie (mois),Fournisseur,Résolution";
const GOOD = [
  `PC-LY-001,Portable compta,SN-001,laptop,Dell,En stock,Lyon > Bâtiment A > Salle 204,marie.dupont,15/03/2025,"1 299,90",36,Bureau Vallée,`,
  `ECR-LY-001,Écran accueil,SN-002,Écran,Dell,in_stock,Lyon > Bâtiment A,,2025-01-10,189.5,24,,1920x1080`,
];

describe.each(DIALECTS)("asset CSV import on %s", (dialect) => {
  let t: TestApp;
  let app: FastifyInstance;
  let filesDir: string;
  let lyon: number;
  let nantes: number;
  let tech: { cookie: string };
  let otherTech: { cookie: string };
  let requester: { cookie: string };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    filesDir = await fs.mkdtemp(path.join(os.tmpdir(), "vigie-import-"));
    app = await buildApp({ db: t.db, config: { sessionHours: 12, secureCookies: false, timeZone: "Europe/Paris", version: VIGIE_VERSION, filesDir } });
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    nantes = (await makeEntity(t.db, t.rootId, "Nantes")).id;
    const site = await makeLocation(t.db, lyon, "Lyon");
    await makeLocation(t.db, lyon, "Salle 204", await makeLocation(t.db, lyon, "Bâtiment A", site, "building"), "room");
    await makeUser(t.db, { entityId: lyon, login: "marie.dupont" });
    await makeSupplier(t.db, lyon, "Bureau Vallée");
    await makeManufacturer(t.db, "Dell");
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    otherTech = await signedInUser(t, { entityId: nantes, role: "technician" });
    requester = await signedInUser(t, { entityId: lyon, role: "requester" });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    await fs.rm(filesDir, { recursive: true, force: true });
  });

  async function upload(cookie: string, name: string, content: Buffer | string, headers: Record<string, string> = { "x-vigie-upload": "1" }) {
    const { payload, contentType } = await multipart(name, content);
    return app.inject({ method: "POST", url: "/api/asset-imports", payload, headers: { cookie, "content-type": contentType, ...headers } });
  }
  const run = (cookie: string, importId: string, mapping: unknown, entityId = lyon) =>
    app.inject({ method: "POST", url: `/api/asset-imports/${importId}/run`, headers: { cookie }, payload: { entityId, mapping } });
  const assetCount = async () => (await t.db.selectFrom("asset").select("id").execute()).length;
  const byTag = (tag: string) => t.db.selectFrom("asset").selectAll().where("asset_tag", "=", tag).executeTakeFirstOrThrow();

  it("previews a UTF-8 file with BOM and commas, then imports it with the suggested mapping", async () => {
    const res = await upload(tech.cookie, "parc.csv", `\uFEFF${HEADER}\r\n${GOOD.join("\r\n")}\r\n`);
    expect(res.statusCode, res.body).toBe(201);
    const preview = res.json();
    expect(preview).toMatchObject({ encoding: "utf-8", delimiter: ",", totalRows: 2, fileName: "parc.csv" });
    expect(preview.columns[0]).toBe("Numéro d'inventaire");
    expect(preview.suggested).toEqual(["assetTag", "name", "serial", "kind", "manufacturer", "status", "location", "user",
      "purchaseDate", "price", "warrantyMonths", "supplier", "field:resolution"]);
    expect(preview.rows[0][9]).toBe("1 299,90");

    const done = await run(tech.cookie, preview.importId, preview.suggested);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ total: 2, created: 2, updated: 0, skipped: 0, rejects: [] });
    const laptop = await byTag("PC-LY-001");
    expect(laptop).toMatchObject({ entity_id: lyon, name: "Portable compta", serial: "SN-001", status: "in_use", price_cents: 129990,
      purchase_date: "2025-03-15", warranty_months: 36, warranty_end: "2028-03-15" });
    const screen = await app.inject({ url: `/api/assets/${(await byTag("ECR-LY-001")).id}`, headers: { cookie: tech.cookie } });
    expect(screen.json()).toMatchObject({ kindCode: "monitor", locationName: "Lyon > Bâtiment A", priceCents: 18950, fields: { resolution: "1920x1080" } });
    const events = await t.db.selectFrom("asset_event").select("event_type").where("asset_id", "=", laptop.id).execute();
    expect(events.map((e) => e.event_type)).toEqual(["create"]);
    const history = await t.db.selectFrom("history").select("action").where("record_type", "=", "asset").where("record_id", "=", laptop.id).execute();
    expect(history.map((h) => h.action)).toEqual(["create"]);
  });

  it("reads a Windows-1252 file with semicolons and keeps the accents", async () => {
    const text = "Nom;Type;Numéro d'inventaire;Lieu\r\nÉcran Réunion;monitor;ECR-LY-050;Lyon > Bâtiment A > Salle 204\r\n";
    const res = await upload(tech.cookie, "écrans.csv", Buffer.from(text, "latin1"));
    expect(res.statusCode, res.body).toBe(201);
    const preview = res.json();
    expect(preview).toMatchObject({ encoding: "windows-1252", delimiter: ";", columns: ["Nom", "Type", "Numéro d'inventaire", "Lieu"] });
    const done = await run(tech.cookie, preview.importId, preview.suggested);
    expect(done.json()).toMatchObject({ created: 1, skipped: 0 });
    expect((await byTag("ECR-LY-050")).name).toBe("Écran Réunion");
  });

  it("skips a bad row with its line and reasons, imports the others, and reports it as CSV", async () => {
    const text = [HEADER, GOOD[0]?.replace("PC-LY-001", "PC-LY-101").replace("SN-001", "SN-101"),
      "PC-LY-102,Portable RH,SN-102,laptop,Dell,Perdu,Lyon > Nulle part,,31/02/2025,beaucoup,,,",
      "PC-LY-103,Portable DG,SN-103,laptop,,,,,,,,,"].join("\n");
    const preview = (await upload(tech.cookie, "lot.csv", text)).json();
    const done = (await run(tech.cookie, preview.importId, preview.suggested)).json();
    expect(done).toMatchObject({ total: 3, created: 2, updated: 0, skipped: 1 });
    expect(done.rejects).toHaveLength(1);
    expect(done.rejects[0].line).toBe(3);
    expect(done.rejects[0].reasons).toEqual([
      { code: "unknown", column: "status", value: "Perdu" },
      { code: "unknown", column: "location", value: "Lyon > Nulle part" },
      { code: "not_a_date", column: "purchaseDate", value: "31/02/2025" },
      { code: "not_an_amount", column: "price", value: "beaucoup" },
    ]);
    expect(await t.db.selectFrom("asset").select("id").where("asset_tag", "=", "PC-LY-102").executeTakeFirst()).toBeUndefined();

    // French unless asked otherwise, as the asset export.
    const report = await app.inject({ url: `/api/asset-imports/${preview.importId}/report`, headers: { cookie: tech.cookie } });
    expect(report.statusCode).toBe(200);
    expect(report.headers["content-type"]).toContain("text/csv");
    expect(report.headers["content-disposition"]).toContain("lot-rejets.csv");
    const lines = report.body.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe(`Ligne;${HEADER.replaceAll(",", ";")};Raison`);
    expect(lines[1]).toBe("3;PC-LY-102;Portable RH;SN-102;laptop;Dell;Perdu;Lyon > Nulle part;;31/02/2025;beaucoup;;;;"
      + "\"Statut : « Perdu » introuvable ; Lieu : « Lyon > Nulle part » introuvable ; "
      + "Date d'achat : « 31/02/2025 » n'est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA) ; Prix : « beaucoup » n'est pas un montant\"");
    expect(lines).toHaveLength(2);

    const english = await app.inject({ url: `/api/asset-imports/${preview.importId}/report?lang=en`, headers: { cookie: tech.cookie } });
    expect(english.headers["content-disposition"]).toContain("lot-rejects.csv");
    const enLines = english.body.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(enLines[0]).toBe(`Line;${HEADER.replaceAll(",", ";")};Reason`);
    expect(enLines[1]).toMatch(/;"Status: ""Perdu"" not found ; Location: ""Lyon > Nulle part"" not found ; Purchase date: ""31\/02\/2025"" is not a date \(YYYY-MM-DD or DD\/MM\/YYYY\) ; Price: ""beaucoup"" is not an amount"$/);
    expect((await app.inject({ url: `/api/asset-imports/${preview.importId}/report?lang=de`, headers: { cookie: tech.cookie } })).statusCode).toBe(400);
  });

  it("names each reason by a code: missing values, a kind's fields, limits, and tags or serials taken", async () => {
    const header = "Nom,Type,Numéro d'inventaire,Numéro de série,Fabricant,Couleur,Compteur de pages,Garantie (mois),Statut";
    const text = [header,
      "Imprimante A,printer,IMP-LY-001,SN-I-001,Dell,Peut-être,beaucoup,300,Prêté",
      ",printer,IMP-LY-002,SN-I-002,Dell,Oui,12000,,",
      "Imprimante C,printer,IMP-LY-003,SN-I-003,Dell,Non,,,",
      "Imprimante D,printer,IMP-LY-003,SN-I-004,Dell,,,,",
      "Imprimante E,,IMP-LY-005,,,,,,",
      `${"x".repeat(201)},printer,IMP-LY-006,SN-I-006,Dell,,,,`,
      "Imprimante G,printer,IMP-LY-007,SN-I-007,Dell,,,,",
    ].join("\n");
    const preview = (await upload(tech.cookie, "imprimantes.csv", text)).json();
    const done = (await run(tech.cookie, preview.importId, preview.suggested)).json();
    expect(done).toMatchObject({ total: 7, created: 2, skipped: 5 });
    const byLine = Object.fromEntries(done.rejects.map((r: { line: number; reasons: unknown[] }) => [r.line, r.reasons]));
    expect(byLine[2]).toEqual([
      { code: "out_of_range", column: "warrantyMonths", value: "300", max: 240 },
      { code: "invalid", column: "status", value: "Prêté" },
      { code: "invalid_field", column: "field:color", label: "Couleur", value: "Peut-être", expected: "choice", choices: ["Oui", "Non"] },
      { code: "invalid_field", column: "field:page_counter", label: "Compteur de pages", value: "beaucoup", expected: "number" },
    ]);
    expect(byLine[3]).toEqual([{ code: "required", column: "name" }]);
    expect(byLine[5]).toEqual([{ code: "duplicate_in_file", line: 4 }]);
    expect(byLine[6]).toEqual([{ code: "required", column: "kind" }]);
    expect(byLine[7]).toEqual([{ code: "too_long", column: "name", max: 200 }]);

    // The tag matches IMP-LY-003, whose serial would become IMP-LY-007's: the unique index refuses it.
    const clash = (await upload(tech.cookie, "imprimantes.csv", `${header}\nImprimante C,printer,IMP-LY-003,SN-I-007,Dell,,,,\n`)).json();
    const refused = (await run(tech.cookie, clash.importId, clash.suggested)).json();
    expect(refused).toMatchObject({ updated: 0, skipped: 1, rejects: [{ line: 2, reasons: [{ code: "duplicate_serial" }] }] });

    const report = await app.inject({ url: `/api/asset-imports/${preview.importId}/report`, headers: { cookie: tech.cookie } });
    expect(report.body).toContain("Garantie (mois) : « 300 » dépasse le maximum (240) ; Statut : valeur « Prêté » refusée ; "
      + "Couleur : « Peut-être » n'est pas un choix possible (Oui, Non) ; Compteur de pages : « beaucoup » n'est pas un nombre");
    expect(report.body).toContain(";Nom : obligatoire\r\n");
    expect(report.body).toContain(";Même matériel que la ligne 4\r\n");
    expect(report.body).toContain(";Type : obligatoire\r\n");
    expect(report.body).toContain(";Nom : 200 caractères au plus\r\n");
    expect(report.body.trim().split("\r\n")).toHaveLength(6);
    const english = (await app.inject({ url: `/api/asset-imports/${clash.importId}/report?lang=en`, headers: { cookie: tech.cookie } })).body;
    expect(english).toContain(";Serial number already taken by another asset of the entity\r\n");
  });

  it("updates instead of duplicating when the same file is run again", async () => {
    const text = `${HEADER}\n${GOOD.map((l) => l.replaceAll("-LY-", "-RE-").replace("SN-00", "SN-R0")).join("\n")}\n`;
    const first = (await upload(tech.cookie, "parc.csv", text)).json();
    expect((await run(tech.cookie, first.importId, first.suggested)).json()).toMatchObject({ created: 2, updated: 0 });
    const before = await assetCount();
    expect((await run(tech.cookie, first.importId, first.suggested)).json()).toMatchObject({ created: 0, updated: 0, unchanged: 2, skipped: 0 });
    // The file corrected: a new price, and a row without tag found again by its serial number and manufacturer.
    const changed = text.replace("189.5", "175").replace("PC-RE-001,", ",");
    const second = (await upload(tech.cookie, "parc.csv", changed)).json();
    expect((await run(tech.cookie, second.importId, second.suggested)).json()).toMatchObject({ created: 0, updated: 1, unchanged: 1, skipped: 0 });
    expect(await assetCount()).toBe(before);
    const screen = await byTag("ECR-RE-001");
    expect(screen).toMatchObject({ price_cents: 17500, version: 2 });
    const history = await t.db.selectFrom("history").select(["field", "old_value", "new_value"])
      .where("record_type", "=", "asset").where("record_id", "=", screen.id).where("action", "=", "update").execute();
    expect(history).toEqual([{ field: "priceCents", old_value: "18950", new_value: "17500" }]);
  });

  it("creates missing manufacturers and models for a fleet manager only, and reads tab-separated files", async () => {
    const text = "Nom\tType\tFabricant\tModèle\tNuméro d'inventaire\tTaille (pouces)\nÉcran salle\tmonitor\tIiyama\tProLite XUB2493\tECR-LY-300\t24\n";
    const asTech = (await upload(tech.cookie, "iiyama.tsv", text)).json();
    expect(asTech.delimiter).toBe("\t");
    expect(asTech.suggested).toEqual(["name", "kind", "manufacturer", "model", "assetTag", "field:size_inches"]);
    const refused = (await run(tech.cookie, asTech.importId, asTech.suggested)).json();
    expect(refused).toMatchObject({ created: 0, skipped: 1 });
    expect(refused.rejects[0].reasons[0]).toEqual({ code: "not_in_catalog", column: "manufacturer", value: "Iiyama" });
    const asAdmin = (await upload(t.adminCookie, "iiyama.tsv", text)).json();
    expect((await run(t.adminCookie, asAdmin.importId, asAdmin.suggested)).json()).toMatchObject({ created: 1, skipped: 0 });
    const screen = await app.inject({ url: `/api/assets/${(await byTag("ECR-LY-300")).id}`, headers: { cookie: tech.cookie } });
    expect(screen.json()).toMatchObject({ manufacturerName: "Iiyama", modelName: "ProLite XUB2493", fields: { size_inches: 24 } });
  });

  it("refuses a malformed file before anything is written", async () => {
    const before = await assetCount();
    const unclosed = await upload(tech.cookie, "cassé.csv", `${HEADER}\n${GOOD[0]}\n"PC-LY-900,Portable,SN-900,laptop\n`);
    expect(unclosed.statusCode).toBe(400);
    expect(unclosed.json().error.code).toBe("VALIDATION_FAILED");
    const ragged = await upload(tech.cookie, "cassé.csv", `Nom,Type\nUn,laptop\nDeux,laptop,en trop\n`);
    expect(ragged.statusCode).toBe(400);
    const binary = await upload(tech.cookie, "image.csv", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    expect(binary.statusCode).toBe(400);
    expect(await assetCount()).toBe(before);
  });

  it("checks who may upload, run and read the report", async () => {
    const text = "Nom,Type,Numéro d'inventaire\nPortable,laptop,PC-LY-700\n";
    expect((await upload(requester.cookie, "a.csv", text)).statusCode).toBe(403);
    expect((await upload(tech.cookie, "a.csv", text, {})).statusCode).toBe(403);
    const preview = (await upload(tech.cookie, "a.csv", text)).json();
    expect((await run(tech.cookie, preview.importId, preview.suggested, nantes)).statusCode).toBe(403);
    expect((await run(otherTech.cookie, preview.importId, preview.suggested, nantes)).statusCode).toBe(404);
    expect((await run(tech.cookie, preview.importId, [null])).statusCode).toBe(400);
    expect((await run(tech.cookie, "not-an-id", preview.suggested)).statusCode).toBe(400);
    expect((await app.inject({ url: `/api/asset-imports/${preview.importId}/report`, headers: { cookie: tech.cookie } })).statusCode).toBe(404);
    expect((await run(tech.cookie, preview.importId, preview.suggested)).json()).toMatchObject({ created: 1 });
    expect((await app.inject({ url: `/api/asset-imports/${preview.importId}/report`, headers: { cookie: otherTech.cookie } })).statusCode).toBe(404);
    expect(await t.db.selectFrom("asset").select("id").where("entity_id", "=", nantes).execute()).toEqual([]);
  });
});
