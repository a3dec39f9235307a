import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { Canned, Recurring, Template } from "../../../shared/api/automation.js";
import { nextOccurrence } from "./recurring-schedule.js";
import { runDueRecurring } from "./recurring-run.js";

type Caller = { user: { id: number; login: string }; cookie: string };
type Method = "GET" | "POST" | "PUT" | "DELETE";

describe("nextOccurrence", () => {
  const base = { every: 1, weekday: null, timeOfDay: "08:30", timeZone: "Europe/Paris" };
  it("keeps the local time across the change to summer time", () => {
    const s = { ...base, frequency: "day" as const, startsOn: "2026-03-27" };
    expect(nextOccurrence(s, new Date("2026-03-28T08:00:00Z")).toISOString()).toBe("2026-03-29T06:30:00.000Z");
    expect(nextOccurrence(s, new Date("2026-03-27T01:00:00Z")).toISOString()).toBe("2026-03-27T07:30:00.000Z");
  });
  it("runs every Monday, and every second Monday, from the first one after the start", () => {
    const s = { ...base, frequency: "week" as const, weekday: 1, startsOn: "2026-11-25" };
    expect(nextOccurrence(s, new Date("2026-11-24T00:00:00Z")).toISOString()).toBe("2026-11-30T07:30:00.000Z");
    expect(nextOccurrence(s, new Date("2026-11-30T07:30:00Z")).toISOString()).toBe("2026-12-07T07:30:00.000Z");
    expect(nextOccurrence({ ...s, every: 2 }, new Date("2026-11-30T07:30:00Z")).toISOString()).toBe("2026-12-14T07:30:00.000Z");
  });
  it("keeps the day of the month every 3 months, clamped in short months", () => {
    const s = { ...base, frequency: "month" as const, every: 3, startsOn: "2026-01-31" };
    expect(nextOccurrence(s, new Date("2026-02-01T00:00:00Z")).toISOString()).toBe("2026-04-30T06:30:00.000Z");
    expect(nextOccurrence(s, new Date("2026-05-01T00:00:00Z")).toISOString()).toBe("2026-07-31T06:30:00.000Z");
  });
});

