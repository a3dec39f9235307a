import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { Contract, FleetAlert } from "../../../shared/api/contracts.js";
import type { Notification } from "../../../shared/api/notifications.js";
import type { DB } from "../../db/schema.js";
import { addDays, todayIn } from "./contract-dates.js";
import { renewContracts } from "./contract.jobs.js";
import { notifyFleetAlerts } from "./fleet-alerts.notify.js";

type Caller = { user: { id: number }; cookie: string };

let tags = 0;
/** An asset row as the asset service would leave it (that service is another part's). */
async function makeAsset(db: Kysely<DB>, entityId: number, warrantyEnd: string | null, status = "in_use") {
  const kind = await db.selectFrom("asset_kind").select("id").where("code", "=", "monitor").executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  const n = ++tags;
  return db.insertInto("asset").values({
    entity_id: entityId, kind_id: kind.id, name: `Écran ${n}`, asset_tag: `ECR-ALERT-${n}`, serial: null, manufacturer_id: null,
    model_id: null, status, location_id: null, user_id: null, group_id: null, tech_contact_id: null, notes: null,
    fields: null, supplier_id: null, order_number: null, invoice_number: null, purchase_date: null, price_cents: null, warranty_start: null,
    warranty_months: null, warranty_end: warrantyEnd, depreciation_years: null, disposed_at: null, recycler: null,
    disposal_certificate: null, loan_due_at: null, version: 1, created_by: null, created_at: at, updated_at: at,
  }).returning(["id", "asset_tag"]).executeTakeFirstOrThrow();
}

