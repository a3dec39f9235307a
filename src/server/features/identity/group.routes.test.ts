import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, makeUser, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";

describe.each(DIALECTS)("groups API on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
  });
  afterAll(async () => { await t.close(); });

  const createGroup = async (payload: object, cookie = t.adminCookie) =>
    t.app.inject({ method: "POST", url: "/api/groups", headers: { cookie }, payload });

  it("manages members, and the history tells who was added and removed", async () => {
    const group = (await createGroup({ name: "Hotline N1", entityId: t.rootId })).json();
    const user = await makeUser(t.db, { entityId: lyon });
    const add = await t.app.inject({ method: "POST", url: `/api/groups/${group.id}/members`, headers: { cookie: t.adminCookie }, payload: { userId: user.id, isManager: true } });
    expect(add.statusCode).toBe(201);
    const again = await t.app.inject({ method: "POST", url: `/api/groups/${group.id}/members`, headers: { cookie: t.adminCookie }, payload: { userId: user.id } });
    expect(again.statusCode).toBe(409);
    const members = (await t.app.inject({ url: `/api/groups/${group.id}/members`, headers: { cookie: t.adminCookie } })).json();
    expect(members.data).toEqual([expect.objectContaining({ userId: user.id, isManager: true })]);
    expect((await t.app.inject({ url: `/api/groups/${group.id}`, headers: { cookie: t.adminCookie } })).json().memberCount).toBe(1);
    const byGroup = (await t.app.inject({ url: `/api/users?groupId=${group.id}`, headers: { cookie: t.adminCookie } })).json();
    expect(byGroup.data.map((u: { id: number }) => u.id)).toEqual([user.id]);
    await t.app.inject({ method: "DELETE", url: `/api/groups/${group.id}/members/${user.id}`, headers: { cookie: t.adminCookie } });
    const history = (await t.app.inject({ url: `/api/history/group/${group.id}`, headers: { cookie: t.adminCookie } })).json();
    expect(history.data.map((h: { action: string }) => h.action)).toEqual(["unlink", "link", "create"]);
  });

  it("shows a recursive group of the company to a technician of a site, not a local one of another site", async () => {
    const paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
    await createGroup({ name: "Support N2 Réseau", entityId: t.rootId, recursive: true });
    await createGroup({ name: "Proximité Paris", entityId: paris, recursive: false });
    await createGroup({ name: "Proximité Lyon", entityId: lyon, recursive: false });
    const { cookie } = await signedInUser(t, { entityId: lyon, role: "technician" });
    const names = (await t.app.inject({ url: "/api/groups?limit=200", headers: { cookie } })).json().data.map((g: { name: string }) => g.name);
    expect(names).toContain("Support N2 Réseau");
    expect(names).toContain("Proximité Lyon");
    expect(names).not.toContain("Proximité Paris");
  });

  it("lets a supervisor manage groups of their entity, but not a technician", async () => {
    const sup = await signedInUser(t, { entityId: lyon, role: "supervisor" });
    expect((await createGroup({ name: "Équipe Lyon", entityId: lyon }, sup.cookie)).statusCode).toBe(201);
    const tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    expect((await createGroup({ name: "Autre", entityId: lyon }, tech.cookie)).statusCode).toBe(403);
  });

  it("records renames in the history", async () => {
    const group = (await createGroup({ name: "Réseau", entityId: t.rootId })).json();
    await t.app.inject({ method: "PATCH", url: `/api/groups/${group.id}`, headers: { cookie: t.adminCookie }, payload: { name: "Réseau N2" } });
    const history = (await t.app.inject({ url: `/api/history/group/${group.id}`, headers: { cookie: t.adminCookie } })).json();
    expect(history.data[0]).toMatchObject({ action: "update", field: "name", oldValue: "Réseau", newValue: "Réseau N2" });
  });
});
