import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { Supplier } from "../../../shared/api/asset-references.js";

type Caller = { user: { id: number }; cookie: string };

describe.each(DIALECTS)("suppliers API on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let paris: number;
  let tech: Caller;
  let supervisor: Caller;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    supervisor = await signedInUser(t, { entityId: lyon, role: "supervisor" });
  });
  afterAll(async () => { await t.close(); });

  const call = (cookie: string, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const create = async (payload: object, cookie = t.adminCookie): Promise<Supplier> => {
    const res = await call(cookie, "POST", "/api/suppliers", { entityId: t.rootId, ...payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const list = async (query = "", cookie = t.adminCookie): Promise<Supplier[]> => {
    const res = await call(cookie, "GET", `/api/suppliers${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data;
  };

  it("creates a supplier with its details and contacts, and edits them", async () => {
    const supplier = await create({ name: "Inmac Wstore", phone: "01 23 45 67 89", email: "ventes@inmac.example", website: "https://www.inmac.example",
      address: "ZI Nord, 95000 Cergy", notes: "Remise 12 %" });
    expect(supplier).toMatchObject({ entityId: t.rootId, isActive: true, isUsed: false, contacts: [], email: "ventes@inmac.example" });
    const withContact = await call(t.adminCookie, "POST", `/api/suppliers/${supplier.id}/contacts`,
      { name: "Julie Martin", role: "Commerciale", phone: "06 00 00 00 00", email: "julie@inmac.example" });
    expect(withContact.statusCode).toBe(201);
    const contact = withContact.json().contacts[0];
    expect(contact).toMatchObject({ name: "Julie Martin", role: "Commerciale" });
    const edited = await call(t.adminCookie, "PATCH", `/api/suppliers/${supplier.id}/contacts/${contact.id}`, { role: "Responsable de compte", phone: "" });
    expect(edited.json().contacts[0]).toMatchObject({ role: "Responsable de compte", phone: null });
    expect((await call(t.adminCookie, "POST", `/api/suppliers/${supplier.id}/contacts`, { name: "X", email: "pas-un-mail" })).statusCode).toBe(400);
    const patched = await call(t.adminCookie, "PATCH", `/api/suppliers/${supplier.id}`, { notes: "", isActive: false });
    expect(patched.json()).toMatchObject({ notes: null, isActive: false });
    expect((await list()).some((s) => s.id === supplier.id)).toBe(false);
    expect((await list("?includeInactive=true&q=inmac")).map((s) => s.id)).toEqual([supplier.id]);
    expect((await call(t.adminCookie, "DELETE", `/api/suppliers/${supplier.id}/contacts/${contact.id}`)).statusCode).toBe(204);
    expect((await call(t.adminCookie, "GET", `/api/suppliers/${supplier.id}`)).json().contacts).toEqual([]);
    const history = (await call(t.adminCookie, "GET", `/api/history/supplier/${supplier.id}`)).json().data;
    expect(history[0]).toMatchObject({ action: "unlink", field: "contacts", oldValue: "Julie Martin" });
  });

  it("keeps names unique per entity whatever the case, but the same name may exist in another entity", async () => {
    await create({ name: "Bechtle", entityId: lyon });
    const dup = await call(t.adminCookie, "POST", "/api/suppliers", { name: "BECHTLE", entityId: lyon });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: "CONFLICT", issues: [{ path: "body.name" }] });
    await create({ name: "Bechtle", entityId: paris });
  });

  it("shows a supplier in its entity and sub-entities only; another entity's is neither seen nor used", async () => {
    const group = await create({ name: "Fournisseur groupe" });
    const lyonOnly = await create({ name: "Fournisseur lyonnais", entityId: lyon });
    const parisOnly = await create({ name: "Fournisseur parisien", entityId: paris });
    const seen = (await list("", tech.cookie)).map((s) => s.id);
    expect(seen).toEqual(expect.arrayContaining([group.id, lyonOnly.id]));
    expect(seen).not.toContain(parisOnly.id);
    expect((await call(tech.cookie, "GET", `/api/suppliers/${parisOnly.id}`)).statusCode).toBe(404);
    expect((await call(tech.cookie, "GET", `/api/suppliers/${group.id}`)).statusCode).toBe(200);
    expect((await call(tech.cookie, "GET", `/api/suppliers?entityId=${paris}`)).statusCode).toBe(403);
    expect((await call(supervisor.cookie, "PATCH", `/api/suppliers/${parisOnly.id}`, { name: "Pris" })).statusCode).toBe(403);
    expect((await call(supervisor.cookie, "POST", `/api/suppliers/${parisOnly.id}/contacts`, { name: "Espion" })).statusCode).toBe(403);
  });

  it("lets a technician read but not write; a supervisor writes in their entity", async () => {
    expect((await call(tech.cookie, "POST", "/api/suppliers", { name: "Refusé" })).statusCode).toBe(403);
    // Without an entity, the supplier is the caller's entity's.
    const created = await call(supervisor.cookie, "POST", "/api/suppliers", { name: "Local Info" });
    expect(created.statusCode, created.body).toBe(201);
    const own = created.json() as Supplier;
    expect(own.entityId).toBe(lyon);
    expect((await call(tech.cookie, "PATCH", `/api/suppliers/${own.id}`, { phone: "1" })).statusCode).toBe(403);
    expect((await call(supervisor.cookie, "POST", "/api/suppliers", { name: "Racine", entityId: t.rootId })).statusCode).toBe(403);
  });

  it("deletes an unused supplier with its contacts, refuses one an asset names", async () => {
    const gone = await create({ name: "Éphémère" });
    await call(t.adminCookie, "POST", `/api/suppliers/${gone.id}/contacts`, { name: "Paul" });
    expect((await call(t.adminCookie, "DELETE", `/api/suppliers/${gone.id}`)).statusCode).toBe(204);
    expect((await call(t.adminCookie, "GET", `/api/suppliers/${gone.id}`)).statusCode).toBe(404);

    const used = await create({ name: "Grossiste" });
    const kind = await t.db.selectFrom("asset_kind").select("id").where("code", "=", "desktop").executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    await t.db.insertInto("asset").values({ entity_id: t.rootId, kind_id: kind.id, name: "PC compta", asset_tag: "PC-SUP-1", status: "in_stock",
      supplier_id: used.id, version: 1, created_at: at, updated_at: at }).execute();
    const refused = await call(t.adminCookie, "DELETE", `/api/suppliers/${used.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("REFERENCE_IN_USE");
  });
});
