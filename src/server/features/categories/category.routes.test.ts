import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { Category } from "../../../shared/api/categories.js";

type Caller = { user: { id: number }; cookie: string };

describe.each(DIALECTS)("categories API on %s", (dialect) => {
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
  const create = async (payload: object, cookie = t.adminCookie): Promise<Category> => {
    const res = await call(cookie, "POST", "/api/categories", { entityId: t.rootId, ...payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const list = async (query = "", cookie = t.adminCookie): Promise<Category[]> => {
    const res = await call(cookie, "GET", `/api/categories${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data;
  };
  const byId = async (id: number) => (await list("?includeInactive=true")).find((c) => c.id === id);

  it("builds a tree whose complete names follow renames down the branch, in tree order", async () => {
    const hardware = await create({ name: "Matériel" });
    const printing = await create({ name: "Impression", parentId: hardware.id, portalLabel: "Je n'arrive plus à imprimer" });
    const toner = await create({ name: "Toner", parentId: printing.id });
    expect(printing).toMatchObject({ completeName: "Matériel > Impression", depth: 1, entityId: t.rootId, isActive: true, inPortal: true });
    expect(toner).toMatchObject({ completeName: "Matériel > Impression > Toner", depth: 2 });

    const renamed = await call(t.adminCookie, "PATCH", `/api/categories/${hardware.id}`, { name: "Équipement" });
    expect(renamed.json()).toMatchObject({ name: "Équipement", completeName: "Équipement" });
    expect(await byId(toner.id)).toMatchObject({ completeName: "Équipement > Impression > Toner", depth: 2 });

    await create({ name: "Écrans", parentId: hardware.id });
    const names = (await list()).map((c) => c.completeName).filter((n) => n.startsWith("Équipement"));
    expect(names).toEqual(["Équipement", "Équipement > Écrans", "Équipement > Impression", "Équipement > Impression > Toner"]);

    const history = (await call(t.adminCookie, "GET", `/api/history/category/${hardware.id}`)).json();
    expect(history.data[0]).toMatchObject({ action: "update", field: "name", oldValue: "Matériel", newValue: "Équipement" });
  });

  it("moves a branch under another parent or to the top, its descendants renamed and re-levelled", async () => {
    const network = await create({ name: "Réseau" });
    const wifi = await create({ name: "Wi-Fi", parentId: network.id });
    const room = await create({ name: "Salle de réunion", parentId: wifi.id });
    const phones = await create({ name: "Téléphonie" });

    const moved = await call(t.adminCookie, "PATCH", `/api/categories/${wifi.id}`, { parentId: phones.id });
    expect(moved.json()).toMatchObject({ parentId: phones.id, completeName: "Téléphonie > Wi-Fi", depth: 1 });
    expect(await byId(room.id)).toMatchObject({ completeName: "Téléphonie > Wi-Fi > Salle de réunion", depth: 2 });

    const top = await call(t.adminCookie, "PATCH", `/api/categories/${wifi.id}`, { parentId: null, name: "Sans fil" });
    expect(top.json()).toMatchObject({ parentId: null, completeName: "Sans fil", depth: 0 });
    expect(await byId(room.id)).toMatchObject({ completeName: "Sans fil > Salle de réunion", depth: 1 });
    expect(await byId(network.id)).toMatchObject({ completeName: "Réseau", depth: 0 });
  });

  it("refuses a move under itself or its own subcategories", async () => {
    const top = await create({ name: "Logiciels" });
    const child = await create({ name: "Bureautique", parentId: top.id });
    const grandchild = await create({ name: "Tableur", parentId: child.id });
    for (const parentId of [top.id, grandchild.id]) {
      const res = await call(t.adminCookie, "PATCH", `/api/categories/${top.id}`, { parentId });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe("CATEGORY_CYCLE");
    }
    expect(await byId(grandchild.id)).toMatchObject({ completeName: "Logiciels > Bureautique > Tableur" });
  });

  it("puts a category given no entity nor parent in the author's own entity", async () => {
    const res = await call(t.adminCookie, "POST", "/api/categories", { name: "Divers" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().entityId).toBe(t.rootId);
  });

  it("refuses two siblings of the same name", async () => {
    const top = await create({ name: "Messagerie" });
    await create({ name: "Boîte pleine", parentId: top.id });
    const again = await call(t.adminCookie, "POST", "/api/categories", { entityId: t.rootId, name: "Boîte pleine", parentId: top.id });
    expect(again.statusCode).toBe(409);
  });

  it("deletes only an unused leaf; otherwise it is deactivated, with its branch", async () => {
    const top = await create({ name: "Comptes" });
    const leaf = await create({ name: "Mot de passe", parentId: top.id });
    const used = await create({ name: "Nouvel arrivant", parentId: top.id });
    const ticket = await call(t.adminCookie, "POST", "/api/tickets", { title: "Arrivée de M. Petit", categoryId: used.id });
    expect(ticket.json()).toMatchObject({ categoryId: used.id, categoryName: "Comptes > Nouvel arrivant" });
    expect(await byId(used.id)).toMatchObject({ isUsed: true });

    for (const id of [top.id, used.id]) {
      const refused = await call(t.adminCookie, "DELETE", `/api/categories/${id}`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe("CATEGORY_NOT_EMPTY");
    }
    expect((await call(t.adminCookie, "DELETE", `/api/categories/${leaf.id}`)).statusCode).toBe(204);
    expect(await byId(leaf.id)).toBeUndefined();

    await call(t.adminCookie, "PATCH", `/api/categories/${top.id}`, { isActive: false });
    expect(await byId(used.id)).toMatchObject({ isActive: false });
    expect((await list()).map((c) => c.id)).not.toContain(used.id);
    const reactivateChild = await call(t.adminCookie, "PATCH", `/api/categories/${used.id}`, { isActive: true });
    expect(reactivateChild.statusCode).toBe(400);
    const inactive = await call(t.adminCookie, "POST", "/api/tickets", { title: "Arrivée de Mme Roux", categoryId: used.id });
    expect(inactive.statusCode).toBe(400);
    expect(inactive.json().error.issues[0].path).toBe("body.categoryId");

    await call(t.adminCookie, "PATCH", `/api/categories/${top.id}`, { isActive: true });
    expect(await byId(used.id)).toMatchObject({ isActive: true });
  });

  it("lets a supervisor write in their entity only, and a technician only read", async () => {
    const ownTop = await create({ name: "Atelier Lyon", entityId: lyon }, supervisor.cookie);
    expect(ownTop.entityName).toMatch(/Lyon$/);
    expect((await call(supervisor.cookie, "POST", "/api/categories", { name: "Partout", entityId: t.rootId })).statusCode).toBe(403);
    const rootCategory = (await list()).find((c) => c.entityId === t.rootId) as Category;
    expect((await call(supervisor.cookie, "PATCH", `/api/categories/${rootCategory.id}`, { name: "Pris" })).statusCode).toBe(403);

    expect((await call(tech.cookie, "POST", "/api/categories", { name: "Technicien", entityId: lyon })).statusCode).toBe(403);
    expect((await call(tech.cookie, "PATCH", `/api/categories/${ownTop.id}`, { name: "Pris" })).statusCode).toBe(403);
    expect((await call(tech.cookie, "DELETE", `/api/categories/${ownTop.id}`)).statusCode).toBe(403);
    expect((await list("", tech.cookie)).map((c) => c.id)).toContain(ownTop.id);
  });

  it("shows a category in its entity and sub-entities only; another branch's is invisible and unusable", async () => {
    const parisOnly = await create({ name: "Imprimantes Paris", entityId: paris, portalLabel: "Imprimante du siège parisien" });
    const lyonOnly = await create({ name: "Badgeuse Lyon", entityId: lyon });
    const workshop = await makeEntity(t.db, lyon, "Atelier");

    const techSees = (await list("", tech.cookie)).map((c) => c.id);
    expect(techSees).toContain(lyonOnly.id);
    expect(techSees).not.toContain(parisOnly.id);
    expect((await list(`?entityId=${workshop.id}`, tech.cookie)).map((c) => c.id)).toContain(lyonOnly.id);
    expect((await list(`?entityId=${paris}`)).map((c) => c.id)).not.toContain(lyonOnly.id);
    const peek = await call(tech.cookie, "GET", `/api/categories?entityId=${paris}`);
    expect(peek.statusCode).toBe(403);
    expect(peek.body).not.toContain("Imprimantes Paris");

    const requester = await signedInUser(t, { entityId: lyon, role: "requester" });
    const ticket = await call(tech.cookie, "POST", "/api/tickets", { title: "Bourrage", requesterId: requester.user.id, categoryId: parisOnly.id });
    expect(ticket.statusCode).toBe(404);
    expect(ticket.json().error.code).toBe("CATEGORY_NOT_FOUND");
    const created = (await call(tech.cookie, "POST", "/api/tickets", { title: "Bourrage", requesterId: requester.user.id })).json();
    const patched = await call(tech.cookie, "PATCH", `/api/tickets/${created.id}`, { version: created.version, categoryId: parisOnly.id });
    expect(patched.statusCode).toBe(404);
    expect(patched.body).not.toContain("Imprimantes Paris");
    const filed = await call(tech.cookie, "PATCH", `/api/tickets/${created.id}`, { version: created.version, categoryId: lyonOnly.id });
    expect(filed.json()).toMatchObject({ categoryId: lyonOnly.id, categoryName: "Badgeuse Lyon" });
    const history = (await call(tech.cookie, "GET", `/api/history/ticket/${created.id}`)).json();
    expect(history.data).toEqual(expect.arrayContaining([expect.objectContaining({ field: "categoryId", newValue: String(lyonOnly.id) })]));

    const moveAcross = await call(t.adminCookie, "PATCH", `/api/categories/${lyonOnly.id}`, { parentId: parisOnly.id });
    expect(moveAcross.json().error.code).toBe("CATEGORY_NOT_FOUND");
  });

  it("accepts as default group only one visible wherever the category is", async () => {
    const parisTeam = (await call(t.adminCookie, "POST", "/api/groups", { name: "Proximité Paris", entityId: paris, recursive: false })).json();
    const refused = await call(t.adminCookie, "POST", "/api/categories", { name: "Poste", entityId: lyon, defaultGroupId: parisTeam.id });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe("GROUP_NOT_FOUND");
    const accepted = await create({ name: "Poste Paris", entityId: paris, defaultGroupId: parisTeam.id });
    expect(accepted).toMatchObject({ defaultGroupId: parisTeam.id, defaultGroupName: "Proximité Paris" });
  });
});
