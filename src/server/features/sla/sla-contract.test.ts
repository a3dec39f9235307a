import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { Contract } from "../../../shared/api/contracts.js";
import type { ContractSla, SlaCalendar, SlaPolicy, TicketContract, TicketSla } from "../../../shared/api/sla.js";
import type { Ticket } from "../../../shared/api/tickets.js";
import { kindId } from "../assets/asset-fixtures.js";
import { officeCalendar, showWallTime, wallTime } from "./calendar/test-calendars.test-support.js";
import { recomputeDeadlines } from "./sla-recompute.js";

type Caller = { login: string; id: number; cookie: string };
type Method = "GET" | "POST" | "PATCH" | "DELETE";
const PASSWORD = "password-for-tests";
const HOUR = 60;

const wall = (iso: string | null | undefined) => (iso ? showWallTime(new Date(iso)) : null);
const SUPPORT_HOURS = ["08:00-20:00"];

/**
 * An IT services firm runs support contracts for its client companies: a contract carries its own
 * support hours and SLAs, which beat the client's own for the tickets worked under it.
 */
describe.each(DIALECTS)("SLA per contract on %s", (dialect) => {
  let t: TestApp;
  let client: number;
  let site: number;
  let other: number;
  let supervisor: Caller;
  let tech: Caller;
  let gold: Contract;
  let expired: Contract;
  let foreign: Contract;
  let printers: number;
  let network: number;

  const callers: Caller[] = [];
  async function user(entityId: number, role: "technician" | "supervisor"): Promise<Caller> {
    const { user: u, cookie } = await signedInUser(t, { entityId, role });
    const caller = { login: u.login, id: u.id, cookie };
    callers.push(caller);
    return caller;
  }
  async function at(paris: string): Promise<void> {
    vi.setSystemTime(wallTime(paris));
    for (const c of callers) c.cookie = await t.login(c.login, PASSWORD);
  }
  const call = (c: Caller | string, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: typeof c === "string" ? c : c.cookie }, ...(payload ? { payload } : {}) });
  async function ok<T>(c: Caller | string, method: Method, url: string, payload?: object): Promise<T> {
    const res = await call(c, method, url, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as T;
  }
  const open = (title: string, extra: object = {}) => ok<Ticket>(tech, "POST", "/api/tickets", { title, entityId: site, urgency: 3, impact: 3, ...extra });
  const sla = (id: number) => ok<TicketSla>(tech, "GET", `/api/sla/tickets/${id}`);
  /** The admin's session is dated by the clock: once it moved, the supervisor (asset.manage of the client) manages its contracts. */
  const contract = (name: string, entityId: number, startDate: string, durationMonths: number, by: Caller | string = t.adminCookie) =>
    ok<Contract>(by, "POST", "/api/contracts", { contractType: "support", name, entityId, startDate, durationMonths });
  const policy = (name: string, body: object) => ok<SlaPolicy>(supervisor, "POST", "/api/sla/policies", {
    name, entityId: client, isRecursive: true, categoryId: null, isActive: true, levels: [], ...body });
  const category = async (name: string) => (await t.db.insertInto("ticket_category").values({ entity_id: client, parent_id: null, name,
    complete_name: name, depth: 0, portal_label: null, is_active: 1, in_portal: 1, default_type: null, default_group_id: null,
    default_urgency: null, default_impact: null, created_at: new Date().toISOString(), updated_at: new Date().toISOString() })
    .returning("id").executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(wallTime("2026-11-16 08:00"));
    t = await createTestApp(dialect);
    client = (await makeEntity(t.db, t.rootId, "Durand SA")).id;
    site = (await makeEntity(t.db, client, "Durand Lyon")).id;
    other = (await makeEntity(t.db, t.rootId, "Martin SARL")).id;
    supervisor = await user(client, "supervisor");
    tech = await user(client, "technician");
    gold = await contract("Infogérance Gold", client, "2026-01-01", 12);
    expired = await contract("Ancien contrat", client, "2025-01-01", 6);
    foreign = await contract("Contrat Martin", other, "2026-01-01", 12);
    printers = await category("Imprimantes");
    network = await category("Réseau");
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
  });

  it("binds support hours and SLAs to a contract of their entity only, one calendar per contract", async () => {
    const week = { mon: SUPPORT_HOURS, tue: SUPPORT_HOURS, wed: SUPPORT_HOURS, thu: SUPPORT_HOURS, fri: SUPPORT_HOURS, sat: [], sun: [] };
    const refused = await call(supervisor, "POST", "/api/sla/calendars", { entityId: client, contractId: foreign.id, name: "Volé", definition: officeCalendar() });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: "CONTRACT_NOT_USABLE", issues: [expect.objectContaining({ path: "body.contractId" })] });
    await ok<SlaCalendar>(supervisor, "POST", "/api/sla/calendars", { entityId: client, name: "Bureaux Durand", definition: officeCalendar() });
    const hours = await ok<SlaCalendar>(supervisor, "POST", "/api/sla/calendars",
      { entityId: client, contractId: gold.id, name: "Horaires Gold", definition: officeCalendar({ week }) });
    expect(hours).toMatchObject({ contractId: gold.id, contractName: "Infogérance Gold" });
    const twice = await call(supervisor, "POST", "/api/sla/calendars", { entityId: client, contractId: gold.id, name: "Encore", definition: officeCalendar() });
    expect(twice.json().error.code).toBe("SLA_CALENDAR_EXISTS");

    await policy("Standard Durand", { targets: [{ priority: 3, ownMinutes: 2 * HOUR, resolveMinutes: 8 * HOUR }] });
    await policy("Réseau Durand", { categoryId: network, targets: [{ priority: 3, ownMinutes: 15, resolveMinutes: HOUR }] });
    const goldPolicy = await policy("Gold", { contractId: gold.id, targets: [{ priority: 3, ownMinutes: HOUR, resolveMinutes: 4 * HOUR }] });
    expect(goldPolicy).toMatchObject({ contractId: gold.id, contractName: "Infogérance Gold" });
    await policy("Gold imprimantes", { contractId: gold.id, categoryId: printers, targets: [{ priority: 3, ownMinutes: 30, resolveMinutes: 2 * HOUR }] });
    await policy("Ancien SLA", { contractId: expired.id, targets: [{ priority: 3, ownMinutes: 10, resolveMinutes: 20 }] });
    const stolen = await call(supervisor, "POST", "/api/sla/policies", { name: "Volé", entityId: client, isRecursive: true, categoryId: null,
      contractId: foreign.id, isActive: true, levels: [], targets: [{ priority: 3, ownMinutes: 10, resolveMinutes: 20 }] });
    expect(stolen.json().error.code).toBe("CONTRACT_NOT_USABLE");
    const moved = await call(supervisor, "PATCH", `/api/sla/policies/${goldPolicy.id}`, { version: goldPolicy.version, contractId: foreign.id });
    expect(moved.json().error.code).toBe("CONTRACT_NOT_USABLE");

    const page = await ok<ContractSla>(tech, "GET", `/api/sla/contracts/${gold.id}`);
    expect(page.calendar?.name).toBe("Horaires Gold");
    expect(page.policies.map((p) => p.name)).toEqual(["Gold", "Gold imprimantes"]);
    expect((await call(tech, "GET", `/api/sla/contracts/${foreign.id}`)).statusCode).toBe(403);
  });

  it("gives a new ticket the only support contract in force with an SLA, and counts on its support hours", async () => {
    await at("2026-11-20 17:00");
    const created = await open("Messagerie lente");
    expect(created).toMatchObject({ contractId: gold.id, contractName: "Infogérance Gold" });
    // 08:00-20:00 on weekdays: one hour to own is 18:00; four to resolve, Friday's last three and Monday 08:00-09:00.
    expect(wall(created.sla?.ownDueAt)).toBe("Fri 2026-11-20 18:00");
    expect(wall(created.sla?.resolveDueAt)).toBe("Mon 2026-11-23 09:00");
    expect(await sla(created.id)).toMatchObject({ slaName: "Gold", contractName: "Infogérance Gold", calendarName: "Horaires Gold" });
    const options = await ok<{ data: TicketContract[] }>(tech, "GET", `/api/sla/tickets/${created.id}/contracts`);
    // The expired contract and the other client's are not offered.
    expect(options.data.map((c) => [c.name, c.hasSla])).toEqual([["Infogérance Gold", true]]);
  });

  it("prefers the contract's category SLA, then its general one, over any of the entity's", async () => {
    await at("2026-11-20 17:00");
    const printer = await open("Imprimante bloquée", { categoryId: printers });
    expect(await sla(printer.id)).toMatchObject({ slaName: "Gold imprimantes" });
    expect(wall(printer.sla?.resolveDueAt)).toBe("Fri 2026-11-20 19:00");
    const link = await open("Switch en panne", { categoryId: network });
    expect(await sla(link.id)).toMatchObject({ slaName: "Gold" });
    const outside = await ok<Ticket>(tech, "PATCH", `/api/tickets/${link.id}`, { version: link.version, contractId: null });
    expect(await sla(outside.id)).toMatchObject({ slaName: "Réseau Durand", contractName: null, calendarName: "Bureaux Durand" });
  });

  it("recomputes the deadlines when a technician changes the contract, and records the change", async () => {
    await at("2026-11-20 17:00");
    const created = await open("Poste lent");
    const without = await ok<Ticket>(tech, "PATCH", `/api/tickets/${created.id}`, { version: created.version, contractId: null });
    expect(without.contractId).toBeNull();
    // The entity's SLA on office hours: Friday 17:00 + 2 h is Monday 10:00.
    expect(wall(without.sla?.ownDueAt)).toBe("Mon 2026-11-23 10:00");
    const back = await ok<Ticket>(tech, "PATCH", `/api/tickets/${created.id}`, { version: without.version, contractId: gold.id });
    expect(wall(back.sla?.ownDueAt)).toBe("Fri 2026-11-20 18:00");
    const history = await t.db.selectFrom("history").select(["old_value", "new_value"]).where("record_type", "=", "ticket")
      .where("record_id", "=", created.id).where("field", "=", "contractId").orderBy("id").execute();
    expect(history).toEqual([{ old_value: String(gold.id), new_value: null }, { old_value: null, new_value: String(gold.id) }]);
  });

  it("refuses a contract of another client, or one not in force, with CONTRACT_NOT_USABLE", async () => {
    await at("2026-11-20 17:00");
    const created = await open("Écran noir");
    for (const contractId of [foreign.id, expired.id]) {
      const res = await call(tech, "PATCH", `/api/tickets/${created.id}`, { version: created.version, contractId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: "CONTRACT_NOT_USABLE", issues: [expect.objectContaining({ path: "body.contractId" })] });
      const opened = await call(tech, "POST", "/api/tickets", { title: "Avec contrat", entityId: site, contractId });
      expect(opened.json().error.code).toBe("CONTRACT_NOT_USABLE");
    }
    expect((await call(supervisor, "DELETE", `/api/contracts/${gold.id}`)).json().error.code).toBe("CONTRACT_IN_USE");
  });

  it("with two support contracts, picks the one covering the ticket's asset once it is linked", async () => {
    await at("2026-11-20 17:00");
    const silver = await contract("Support Silver", client, "2026-06-01", 12, supervisor);
    await policy("Silver", { contractId: silver.id, targets: [{ priority: 3, ownMinutes: 4 * HOUR, resolveMinutes: 16 * HOUR }] });
    const screen = await ok<{ id: number }>(tech, "POST", "/api/assets", { kindId: await kindId(t.db, "monitor"), name: "Écran accueil", entityId: site });
    await ok(supervisor, "POST", `/api/contracts/${silver.id}/assets`, { assetIds: [screen.id] });
    const created = await open("L'écran de l'accueil clignote");
    expect(created.contractId).toBeNull();
    expect(await sla(created.id)).toMatchObject({ slaName: "Standard Durand" });
    await ok(tech, "POST", `/api/tickets/${created.id}/assets`, { assetIds: [screen.id] });
    const linked = await ok<Ticket>(tech, "GET", `/api/tickets/${created.id}`);
    expect(linked.contractId).toBe(silver.id);
    expect(await sla(created.id)).toMatchObject({ slaName: "Silver", contractName: "Support Silver", calendarName: "Bureaux Durand" });
  });

  it("ignores a contract that had ended when the ticket was opened", async () => {
    await at("2026-11-20 17:00");
    const created = await open("Imprimante réseau", { contractId: gold.id });
    expect(await sla(created.id)).toMatchObject({ slaName: "Gold" });
    // The contract is corrected: it ended in June.
    await ok(supervisor, "PATCH", `/api/contracts/${gold.id}`, { durationMonths: 5 });
    const job = await t.db.selectFrom("job").select("payload").where("name", "=", "sla.recompute").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(JSON.parse(job.payload)).toEqual({ entityId: client });
    expect(await recomputeDeadlines(t.db, client)).toBeGreaterThan(0);
    const after = await ok<Ticket>(tech, "GET", `/api/tickets/${created.id}`);
    expect(after.contractId).toBe(gold.id);
    expect(await sla(created.id)).toMatchObject({ slaName: "Standard Durand", contractName: null, calendarName: "Bureaux Durand" });
    expect(wall(after.sla?.ownDueAt)).toBe("Mon 2026-11-23 10:00");
  });
});
