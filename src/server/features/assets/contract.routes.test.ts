import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { Contract } from "../../../shared/api/contracts.js";
import type { DB } from "../../db/schema.js";

type Caller = { user: { id: number }; cookie: string };

let tags = 0;
/** An asset row as the asset service would leave it (that service is another part's). */
async function makeAsset(db: Kysely<DB>, entityId: number, fields: { name?: string; warranty_end?: string | null; status?: string } = {}) {
  const kind = await db.selectFrom("asset_kind").select("id").where("code", "=", "laptop").executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  const tag = `PC-TEST-${String(++tags).padStart(5, "0")}`;
  return db.insertInto("asset").values({
    entity_id: entityId, kind_id: kind.id, name: fields.name ?? `Portable ${tags}`, asset_tag: tag, serial: null, manufacturer_id: null,
    model_id: null, status: fields.status ?? "in_use", location_id: null, user_id: null, group_id: null, tech_contact_id: null, notes: null,
    fields: null, supplier_id: null, order_number: null, invoice_number: null, purchase_date: null, price_cents: null, warranty_start: null,
    warranty_months: null, warranty_end: fields.warranty_end ?? null, depreciation_years: null, disposed_at: null, recycler: null,
    disposal_certificate: null, loan_due_at: null, version: 1, created_by: null, created_at: at, updated_at: at,
  }).returning(["id", "asset_tag"]).executeTakeFirstOrThrow();
}

