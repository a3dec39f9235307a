import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { AssetModel, Manufacturer } from "../../../shared/api/asset-references.js";

type Caller = { user: { id: number }; cookie: string };

describe.each(DIALECTS)("manufacturers and models API on %s", (dialect) => {
  let t: TestApp;
  let tech: Caller;
  let boss: Caller;
  let laptopKind: number;
  let monitorKind: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    boss = await signedInUser(t, { entityId: t.rootId, role: "supervisor" });
    laptopKind = (await t.db.selectFrom("asset_kind").select("id").where("code", "=", "laptop").executeTakeFirstOrThrow()).id;
    monitorKind = (await t.db.selectFrom("asset_kind").select("id").where("code", "=", "monitor").executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => { await t.close(); });

  const call = (cookie: string, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const maker = async (name: string): Promise<Manufacturer> => {
    const res = await call(boss.cookie, "POST", "/api/manufacturers", { name });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const model = async (payload: object): Promise<AssetModel> => {
    const res = await call(boss.cookie, "POST", "/api/asset-models", payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it("keeps manufacturers unique whatever the case, sorted and searchable by name", async () => {
    await maker("Lenovo");
    const dell = await maker("Dell");
    await maker("Écrans Dupont");
    for (const name of ["DELL", " dell ", "écrans dupont", "Ecrans Dupont"]) {
      const dup = await call(boss.cookie, "POST", "/api/manufacturers", { name });
      expect(dup.statusCode, name).toBe(409);
      expect(dup.json().error).toMatchObject({ code: "CONFLICT", issues: [{ path: "body.name" }] });
    }
    const all = (await call(tech.cookie, "GET", "/api/manufacturers")).json().data as Manufacturer[];
    expect(all.map((m) => m.name)).toEqual(["Dell", "Lenovo", "Écrans Dupont"].sort());
    expect((await call(tech.cookie, "GET", "/api/manufacturers?q=len")).json().data.map((m: Manufacturer) => m.name)).toEqual(["Lenovo"]);
    const renamed = await call(boss.cookie, "PATCH", `/api/manufacturers/${dell.id}`, { name: "Dell Technologies" });
    expect(renamed.json().name).toBe("Dell Technologies");
    expect((await call(boss.cookie, "PATCH", `/api/manufacturers/${dell.id}`, { name: "LENOVO" })).statusCode).toBe(409);
    expect((await call(boss.cookie, "PATCH", "/api/manufacturers/99999", { name: "X" })).statusCode).toBe(404);
  });

  it("keeps a model unique for its kind and manufacturer, and checks both exist", async () => {
    const hp = await maker("HP");
    const elite = await model({ kindId: laptopKind, manufacturerId: hp.id, name: "EliteBook 840 G10", partNumber: "8A3N8EA" });
    expect(elite).toMatchObject({ kindCode: "laptop", manufacturerName: "HP", partNumber: "8A3N8EA", isUsed: false });
    expect((await call(boss.cookie, "POST", "/api/asset-models", { kindId: laptopKind, manufacturerId: hp.id, name: "elitebook 840 g10" })).statusCode).toBe(409);
    // The same name under another kind, or without a manufacturer, is another model; twice without one is refused too.
    await model({ kindId: monitorKind, manufacturerId: hp.id, name: "EliteBook 840 G10" });
    await model({ kindId: laptopKind, name: "Générique" });
    expect((await call(boss.cookie, "POST", "/api/asset-models", { kindId: laptopKind, name: "GÉNÉRIQUE" })).statusCode).toBe(409);
    const noMaker = await call(boss.cookie, "POST", "/api/asset-models", { kindId: laptopKind, manufacturerId: 99999, name: "X" });
    expect(noMaker.statusCode).toBe(400);
    expect(noMaker.json().error.code).toBe("MANUFACTURER_NOT_FOUND");
    expect((await call(boss.cookie, "POST", "/api/asset-models", { kindId: 99999, name: "X" })).json().error.code).toBe("KIND_NOT_FOUND");

    const listed = (await call(tech.cookie, "GET", `/api/asset-models?kindId=${laptopKind}&manufacturerId=${hp.id}`)).json().data as AssetModel[];
    expect(listed.map((m) => m.id)).toEqual([elite.id]);
    const patched = await call(boss.cookie, "PATCH", `/api/asset-models/${elite.id}`, { partNumber: "" });
    expect(patched.json()).toMatchObject({ partNumber: null, name: "EliteBook 840 G10" });
  });

  it("refuses to delete a manufacturer or a model in use, and to re-kind a used model", async () => {
    const apple = await maker("Apple");
    const mac = await model({ kindId: laptopKind, manufacturerId: apple.id, name: "MacBook Air M3" });
    const inUse = await call(boss.cookie, "DELETE", `/api/manufacturers/${apple.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe("REFERENCE_IN_USE");
    const at = new Date().toISOString();
    await t.db.insertInto("asset").values({ entity_id: t.rootId, kind_id: laptopKind, name: "Mac de Zoé", asset_tag: "PC-MAC-1", status: "in_use",
      manufacturer_id: apple.id, model_id: mac.id, version: 1, created_at: at, updated_at: at }).execute();
    expect((await call(boss.cookie, "DELETE", `/api/asset-models/${mac.id}`)).statusCode).toBe(409);
    expect((await call(boss.cookie, "PATCH", `/api/asset-models/${mac.id}`, { kindId: monitorKind })).statusCode).toBe(409);
    expect((await call(boss.cookie, "PATCH", `/api/asset-models/${mac.id}`, { name: "MacBook Air 13 M3" })).statusCode).toBe(200);

    const spare = await maker("Iiyama");
    const screen = await model({ kindId: monitorKind, manufacturerId: spare.id, name: "ProLite" });
    expect((await call(boss.cookie, "DELETE", `/api/asset-models/${screen.id}`)).statusCode).toBe(204);
    expect((await call(boss.cookie, "DELETE", `/api/manufacturers/${spare.id}`)).statusCode).toBe(204);
  });

  it("lets technicians read the catalogue, not change it", async () => {
    expect((await call(tech.cookie, "POST", "/api/manufacturers", { name: "Asus" })).statusCode).toBe(403);
    expect((await call(tech.cookie, "POST", "/api/asset-models", { kindId: laptopKind, name: "X" })).statusCode).toBe(403);
    expect((await call(tech.cookie, "GET", "/api/asset-models")).statusCode).toBe(200);
    const requester = await signedInUser(t, { entityId: t.rootId, role: "requester" });
    expect((await call(requester.cookie, "GET", "/api/manufacturers")).statusCode).toBe(403);
  });
});