describe.each(DIALECTS)("fleet alerts, renewals and notifications on %s", (dialect) => {
  let t: TestApp;
  let nantes: number;
  let nantesSite: number;
  let brest: number;
  let supervisor: Caller;
  let siteSupervisor: Caller;
  let tech: Caller;
  let brestSupervisor: Caller;
  const today = todayIn("Europe/Paris");

  beforeAll(async () => {
    t = await createTestApp(dialect);
    nantes = (await makeEntity(t.db, t.rootId, "Nantes")).id;
    nantesSite = (await makeEntity(t.db, nantes, "Nantes Atlantis")).id;
    brest = (await makeEntity(t.db, t.rootId, "Brest")).id;
    supervisor = await signedInUser(t, { entityId: nantes, role: "supervisor" });
    siteSupervisor = await signedInUser(t, { entityId: nantesSite, role: "supervisor", recursive: false });
    tech = await signedInUser(t, { entityId: nantes, role: "technician" });
    brestSupervisor = await signedInUser(t, { entityId: brest, role: "supervisor" });
  });
  afterAll(async () => { await t.close(); });

  const call = (cookie: string, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const contract = async (payload: object): Promise<Contract> => {
    const res = await call(t.adminCookie, "POST", "/api/contracts", { entityId: nantes, contractType: "support", name: "Support",
      durationMonths: 12, ...payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const alerts = async (cookie: string, query = ""): Promise<{ data: FleetAlert[]; nextCursor: string | null }> => {
    const res = await call(cookie, "GET", `/api/fleet/alerts?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it("lists warranties and contracts ending, and notice dates, within the window and in scope", async () => {
    const soon = await makeAsset(t.db, nantesSite, addDays(today, 30));
    const late = await makeAsset(t.db, nantes, addDays(today, 200));
    await makeAsset(t.db, nantes, addDays(today, 10), "disposed");
    const foreign = await makeAsset(t.db, brest, addDays(today, 20));
    // Ends in about 11 months; notice 11 months before: the last day to give notice is in about ten days.
    const c = await contract({ name: "Infogérance serveurs", number: "INF-7", startDate: addDays(today, -20), noticeMonths: 11, tacitRenewal: true });
    const ending = await contract({ name: "Hotline logiciel", startDate: addDays(today, -340), noticeMonths: 0 });

    const seen = (await alerts(tech.cookie)).data;
    expect(seen.find((a) => a.target.type === "asset" && a.target.id === soon.id)).toMatchObject({ kind: "warranty_ending",
      date: addDays(today, 30), reference: soon.asset_tag, entityName: expect.stringContaining("Nantes Atlantis") });
    expect(seen.some((a) => a.target.id === late.id && a.target.type === "asset")).toBe(false);
    expect(seen.some((a) => a.target.id === foreign.id && a.target.type === "asset")).toBe(false);
    expect(seen.some((a) => a.name.startsWith("Écran") && a.date === addDays(today, 10))).toBe(false);
    expect(seen.find((a) => a.target.id === c.id && a.kind === "contract_notice")).toMatchObject({ date: c.noticeDate, tacitRenewal: true,
      reference: "INF-7" });
    expect(seen.some((a) => a.target.id === c.id && a.kind === "contract_ending")).toBe(false);
    expect(seen.filter((a) => a.target.id === ending.id && a.target.type === "contract")).toEqual([
      expect.objectContaining({ kind: "contract_ending", date: ending.endDate, tacitRenewal: false })]);
    // Soonest first.
    expect(seen.map((a) => a.date)).toEqual([...seen.map((a) => a.date)].sort());

    expect((await alerts(tech.cookie, "days=365")).data.some((a) => a.target.id === late.id && a.target.type === "asset")).toBe(true);
    expect((await alerts(brestSupervisor.cookie)).data.map((a) => a.target.id)).toEqual([foreign.id]);
    expect((await alerts(tech.cookie, "kind=warranty_ending")).data.every((a) => a.kind === "warranty_ending")).toBe(true);
    expect((await call(tech.cookie, "GET", "/api/fleet/alerts?days=0")).statusCode).toBe(400);
  });

  it("pages the merged alerts without losing or repeating one", async () => {
    const all = (await alerts(t.adminCookie, "days=365&limit=200")).data;
    const paged: FleetAlert[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: FleetAlert[]; nextCursor: string | null } = await alerts(t.adminCookie, `days=365&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      paged.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(3);
  });

  it("tells the supervisors once per record, kind and date", async () => {
    const asset = await makeAsset(t.db, nantesSite, addDays(today, 5));
    const c = await contract({ name: "Maintenance onduleurs", startDate: addDays(today, -350), noticeMonths: 0 });
    const first = await notifyFleetAlerts(t.db, today);
    expect(first).toBeGreaterThan(0);
    expect(await notifyFleetAlerts(t.db, today)).toBe(0);

    const bell = async (cookie: string) => (await call(cookie, "GET", "/api/notifications?limit=200")).json().data as Notification[];
    const mine = await bell(supervisor.cookie);
    expect(mine.filter((n) => n.assetId === asset.id)).toEqual([expect.objectContaining({ kind: "warranty_ending",
      dueAt: addDays(today, 5), title: expect.stringContaining(asset.asset_tag) })]);
    expect(mine.filter((n) => n.contractId === c.id)).toEqual([expect.objectContaining({ kind: "contract_ending", dueAt: c.endDate,
      title: "Maintenance onduleurs" })]);
    // Supervisor of the site only, directly: told of the site's asset, not of the parent's contract.
    const site = await bell(siteSupervisor.cookie);
    expect(site.some((n) => n.assetId === asset.id)).toBe(true);
    expect(site.some((n) => n.contractId === c.id)).toBe(false);
    expect((await bell(tech.cookie)).some((n) => n.assetId === asset.id || n.contractId === c.id)).toBe(false);
    expect((await bell(brestSupervisor.cookie)).some((n) => n.assetId === asset.id || n.contractId === c.id)).toBe(false);

    // A new date is a new alert.
    await t.db.updateTable("asset").set({ warranty_end: addDays(today, 6) }).where("id", "=", asset.id).execute();
    expect(await notifyFleetAlerts(t.db, today, ["warranty_ending"])).toBeGreaterThan(0);
  });

  it("renews contracts with tacit renewal whose end has passed, by whole periods, with history", async () => {
    const renewing = await contract({ name: "Location copieur", startDate: "2024-01-31", durationMonths: 1, noticeMonths: 0, tacitRenewal: true });
    const yearly = await contract({ name: "Support annuel", startDate: "2023-06-15", durationMonths: 12, noticeMonths: 2, tacitRenewal: true });
    const ending = await contract({ name: "Sans reconduction", startDate: "2023-06-15", durationMonths: 12, tacitRenewal: false });
    expect(renewing.endDate).toBe("2024-02-29");

    expect(await renewContracts(t.db, "2024-03-05")).toBe(1);
    const get = async (id: number) => (await call(t.adminCookie, "GET", `/api/contracts/${id}`)).json() as Contract;
    expect(await get(renewing.id)).toMatchObject({ endDate: "2024-03-31", noticeDate: "2024-03-31" });
    expect(await get(yearly.id)).toMatchObject({ endDate: "2024-06-15", noticeDate: "2024-04-15" });
    expect(await renewContracts(t.db, "2024-03-05")).toBe(0);
    expect((await get(renewing.id)).endDate).toBe("2024-03-31");

    expect(await renewContracts(t.db, "2025-07-01")).toBe(2);
    expect(await get(renewing.id)).toMatchObject({ endDate: "2025-07-31" });
    expect(await get(yearly.id)).toMatchObject({ endDate: "2026-06-15", noticeDate: "2026-04-15" });
    expect((await get(ending.id)).endDate).toBe("2024-06-15");
    const history = (await call(t.adminCookie, "GET", `/api/history/contract/${yearly.id}`)).json().data;
    expect(history).toEqual(expect.arrayContaining([expect.objectContaining({ field: "endDate", oldValue: "2024-06-15", newValue: "2026-06-15",
      actorName: "system" })]));
  });
});