describe.each(DIALECTS)("contracts API on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let lyonSite: number;
  let paris: number;
  let supervisor: Caller;
  let tech: Caller;
  let parisSupervisor: Caller;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    lyonSite = (await makeEntity(t.db, lyon, "Lyon Part-Dieu")).id;
    paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
    supervisor = await signedInUser(t, { entityId: lyon, role: "supervisor" });
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    parisSupervisor = await signedInUser(t, { entityId: paris, role: "supervisor" });
  });
  afterAll(async () => { await t.close(); });

  const call = (cookie: string, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const create = async (payload: object, cookie = supervisor.cookie): Promise<Contract> => {
    const res = await call(cookie, "POST", "/api/contracts", { entityId: lyon, contractType: "maintenance", name: "Maintenance copieurs",
      startDate: "2026-01-01", durationMonths: 12, ...payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it("computes the end and the notice date, month ends included", async () => {
    const c = await create({ name: "Location portables", contractType: "lease", number: "LOC-2026-01", startDate: "2026-01-31",
      durationMonths: 1, noticeMonths: 0, tacitRenewal: true, yearlyCostCents: 1_250_000 });
    expect(c).toMatchObject({ endDate: "2026-02-28", noticeDate: "2026-02-28", tacitRenewal: true, yearlyCostCents: 1_250_000,
      entityName: expect.stringContaining("Lyon"), assetCount: 0 });
    const leap = await create({ startDate: "2027-08-31", durationMonths: 6, noticeMonths: 3 });
    expect(leap).toMatchObject({ endDate: "2028-02-29", noticeDate: "2027-11-29" });
    const year = await create({ entityId: undefined, startDate: "2026-03-15", durationMonths: 36, noticeMonths: 3 });
    // Without an entity: the caller's own.
    expect(year.entityId).toBe((await t.db.selectFrom("app_user").select("entity_id").where("id", "=", supervisor.user.id)
      .executeTakeFirstOrThrow()).entity_id);
    expect(year).toMatchObject({ endDate: "2029-03-15", noticeDate: "2028-12-15" });
  });

  it("recomputes the dates on a change and records who changed what", async () => {
    const c = await create({ noticeMonths: 2 });
    const res = await call(supervisor.cookie, "PATCH", `/api/contracts/${c.id}`, { durationMonths: 24, name: "Maintenance copieurs Lyon" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ endDate: "2028-01-01", noticeDate: "2027-11-01", name: "Maintenance copieurs Lyon" });
    const notice = await call(supervisor.cookie, "PATCH", `/api/contracts/${c.id}`, { noticeMonths: 6 });
    expect(notice.json()).toMatchObject({ endDate: "2028-01-01", noticeDate: "2027-07-01" });
    const history = (await call(t.adminCookie, "GET", `/api/history/contract/${c.id}`)).json().data as { field: string; oldValue: string; newValue: string }[];
    expect(history).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: "endDate", oldValue: "2027-01-01", newValue: "2028-01-01" }),
      expect.objectContaining({ field: "name", newValue: "Maintenance copieurs Lyon" }),
      expect.objectContaining({ field: "noticeMonths", oldValue: "2", newValue: "6" }),
    ]));
  });

  it("answers 400 on bad input, with every issue", async () => {
    const res = await call(supervisor.cookie, "POST", "/api/contracts", { entityId: lyon, contractType: "rental", name: "",
      startDate: "2026-02-30", durationMonths: 0 });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().error.issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["body.contractType", "body.name", "body.startDate", "body.durationMonths"]));
    const tooLong = await call(supervisor.cookie, "POST", "/api/contracts", { entityId: lyon, contractType: "support", name: "Support",
      startDate: "2026-01-01", durationMonths: 6, noticeMonths: 7 });
    expect(tooLong.json().error.issues.map((i: { path: string }) => i.path)).toEqual(["body.noticeMonths"]);
    const c = await create({});
    const longNotice = await call(supervisor.cookie, "PATCH", `/api/contracts/${c.id}`, { noticeMonths: 13 });
    expect(longNotice.statusCode).toBe(400);
    expect((await call(supervisor.cookie, "GET", "/api/contracts/999999")).json().error.code).toBe("CONTRACT_NOT_FOUND");
  });

  it("checks the supplier is visible in the contract's entity", async () => {
    const at = new Date().toISOString();
    const supplier = (id: number, name: string) => t.db.insertInto("supplier").values({ entity_id: id, name, phone: null, email: null,
      website: null, address: null, notes: null, is_active: 1, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
    const own = await supplier(lyon, "Bureau Vallée Lyon");
    const other = await supplier(paris, "Fournisseur parisien");
    const c = await create({ supplierId: own.id });
    expect(c).toMatchObject({ supplierId: own.id, supplierName: "Bureau Vallée Lyon" });
    const res = await call(supervisor.cookie, "POST", "/api/contracts", { entityId: lyon, contractType: "support", name: "Support",
      startDate: "2026-01-01", durationMonths: 12, supplierId: other.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("SUPPLIER_NOT_USABLE");
    const list = (await call(tech.cookie, "GET", `/api/contracts?supplierId=${own.id}`)).json().data as Contract[];
    expect(list.map((x) => x.id)).toEqual([c.id]);
  });

  it("lets a technician read but only a supervisor write, and hides other entities", async () => {
    const c = await create({ name: "Contrat lyonnais" });
    expect((await call(tech.cookie, "GET", `/api/contracts/${c.id}`)).statusCode).toBe(200);
    expect((await call(tech.cookie, "PATCH", `/api/contracts/${c.id}`, { name: "Pris" })).statusCode).toBe(403);
    expect((await call(tech.cookie, "POST", "/api/contracts", { entityId: lyon, contractType: "support", name: "X",
      startDate: "2026-01-01", durationMonths: 12 })).statusCode).toBe(403);
    expect((await call(parisSupervisor.cookie, "GET", `/api/contracts/${c.id}`)).statusCode).toBe(403);
    expect((await call(parisSupervisor.cookie, "DELETE", `/api/contracts/${c.id}`)).statusCode).toBe(403);
    const parisList = (await call(parisSupervisor.cookie, "GET", "/api/contracts?limit=200")).json().data as Contract[];
    expect(parisList.some((x) => x.entityId === lyon)).toBe(false);
    expect((await call(supervisor.cookie, "DELETE", `/api/contracts/${c.id}`)).statusCode).toBe(204);
    expect((await call(supervisor.cookie, "GET", `/api/contracts/${c.id}`)).statusCode).toBe(404);
  });

  it("filters and pages the list, by end date or by name", async () => {
    const entity = (await makeEntity(t.db, t.rootId, "Grenoble")).id;
    const names = ["Bail imprimantes", "Assistance serveurs", "Contrat réseau", "Dépannage postes"];
    for (const [i, name] of names.entries()) {
      await create({ entityId: entity, name, number: `GR-${i}`, startDate: `2026-0${i + 1}-01`, durationMonths: 12, noticeMonths: 3,
        contractType: i === 1 ? "support" : "maintenance" }, t.adminCookie);
    }
    const get = async (query: string) => {
      const res = await call(t.adminCookie, "GET", `/api/contracts?entityId=${entity}&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { data: Contract[]; nextCursor: string | null };
    };
    const first = await get("limit=3");
    expect(first.data.map((c) => c.endDate)).toEqual(["2027-01-01", "2027-02-01", "2027-03-01"]);
    const second = await get(`limit=3&cursor=${first.nextCursor}`);
    expect(second.data.map((c) => c.name)).toEqual(["Dépannage postes"]);
    expect(second.nextCursor).toBeNull();
    expect((await get("sort=name")).data.map((c) => c.name)).toEqual([...names].sort());
    expect((await get("contractType=support")).data.map((c) => c.name)).toEqual(["Assistance serveurs"]);
    expect((await get("endingBefore=2027-02-15")).data).toHaveLength(2);
    expect((await get("noticeBefore=2026-10-01")).data.map((c) => c.noticeDate)).toEqual(["2026-10-01"]);
    expect((await get("q=gr-3")).data.map((c) => c.name)).toEqual(["Dépannage postes"]);
    expect((await get("q=réseau")).data.map((c) => c.name)).toEqual(["Contrat réseau"]);
    expect((await call(t.adminCookie, "GET", "/api/contracts?cursor=nonsense")).statusCode).toBe(400);
  });

  it("covers assets of its entity and sub-entities only, ignores those already covered, and lists them", async () => {
    const c = await create({ name: "Maintenance parc Lyon" });
    const a1 = await makeAsset(t.db, lyon, { name: "Portable compta" });
    const a2 = await makeAsset(t.db, lyonSite, { name: "Portable accueil" });
    const foreign = await makeAsset(t.db, paris, { name: "Portable parisien" });
    const url = `/api/contracts/${c.id}/assets`;
    const added = await call(supervisor.cookie, "POST", url, { assetIds: [a1.id, a2.id] });
    expect(added.json()).toEqual({ changed: 2, assetCount: 2 });
    expect((await call(supervisor.cookie, "POST", url, { assetIds: [a1.id] })).json()).toEqual({ changed: 0, assetCount: 2 });
    const refused = await call(supervisor.cookie, "POST", url, { assetIds: [a1.id, foreign.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues[0].path).toBe("body.assetIds.1");
    expect((await call(tech.cookie, "POST", url, { assetIds: [a1.id] })).statusCode).toBe(403);
    expect((await call(supervisor.cookie, "POST", url, { assetIds: Array.from({ length: 501 }, (_, i) => i + 1) })).statusCode).toBe(400);

    const listed = (await call(tech.cookie, "GET", `${url}?limit=1`)).json();
    expect(listed.data[0]).toMatchObject({ assetTag: a1.asset_tag, name: "Portable compta", kindName: "Ordinateur portable", status: "in_use" });
    const next = (await call(tech.cookie, "GET", `${url}?limit=1&cursor=${listed.nextCursor}`)).json();
    expect(next.data.map((a: { id: number }) => a.id)).toEqual([a2.id]);
    expect((await call(parisSupervisor.cookie, "GET", url)).statusCode).toBe(403);

    const ofAsset = (await call(tech.cookie, "GET", `/api/assets/${a2.id}/contracts`)).json();
    expect(ofAsset.data.map((x: Contract) => x.id)).toEqual([c.id]);
    expect((await call(parisSupervisor.cookie, "GET", `/api/assets/${a2.id}/contracts`)).statusCode).toBe(403);
    expect((await call(tech.cookie, "GET", "/api/assets/999999/contracts")).statusCode).toBe(404);

    const removed = await call(supervisor.cookie, "POST", `${url}/remove`, { assetIds: [a1.id, foreign.id] });
    expect(removed.json()).toEqual({ changed: 1, assetCount: 1 });
    const history = (await call(t.adminCookie, "GET", `/api/history/contract/${c.id}`)).json().data;
    expect(history[0]).toMatchObject({ action: "unlink", field: "assets", oldValue: a1.asset_tag });
    expect(history[1]).toMatchObject({ action: "link", field: "assets" });
  });
});
