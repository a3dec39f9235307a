import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import { checkLocationUsable, checkManufacturer, checkModelUsable, checkSupplierUsable, loadKind, locationSubtreeIds } from "./reference-use.js";

describe.each(DIALECTS)("reference-use on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let lyonSud: number;
  let paris: number;
  let laptop: number;
  let monitor: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    lyonSud = (await makeEntity(t.db, lyon, "Lyon Sud")).id;
    paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
    laptop = (await t.db.selectFrom("asset_kind").select("id").where("code", "=", "laptop").executeTakeFirstOrThrow()).id;
    monitor = (await t.db.selectFrom("asset_kind").select("id").where("code", "=", "monitor").executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => { await t.close(); });

  const post = async (url: string, payload: object) => {
    const res = await t.app.inject({ method: "POST", url, headers: { cookie: t.adminCookie }, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number };
  };
  const code = (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code);

  it("checkLocationUsable: active, and of the entity or one of its parents", async () => {
    const site = await post("/api/locations", { name: "Lyon centre", entityId: lyon });
    const closed = await post("/api/locations", { name: "Ancien site", entityId: lyon, isActive: false });
    expect(await code(checkLocationUsable(t.db, site.id, lyon))).toBe("ok");
    expect(await code(checkLocationUsable(t.db, site.id, lyonSud))).toBe("ok");
    expect(await code(checkLocationUsable(t.db, site.id, paris))).toBe("LOCATION_NOT_USABLE");
    expect(await code(checkLocationUsable(t.db, closed.id, lyon))).toBe("LOCATION_NOT_USABLE");
    expect(await code(checkLocationUsable(t.db, 99999, lyon))).toBe("LOCATION_NOT_USABLE");
  });

  it("locationSubtreeIds: the place and everything below it, usable in a where … in", async () => {
    const top = await post("/api/locations", { name: "Campus", entityId: lyon });
    const building = await post("/api/locations", { name: "Bât. B", parentId: top.id });
    const room = await post("/api/locations", { name: "B12", parentId: building.id });
    await post("/api/locations", { name: "Ailleurs", entityId: lyon });
    const rows = await t.db.selectFrom("location").select("id").where("id", "in", locationSubtreeIds(t.db, top.id)).orderBy("id").execute();
    expect(rows.map((r) => r.id)).toEqual([top.id, building.id, room.id]);
    const below = await t.db.selectFrom("location").select("id").where("id", "in", locationSubtreeIds(t.db, room.id)).execute();
    expect(below.map((r) => r.id)).toEqual([room.id]);
  });

  it("loadKind: the kind with its fields in order; KIND_NOT_FOUND otherwise", async () => {
    const kind = await loadKind(t.db, laptop);
    expect(kind).toMatchObject({ code: "laptop", family: "computer", tagPattern: "PC-{YYYY}-{#####}", isActive: true });
    expect(kind.fields[1]).toEqual({ key: "ram_gb", label: "Mémoire (Go)", fieldType: "number", choices: null, isRequired: false });
    const printer = (await t.db.selectFrom("asset_kind").select("id").where("code", "=", "printer").executeTakeFirstOrThrow()).id;
    expect((await loadKind(t.db, printer)).fields.find((f) => f.key === "color")?.choices).toEqual(["Oui", "Non"]);
    expect(await code(loadKind(t.db, 99999))).toBe("KIND_NOT_FOUND");
  });

  it("checkModelUsable and checkManufacturer: the model's kind and manufacturer must match", async () => {
    const dell = await post("/api/manufacturers", { name: "Dell" });
    const lenovo = await post("/api/manufacturers", { name: "Lenovo" });
    const latitude = await post("/api/asset-models", { kindId: laptop, manufacturerId: dell.id, name: "Latitude 5440" });
    expect(await checkModelUsable(t.db, latitude.id, laptop, dell.id)).toEqual({ manufacturerId: dell.id });
    expect(await checkModelUsable(t.db, latitude.id, laptop, null)).toEqual({ manufacturerId: dell.id });
    expect(await code(checkModelUsable(t.db, latitude.id, monitor, null))).toBe("MODEL_NOT_USABLE");
    expect(await code(checkModelUsable(t.db, latitude.id, laptop, lenovo.id))).toBe("MODEL_NOT_USABLE");
    expect(await code(checkModelUsable(t.db, 99999, laptop, null))).toBe("MODEL_NOT_USABLE");
    expect(await code(checkManufacturer(t.db, dell.id))).toBe("ok");
    expect(await code(checkManufacturer(t.db, 99999))).toBe("MANUFACTURER_NOT_FOUND");
  });

  it("checkSupplierUsable: of the entity or one of its parents", async () => {
    const group = await post("/api/suppliers", { name: "Fournisseur groupe", entityId: t.rootId });
    const parisOnly = await post("/api/suppliers", { name: "Fournisseur Paris", entityId: paris });
    expect(await code(checkSupplierUsable(t.db, group.id, lyonSud))).toBe("ok");
    expect(await code(checkSupplierUsable(t.db, parisOnly.id, paris))).toBe("ok");
    expect(await code(checkSupplierUsable(t.db, parisOnly.id, lyon))).toBe("SUPPLIER_NOT_USABLE");
    expect(await code(checkSupplierUsable(t.db, 99999, lyon))).toBe("SUPPLIER_NOT_USABLE");
  });
});
