import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeUser, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";

describe.each(DIALECTS)("entities API on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t.close(); });

  const create = async (name: string, parentId: number) => {
    const res = await t.app.inject({ method: "POST", url: "/api/entities", headers: { cookie: t.adminCookie }, payload: { name, parentId, town: name } });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: number; completeName: string; depth: number };
  };
  const get = async (id: number) => (await t.app.inject({ url: `/api/entities/${id}`, headers: { cookie: t.adminCookie } })).json();

  it("builds a tree with complete names and child counts", async () => {
    const lyon = await create("Lyon", t.rootId);
    const atelier = await create("Atelier", lyon.id);
    expect(atelier).toMatchObject({ completeName: "Groupe Durand > Lyon > Atelier", depth: 2 });
    expect((await get(lyon.id)).childCount).toBe(1);
    const children = (await t.app.inject({ url: `/api/entities?parentId=${lyon.id}`, headers: { cookie: t.adminCookie } })).json();
    expect(children.data.map((e: { name: string }) => e.name)).toEqual(["Atelier"]);
  });

  it("moves a subtree: names, depths and inherited rights follow", async () => {
    const nantes = await create("Nantes", t.rootId);
    const sud = await create("Région Ouest", t.rootId);
    const depot = await create("Dépôt", nantes.id);
    const { cookie } = await signedInUser(t, { entityId: sud.id, role: "admin" });
    expect((await t.app.inject({ url: `/api/entities/${depot.id}`, headers: { cookie } })).statusCode).toBe(403);
    const res = await t.app.inject({ method: "PATCH", url: `/api/entities/${nantes.id}`, headers: { cookie: t.adminCookie }, payload: { parentId: sud.id } });
    expect(res.statusCode).toBe(200);
    expect(await get(depot.id)).toMatchObject({ completeName: "Groupe Durand > Région Ouest > Nantes > Dépôt", depth: 3 });
    expect((await t.app.inject({ url: `/api/entities/${depot.id}`, headers: { cookie } })).statusCode).toBe(200);
    const renamed = await t.app.inject({ method: "PATCH", url: `/api/entities/${sud.id}`, headers: { cookie: t.adminCookie }, payload: { name: "Ouest" } });
    expect(renamed.json().completeName).toBe("Groupe Durand > Ouest");
    expect((await get(depot.id)).completeName).toBe("Groupe Durand > Ouest > Nantes > Dépôt");
    await t.app.inject({ method: "PATCH", url: `/api/entities/${t.rootId}`, headers: { cookie: t.adminCookie }, payload: { name: "Durand SA" } });
    expect((await get(depot.id)).completeName).toBe("Durand SA > Ouest > Nantes > Dépôt");
    await t.app.inject({ method: "PATCH", url: `/api/entities/${t.rootId}`, headers: { cookie: t.adminCookie }, payload: { name: "Groupe Durand" } });
  });

  it("refuses to move an entity under its own sub-entity, or to move the root", async () => {
    const a = await create("A", t.rootId);
    const b = await create("B", a.id);
    const cycle = await t.app.inject({ method: "PATCH", url: `/api/entities/${a.id}`, headers: { cookie: t.adminCookie }, payload: { parentId: b.id } });
    expect(cycle.json().error.code).toBe("ENTITY_CYCLE");
    const root = await t.app.inject({ method: "PATCH", url: `/api/entities/${t.rootId}`, headers: { cookie: t.adminCookie }, payload: { parentId: a.id } });
    expect(root.json().error.code).toBe("ROOT_ENTITY_LOCKED");
  });

  it("deletes only empty entities, and keeps their history", async () => {
    const lille = await create("Lille", t.rootId);
    await makeUser(t.db, { entityId: lille.id });
    const refused = await t.app.inject({ method: "DELETE", url: `/api/entities/${lille.id}`, headers: { cookie: t.adminCookie } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("ENTITY_NOT_EMPTY");
    const empty = await create("Éphémère", t.rootId);
    expect((await t.app.inject({ method: "DELETE", url: `/api/entities/${empty.id}`, headers: { cookie: t.adminCookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/entities/${empty.id}`, headers: { cookie: t.adminCookie } })).statusCode).toBe(404);
    const history = (await t.app.inject({ url: `/api/history/entity/${empty.id}`, headers: { cookie: t.adminCookie } })).json();
    expect(history.data.map((h: { action: string }) => h.action)).toEqual(["delete", "create"]);
  });

  it("lets a technician read but not change entities", async () => {
    const { cookie } = await signedInUser(t, { entityId: t.rootId, role: "technician" });
    expect((await t.app.inject({ url: "/api/entities", headers: { cookie } })).statusCode).toBe(200);
    const res = await t.app.inject({ method: "POST", url: "/api/entities", headers: { cookie }, payload: { name: "X", parentId: t.rootId } });
    expect(res.statusCode).toBe(403);
  });
});