describe.each(DIALECTS)("templates, canned responses and recurring tickets on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let paris: number;
  let supervisor: Caller;
  let tech: Caller;
  let requester: Caller;
  let hotline: number;
  let printing: number;
  let template: Template;
  let printers: number[];

  const call = (cookie: string, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
    supervisor = await signedInUser(t, { entityId: lyon, role: "supervisor" });
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    requester = await signedInUser(t, { entityId: lyon, role: "requester", recursive: false });
    hotline = (await call(t.adminCookie, "POST", "/api/groups", { name: "Hotline N1", entityId: lyon })).json().id;
    printing = (await call(t.adminCookie, "POST", "/api/categories", { name: "Impression", entityId: lyon })).json().id;
    const res = await call(supervisor.cookie, "POST", "/api/automation/templates", { name: "Nettoyage imprimante", entityId: lyon, categoryId: printing,
      title: "Nettoyer l'imprimante", description: "Nettoyer les rouleaux\nVérifier le toner", type: "request", urgency: 2, impact: 2, groupId: hotline });
    expect(res.statusCode, res.body).toBe(201);
    template = res.json();
    const printerKind = await t.db.selectFrom("asset_kind").select("id").where("code", "=", "printer").executeTakeFirstOrThrow();
    printers = [];
    for (const name of ["IMP-RDC", "IMP-ETAGE1"]) {
      printers.push((await call(t.adminCookie, "POST", "/api/assets", { kindId: printerKind.id, name, entityId: lyon })).json().id);
    }
  });
  afterAll(async () => { await t.close(); });

  it("offers the new-ticket form the active templates of the entity and category", async () => {
    await call(supervisor.cookie, "POST", "/api/automation/templates", { name: "Général", entityId: lyon, title: "Demande" });
    await call(supervisor.cookie, "POST", "/api/automation/templates", { name: "Ancien", entityId: lyon, isActive: false });
    const names = async (query: string) => (await call(tech.cookie, "GET", `/api/automation/templates?${query}`)).json().data.map((x: Template) => x.name);
    expect(await names(`entityId=${lyon}`)).toEqual(["Général", "Nettoyage imprimante"]);
    expect(await names(`entityId=${lyon}&categoryId=${printing}`)).toEqual(["Général", "Nettoyage imprimante"]);
    expect((await call(tech.cookie, "GET", `/api/automation/templates?entityId=${paris}`)).statusCode).toBe(403);
    expect((await call(tech.cookie, "GET", "/api/automation/templates")).statusCode).toBe(403);
    const all = (await call(supervisor.cookie, "GET", "/api/automation/templates")).json().data as Template[];
    expect(all.find((x) => x.name === "Nettoyage imprimante")).toMatchObject({ categoryName: "Impression", groupName: "Hotline N1", urgency: 2 });
  });

  it("refuses a template whose group is of another entity", async () => {
    const parisGroup = (await call(t.adminCookie, "POST", "/api/groups", { name: "Équipe Paris", entityId: paris, recursive: false })).json().id;
    const res = await call(supervisor.cookie, "POST", "/api/automation/templates", { name: "X", entityId: lyon, groupId: parisGroup });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe("body.groupId");
  });

  it("fills a canned response's placeholders for the ticket and the technician who inserts it", async () => {
    const created = await call(supervisor.cookie, "POST", "/api/automation/canned-responses", { name: "Prise en charge", entityId: lyon,
      content: "Bonjour {{requester.firstName}},\nje prends en charge le ticket n° {{ticket.id}} ({{ticket.title}}).\n{{technician.name}} {{inconnu}}" });
    expect(created.statusCode, created.body).toBe(201);
    await call(supervisor.cookie, "POST", "/api/automation/canned-responses", { name: "Toner", entityId: lyon, categoryId: printing, content: "Toner commandé." });
    const ticket = (await call(tech.cookie, "POST", "/api/tickets", { title: "Écran noir", requesterId: requester.user.id })).json();
    const list = (await call(tech.cookie, "GET", `/api/automation/canned-responses?ticketId=${ticket.id}`)).json().data as Canned[];
    expect(list.map((c) => c.name)).toEqual(["Prise en charge"]);
    const rendered = await call(tech.cookie, "POST", `/api/automation/canned-responses/${created.json().id}/render`, { ticketId: ticket.id });
    expect(rendered.statusCode, rendered.body).toBe(200);
    const techRow = await t.db.selectFrom("app_user").select(["first_name", "last_name"]).where("id", "=", tech.user.id).executeTakeFirstOrThrow();
    expect(rendered.json().content).toBe(`Bonjour Jean,\nje prends en charge le ticket n° ${ticket.id} (Écran noir).\n${techRow.first_name} ${techRow.last_name} {{inconnu}}`);
    const printingTicket = (await call(tech.cookie, "POST", "/api/tickets", { title: "Toner vide", requesterId: requester.user.id, categoryId: printing })).json();
    const forPrinting = (await call(tech.cookie, "GET", `/api/automation/canned-responses?ticketId=${printingTicket.id}`)).json().data as Canned[];
    expect(forPrinting.map((c) => c.name)).toEqual(["Prise en charge", "Toner"]);
    expect((await call(requester.cookie, "GET", `/api/automation/canned-responses?ticketId=${ticket.id}`)).statusCode).toBe(403);
  });

  it("creates one ticket per asset per occurrence, once even when two instances run at once", async () => {
    const res = await call(supervisor.cookie, "POST", "/api/automation/recurring", { name: "Nettoyage trimestriel", entityId: lyon, templateId: template.id,
      requesterId: requester.user.id, frequency: "month", every: 3, timeOfDay: "07:00", startsOn: "2026-01-05", assetIds: printers });
    expect(res.statusCode, res.body).toBe(201);
    const schedule: Recurring = res.json();
    expect(schedule.assets.map((a) => a.name).sort()).toEqual(["IMP-ETAGE1", "IMP-RDC"]);
    expect(new Date(schedule.nextRunAt as string).getTime()).toBeGreaterThan(Date.now());

    const at = new Date(new Date(schedule.nextRunAt as string).getTime() + 60_000);
    const counts = await Promise.all([runDueRecurring(t.db, t.app.log, at), runDueRecurring(t.db, t.app.log, at)]);
    expect(counts[0] + counts[1]).toBe(2);
    expect(await runDueRecurring(t.db, t.app.log, at)).toBe(0);

    const tickets = await t.db.selectFrom("ticket").selectAll().where("title", "like", "Nettoyer l'imprimante — %").orderBy("title").execute();
    expect(tickets.map((x) => x.title)).toEqual(["Nettoyer l'imprimante — IMP-ETAGE1", "Nettoyer l'imprimante — IMP-RDC"]);
    expect(tickets[0]).toMatchObject({ entity_id: lyon, group_id: hotline, category_id: printing, type: "request", urgency: 2, requester_id: requester.user.id, status: "assigned" });
    const links = await t.db.selectFrom("ticket_asset").select(["ticket_id", "asset_id"]).where("ticket_id", "in", tickets.map((x) => x.id)).execute();
    expect(links.map((l) => l.asset_id).sort()).toEqual([...printers].sort());

    const listed = (await call(supervisor.cookie, "GET", "/api/automation/recurring")).json().data as Recurring[];
    const shown = listed.find((r) => r.id === schedule.id) as Recurring;
    expect(shown.recentTickets).toHaveLength(2);
    expect(shown.lastRunAt).toBe(schedule.nextRunAt);
    expect(new Date(shown.nextRunAt as string).getTime() - new Date(schedule.nextRunAt as string).getTime()).toBeGreaterThan(80 * 86_400_000);
  });

  it("creates nothing while paused, and starts again from the next occurrence once resumed", async () => {
    const res = await call(supervisor.cookie, "POST", "/api/automation/recurring", { name: "Sauvegardes du lundi", entityId: lyon, templateId: template.id,
      frequency: "week", every: 1, weekday: 1, timeOfDay: "09:00", startsOn: "2026-01-01" });
    expect(res.statusCode, res.body).toBe(201);
    const paused = await call(supervisor.cookie, "POST", `/api/automation/recurring/${res.json().id}/pause`, { isActive: false });
    expect(paused.json()).toMatchObject({ isActive: false, nextRunAt: null });
    expect(await runDueRecurring(t.db, t.app.log, new Date(Date.now() + 30 * 86_400_000))).toBe(0);
    const resumed = (await call(supervisor.cookie, "POST", `/api/automation/recurring/${res.json().id}/pause`, { isActive: true })).json();
    expect(resumed.isActive).toBe(true);
    expect(new Date(resumed.nextRunAt).getUTCDay()).toBe(1);
  });

  it("refuses a weekly schedule without a weekday and assets of another entity; others cannot see the schedules", async () => {
    const printerKind = await t.db.selectFrom("asset_kind").select("id").where("code", "=", "printer").executeTakeFirstOrThrow();
    const parisPrinter = (await call(t.adminCookie, "POST", "/api/assets", { kindId: printerKind.id, name: "IMP-PARIS", entityId: paris })).json().id;
    const res = await call(supervisor.cookie, "POST", "/api/automation/recurring", { name: "X", entityId: lyon, templateId: template.id,
      frequency: "week", every: 1, timeOfDay: "09:00", startsOn: "2026-01-01", assetIds: [parisPrinter] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual(["body.weekday", "body.assetIds.0"]);
    const parisSupervisor = await signedInUser(t, { entityId: paris, role: "supervisor" });
    expect((await call(parisSupervisor.cookie, "GET", "/api/automation/recurring")).json().data).toEqual([]);
    const mine = (await call(supervisor.cookie, "GET", "/api/automation/recurring")).json().data as Recurring[];
    expect((await call(parisSupervisor.cookie, "DELETE", `/api/automation/recurring/${mine[0]?.id}`)).statusCode).toBe(404);
  });
});
