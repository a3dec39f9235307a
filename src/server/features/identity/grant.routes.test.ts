import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, makeUser, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";

describe.each(DIALECTS)("role grants on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
  });
  afterAll(async () => { await t.close(); });

  it("grants a role that applies to sub-entities when recursive, and changes it in place", async () => {
    const atelier = (await makeEntity(t.db, lyon, "Atelier")).id;
    const user = await makeUser(t.db, { entityId: lyon, password: "tech-password-1" });
    const grant = await t.app.inject({ method: "POST", url: "/api/grants", headers: { cookie: t.adminCookie },
      payload: { userId: user.id, entityId: lyon, role: "technician", recursive: false } });
    expect(grant.statusCode).toBe(201);
    const cookie = await t.login(user.login, "tech-password-1");
    expect((await t.app.inject({ url: `/api/users?entityId=${atelier}`, headers: { cookie } })).json().data).toEqual([]);
    const changed = await t.app.inject({ method: "POST", url: "/api/grants", headers: { cookie: t.adminCookie },
      payload: { userId: user.id, entityId: lyon, role: "supervisor", recursive: true } });
    expect(changed.json().id).toBe(grant.json().id);
    const other = await makeUser(t.db, { entityId: atelier });
    const list = (await t.app.inject({ url: `/api/users?entityId=${atelier}`, headers: { cookie } })).json();
    expect(list.data.map((u: { id: number }) => u.id)).toEqual([other.id]);
    const history = (await t.app.inject({ url: `/api/history/user/${user.id}`, headers: { cookie: t.adminCookie } })).json();
    expect(history.data[0]).toMatchObject({ field: "role" });
    expect(JSON.parse(history.data[0].oldValue)).toEqual({ role: "technician", entity: "Groupe Durand > Lyon", recursive: false });
    expect(JSON.parse(history.data[0].newValue)).toEqual({ role: "supervisor", entity: "Groupe Durand > Lyon", recursive: true });
  });

  it("does not let an admin of a site make someone admin of the whole company", async () => {
    const { cookie, user } = await signedInUser(t, { entityId: lyon, role: "admin" });
    const res = await t.app.inject({ method: "POST", url: "/api/grants", headers: { cookie }, payload: { userId: user.id, entityId: t.rootId, role: "admin" } });
    expect(res.statusCode).toBe(403);
  });

  it("keeps the last admin grant", async () => {
    const grants = (await t.app.inject({ url: "/api/grants?limit=200", headers: { cookie: t.adminCookie } })).json();
    await t.db.deleteFrom("role_grant").where("role", "=", "admin").where("entity_id", "!=", t.rootId).execute();
    const root = grants.data.find((g: { role: string; entityId: number }) => g.role === "admin" && g.entityId === t.rootId);
    const res = await t.app.inject({ method: "DELETE", url: `/api/grants/${root.id}`, headers: { cookie: t.adminCookie } });
    expect(res.json().error.code).toBe("LAST_ADMIN");
  });
});
