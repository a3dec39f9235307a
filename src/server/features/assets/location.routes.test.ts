import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { Location } from "../../../shared/api/asset-references.js";

type Caller = { user: { id: number }; cookie: string };

describe.each(DIALECTS)("locations API on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let paris: number;
  let supervisor: Caller;
  let tech: Caller;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
    supervisor = await signedInUser(t, { entityId: lyon, role: "supervisor" });
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
  });
  afterAll(async () => { await t.close(); });

  const call = (cookie: string, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const create = async (payload: object, cookie = t.adminCookie): Promise<Location> => {
    const res = await call(cookie, "POST", "/api/locations", { entityId: t.rootId, ...payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const list = async (query = "", cookie = t.adminCookie): Promise<Location[]> => {
    const res = await call(cookie, "GET", `/api/locations${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data;
  };
  const byId = async (id: number) => (await list("?includeInactive=true")).find((l) => l.id === id);

  it("builds site > building > floor > room, complete names following a rename down the branch", async () => {
    const site = await create({ name: "Siège", locationType: "site", address: "1 rue de la République", postcode: "69001", city: "Lyon", country: "France" });
    const building = await create({ name: "Bâtiment A", parentId: site.id, locationType: "building" });
    const floor = await create({ name: "2e étage", parentId: building.id, locationType: "floor" });
    const room = await create({ name: "Salle 204", parentId: floor.id, locationType: "room" });
    expect(site).toMatchObject({ city: "Lyon", postcode: "69001", locationType: "site", depth: 0, isActive: true, isUsed: false });
    expect(room).toMatchObject({ completeName: "Siège > Bâtiment A > 2e étage > Salle 204", depth: 3, locationType: "room" });

    const renamed = await call(t.adminCookie, "PATCH", `/api/locations/${site.id}`, { name: "Siège social" });
    expect(renamed.json()).toMatchObject({ name: "Siège social", completeName: "Siège social" });
    expect(await byId(room.id)).toMatchObject({ completeName: "Siège social > Bâtiment A > 2e étage > Salle 204" });
    const names = (await list("?q=siège")).map((l) => l.completeName);
    expect(names).toEqual(["Siège social", "Siège social > Bâtiment A", "Siège social > Bâtiment A > 2e étage", "Siège social > Bâtiment A > 2e étage > Salle 204"]);

    const history = (await call(t.adminCookie, "GET", `/api/history/location/${site.id}`)).json();
    expect(history.data[0]).toMatchObject({ action: "update", field: "name", oldValue: "Siège", newValue: "Siège social" });
  });

  it("moves a branch elsewhere or to the top, and refuses a loop", async () => {
    const north = await create({ name: "Site nord", locationType: "site" });
    const south = await create({ name: "Site sud", locationType: "site" });
    const hall = await create({ name: "Hall", parentId: north.id, locationType: "building" });
    const office = await create({ name: "Bureau 1", parentId: hall.id, locationType: "room" });

    const moved = await call(t.adminCookie, "PATCH", `/api/locations/${hall.id}`, { parentId: south.id });
    expect(moved.json()).toMatchObject({ parentId: south.id, completeName: "Site sud > Hall", depth: 1 });
    expect(await byId(office.id)).toMatchObject({ completeName: "Site sud > Hall > Bureau 1", depth: 2 });

    const top = await call(t.adminCookie, "PATCH", `/api/locations/${hall.id}`, { parentId: null });
    expect(top.json()).toMatchObject({ completeName: "Hall", depth: 0 });
    expect(await byId(office.id)).toMatchObject({ completeName: "Hall > Bureau 1", depth: 1 });

    for (const parentId of [hall.id, office.id]) {
      const loop = await call(t.adminCookie, "PATCH", `/api/locations/${hall.id}`, { parentId });
      expect(loop.statusCode).toBe(409);
      expect(loop.json().error.code).toBe("LOCATION_CYCLE");
    }
  });

  it("deactivates and reactivates a whole branch, and keeps a new child of an inactive place inactive", async () => {
    const site = await create({ name: "Entrepôt", locationType: "site" });
    const bay = await create({ name: "Travée 3", parentId: site.id });
    const off = await call(t.adminCookie, "PATCH", `/api/locations/${site.id}`, { isActive: false });
    expect(off.json().isActive).toBe(false);
    expect(await byId(bay.id)).toMatchObject({ isActive: false });
    expect((await list()).some((l) => l.id === bay.id)).toBe(false);
    expect((await create({ name: "Travée 4", parentId: site.id })).isActive).toBe(false);
    const refused = await call(t.adminCookie, "PATCH", `/api/locations/${bay.id}`, { isActive: true });
    expect(refused.statusCode).toBe(400);
    await call(t.adminCookie, "PATCH", `/api/locations/${site.id}`, { isActive: true });
    expect(await byId(bay.id)).toMatchObject({ isActive: true });
  });

  it("refuses a sibling with the same name and an unknown type, clearly", async () => {
    const site = await create({ name: "Annexe" });
    const dup = await call(t.adminCookie, "POST", "/api/locations", { entityId: t.rootId, name: "Annexe" });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: "CONFLICT", issues: [{ path: "body.name" }] });
    expect((await call(t.adminCookie, "POST", "/api/locations", { entityId: t.rootId, name: "Annexe", parentId: site.id })).statusCode).toBe(201);
    const bad = await call(t.adminCookie, "POST", "/api/locations", { name: "X", locationType: "castle" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe("body.locationType");
  });

  it("deletes an unused leaf, refuses a place with children or assets", async () => {
    const site = await create({ name: "Agence" });
    const desk = await create({ name: "Accueil", parentId: site.id });
    const withChild = await call(t.adminCookie, "DELETE", `/api/locations/${site.id}`);
    expect(withChild.statusCode).toBe(409);
    expect(withChild.json().error.code).toBe("REFERENCE_IN_USE");

    const kind = await t.db.selectFrom("asset_kind").select("id").where("code", "=", "laptop").executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    await t.db.insertInto("asset").values({ entity_id: t.rootId, kind_id: kind.id, name: "PC accueil", asset_tag: "PC-LOC-1", status: "in_use",
      location_id: desk.id, version: 1, created_at: at, updated_at: at }).execute();
    expect(await byId(desk.id)).toMatchObject({ isUsed: true });
    expect((await call(t.adminCookie, "DELETE", `/api/locations/${desk.id}`)).statusCode).toBe(409);

    const spare = await create({ name: "Réserve", parentId: site.id });
    expect((await call(t.adminCookie, "DELETE", `/api/locations/${spare.id}`)).statusCode).toBe(204);
    expect(await byId(spare.id)).toBeUndefined();
  });

  it("shows an entity's places in it and its sub-entities only, and keeps another entity's out of reach", async () => {
    const lyonSite = await create({ name: "Lyon Part-Dieu", entityId: lyon });
    const parisSite = await create({ name: "Paris La Défense", entityId: paris });
    const headOffice = await create({ name: "Siège groupe" });
    const seen = (await list("", tech.cookie)).map((l) => l.id);
    expect(seen).toEqual(expect.arrayContaining([lyonSite.id, headOffice.id]));
    expect(seen).not.toContain(parisSite.id);
    expect((await list(`?entityId=${lyon}`)).map((l) => l.id)).not.toContain(parisSite.id);
    expect((await call(tech.cookie, "GET", `/api/locations?entityId=${paris}`)).statusCode).toBe(403);

    // A Lyon place cannot hang under a Paris one: the parent is answered as absent.
    const under = await call(supervisor.cookie, "POST", "/api/locations", { name: "Intrus", entityId: lyon, parentId: parisSite.id });
    expect(under.statusCode).toBe(404);
    expect((await call(supervisor.cookie, "PATCH", `/api/locations/${parisSite.id}`, { name: "Pris" })).statusCode).toBe(403);
  });

  it("lets a technician read but not write; a supervisor writes in their entity", async () => {
    expect((await call(tech.cookie, "POST", "/api/locations", { name: "Cave", entityId: lyon })).statusCode).toBe(403);
    // Without an entity, the place is the caller's entity's.
    const res = await call(supervisor.cookie, "POST", "/api/locations", { name: "Cave" });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as Location;
    expect(created.entityId).toBe(lyon);
    expect((await call(tech.cookie, "PATCH", `/api/locations/${created.id}`, { name: "Sous-sol" })).statusCode).toBe(403);
    expect((await call(supervisor.cookie, "POST", "/api/locations", { name: "Toit", entityId: t.rootId })).statusCode).toBe(403);
    expect((await call(supervisor.cookie, "PATCH", `/api/locations/${created.id}`, { name: "Sous-sol" })).json().completeName).toBe("Sous-sol");
  });
});
