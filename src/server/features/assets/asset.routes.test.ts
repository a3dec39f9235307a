import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { Asset } from "../../../shared/api/assets.js";
import { kindId, makeCustomKind, makeLocation, makeManufacturer, makeModel, makeSupplier } from "./asset-fixtures.js";

type Caller = { user: { id: number }; cookie: string };
const YEAR = new Date().getUTCFullYear();

describe.each(DIALECTS)("assets API on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let paris: number;
  let tech: Caller;
  let laptop: number;
  let dell: number;
  let hp: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    laptop = await kindId(t.db, "laptop");
    dell = await makeManufacturer(t.db, "Dell");
    hp = await makeManufacturer(t.db, "HP");
  });
  afterAll(async () => { await t.close(); });

  const call = (cookie: string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const create = async (payload: object, cookie = tech.cookie): Promise<Asset> => {
    const res = await call(cookie, "POST", "/api/assets", { kindId: laptop, name: "Portable", ...payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it("generates sequential, gap-free tags from the kind's pattern, shared by kinds of the same pattern", async () => {
    const first = await create({ name: "Portable 1" });
    const failed = await call(tech.cookie, "POST", "/api/assets", { kindId: laptop, name: "Refusé", modelId: 999999 });
    expect(failed.statusCode).toBe(400);
    const second = await create({ name: "Fixe", kindId: await kindId(t.db, "desktop") });
    const n = Number(first.assetTag.slice(-5));
    expect(first.assetTag).toMatch(new RegExp(`^PC-${YEAR}-\\d{5}$`));
    expect(second.assetTag).toBe(`PC-${YEAR}-${String(n + 1).padStart(5, "0")}`);
    const server = await create({ name: "Serveur", kindId: await kindId(t.db, "server") });
    expect(server.assetTag).toBe(`SRV-${YEAR}-0001`);
    expect(first).toMatchObject({ status: "in_stock", entityId: lyon, kindCode: "laptop", family: "computer", version: 1 });
  });

  it("gives concurrent creations distinct, consecutive tags", async () => {
    const kind = await kindId(t.db, "mobile_phone");
    const made = await Promise.all(Array.from({ length: 8 }, (_, i) => create({ kindId: kind, name: `Téléphone ${i}` })));
    const numbers = made.map((a) => Number(a.assetTag.slice(-5))).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("skips a number already typed by hand and honours {YY} {MM} tokens", async () => {
    const kind = await makeCustomKind(t.db, "BDG-{YY}{MM}-{###}");
    const month = String(new Date().getUTCMonth() + 1).padStart(2, "0");
    const prefix = `BDG-${String(YEAR).slice(2)}${month}-`;
    await create({ kindId: kind, name: "Manuelle", assetTag: `${prefix}001`, fields: { reader: "RFID" } });
    const generated = await create({ kindId: kind, name: "Générée", fields: { reader: "NFC" } });
    expect(generated.assetTag).toBe(`${prefix}002`);
  });

  it("refuses a taken tag, and a taken serial for the same manufacturer only", async () => {
    const a = await create({ assetTag: "LYO-0001", serial: "SN-42", manufacturerId: dell });
    const tag = await call(tech.cookie, "POST", "/api/assets", { kindId: laptop, name: "Doublon", assetTag: "LYO-0001" });
    expect(tag.statusCode).toBe(409);
    expect(tag.json().error.code).toBe("ASSET_TAG_TAKEN");
    const serial = await call(tech.cookie, "POST", "/api/assets", { kindId: laptop, name: "Doublon", serial: "SN-42", manufacturerId: dell });
    expect(serial.statusCode).toBe(409);
    expect(serial.json().error.code).toBe("SERIAL_TAKEN");
    // Two manufacturers may number alike; another entity may reuse a tag.
    await create({ serial: "SN-42", manufacturerId: hp });
    await create({ assetTag: "LYO-0001", entityId: paris }, t.adminCookie);
    const renamed = await call(tech.cookie, "PATCH", `/api/assets/${a.id}`, { version: a.version, serial: "SN-42-B" });
    expect(renamed.statusCode, renamed.body).toBe(200);
  });

  it("checks custom field values against the kind: types, choices, required, unknown keys", async () => {
    const kind = await makeCustomKind(t.db, null);
    const bad = await call(tech.cookie, "POST", "/api/assets", {
      kindId: kind, name: "Badgeuse", assetTag: "BDG-1", fields: { reader: "Laser", doors: "deux", installed: "hier", colour: "rouge" },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(["body.fields.colour", "body.fields.doors", "body.fields.installed", "body.fields.reader"]);
    const missing = await call(tech.cookie, "POST", "/api/assets", { kindId: kind, name: "Badgeuse", assetTag: "BDG-1" });
    expect(missing.json().error.issues).toEqual([expect.objectContaining({ path: "body.fields.reader" })]);
    const noTag = await call(tech.cookie, "POST", "/api/assets", { kindId: kind, name: "Badgeuse", fields: { reader: "RFID" } });
    expect(noTag.json().error.issues).toEqual([expect.objectContaining({ path: "body.assetTag" })]);
    const ok = await create({ kindId: kind, name: "Badgeuse", assetTag: "BDG-1", fields: { reader: "RFID", doors: 3, installed: "2026-01-15" } });
    expect(ok.fields).toEqual({ reader: "RFID", doors: 3, installed: "2026-01-15" });
    const merged = await call(tech.cookie, "PATCH", `/api/assets/${ok.id}`, { version: ok.version, fields: { doors: null } });
    expect(merged.json().fields).toEqual({ reader: "RFID", installed: "2026-01-15" });
  });

  it("computes the warranty end and the depreciated value, and checks references", async () => {
    const model = await makeModel(t.db, laptop, dell, "Latitude 5440");
    const supplier = await makeSupplier(t.db, t.rootId, "Bechtle");
    const site = await makeLocation(t.db, lyon, "Lyon Part-Dieu");
    const asset = await create({ modelId: model, supplierId: supplier, locationId: site.id, purchaseDate: "2024-01-31", warrantyMonths: 37,
      priceCents: 120000, depreciationYears: 3 });
    expect(asset).toMatchObject({ manufacturerId: dell, manufacturerName: "Dell", modelName: "Latitude 5440", supplierName: "Bechtle",
      warrantyEnd: "2027-02-28", locationName: "Lyon Part-Dieu" });
    expect(asset.currentValueCents).toBeGreaterThanOrEqual(0);
    expect(asset.currentValueCents).toBeLessThan(120000);
    // The renewal view reads the same value from the list.
    const listed = (await call(tech.cookie, "GET", `/api/assets?q=${encodeURIComponent(asset.assetTag)}`)).json().data;
    expect(listed).toEqual([expect.objectContaining({ id: asset.id, currentValueCents: asset.currentValueCents })]);
    const otherModel = await call(tech.cookie, "POST", "/api/assets", { kindId: laptop, name: "X", modelId: model, manufacturerId: hp });
    expect(otherModel.json().error.code).toBe("MODEL_NOT_USABLE");
    const parisSite = await makeLocation(t.db, paris, "Paris La Défense");
    const elsewhere = await call(tech.cookie, "POST", "/api/assets", { kindId: laptop, name: "X", locationId: parisSite.id });
    expect(elsewhere.json().error.code).toBe("LOCATION_NOT_USABLE");
    const parisUser = await signedInUser(t, { entityId: paris, role: "requester" });
    const stranger = await call(tech.cookie, "POST", "/api/assets", { kindId: laptop, name: "X", userId: parisUser.user.id });
    expect(stranger.statusCode).toBe(400);
    const withWarrantyStart = await call(tech.cookie, "PATCH", `/api/assets/${asset.id}`, { version: asset.version, warrantyStart: "2024-03-01" });
    expect(withWarrantyStart.json().warrantyEnd).toBe("2027-04-01");
  });

  it("records each changed field in the history and refuses a stale version", async () => {
    const asset = await create({ name: "Avant" });
    const supplier = await makeSupplier(t.db, t.rootId, "Econocom");
    const res = await call(tech.cookie, "PATCH", `/api/assets/${asset.id}`, { version: 1, name: "Après", notes: "Clavier US", supplierId: supplier });
    expect(res.json()).toMatchObject({ name: "Après", notes: "Clavier US", version: 2 });
    const stale = await call(tech.cookie, "PATCH", `/api/assets/${asset.id}`, { version: 1, name: "Perdu" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("ASSET_VERSION_CONFLICT");
    const history = await call(tech.cookie, "GET", `/api/history/asset/${asset.id}`);
    const fields = history.json().data.map((h: { field: string | null; oldValue: string | null; newValue: string | null }) => [h.field, h.oldValue, h.newValue]);
    expect(fields).toEqual(expect.arrayContaining([["name", "Avant", "Après"], ["notes", null, "Clavier US"], ["supplierId", null, String(supplier)]]));
    // The supplier's id is kept, its name shown.
    expect(history.json().data.find((h: { field: string }) => h.field === "supplierId")).toMatchObject({ newLabel: "Econocom" });
  });

  it("hides another entity's assets (404) and keeps requesters out", async () => {
    const secret = await create({ name: "Secret", entityId: paris }, t.adminCookie);
    expect((await call(tech.cookie, "GET", `/api/assets/${secret.id}`)).statusCode).toBe(404);
    expect((await call(tech.cookie, "PATCH", `/api/assets/${secret.id}`, { version: 1, name: "Pris" })).statusCode).toBe(404);
    expect((await call(tech.cookie, "POST", "/api/assets", { kindId: laptop, name: "X", entityId: paris })).statusCode).toBe(403);
    const list = await call(tech.cookie, "GET", "/api/assets?limit=100");
    expect(list.json().data.some((a: Asset) => a.id === secret.id)).toBe(false);
    const requester = await signedInUser(t, { entityId: lyon, role: "requester" });
    expect((await call(requester.cookie, "GET", "/api/assets")).statusCode).toBe(403);
    expect((await call(requester.cookie, "POST", "/api/assets", { kindId: laptop, name: "X" })).statusCode).toBe(403);
    expect((await call(tech.cookie, "GET", `/api/assets/${secret.id}`)).statusCode).toBe(404);
  });
});
