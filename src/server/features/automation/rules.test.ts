import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { Rule, RuleTestResult } from "../../../shared/api/automation.js";
import type { HistoryEntry } from "../../../shared/api/history.js";
import type { Ticket } from "../../../shared/api/tickets.js";

type Caller = { user: { id: number; login: string }; cookie: string };
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

describe.each(DIALECTS)("automation rules on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let paris: number;
  let supervisor: Caller;
  let tech: Caller;
  let requester: Caller;
  let hotline: number;
  let network: number;
  let parisGroup: number;
  let printing: number;
  let accounting: number;
  let laptopKind: number;

  const call = (cookie: string, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const newTicket = async (payload: object): Promise<Ticket> => {
    const res = await call(tech.cookie, "POST", "/api/tickets", { requesterId: requester.user.id, ...payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const newRule = async (payload: object): Promise<Rule> => {
    const res = await call(supervisor.cookie, "POST", "/api/automation/rules", { entityId: lyon, trigger: "created", isActive: true, ...payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const dropRules = async () => {
    for (const rule of (await call(supervisor.cookie, "GET", "/api/automation/rules")).json().data as Rule[]) {
      await call(supervisor.cookie, "DELETE", `/api/automation/rules/${rule.id}`);
    }
  };
  const dryRun = async (ticketId: number, conditions: object[], actions: object[] = [{ type: "setPriority", value: 5 }]): Promise<RuleTestResult> => {
    const res = await call(supervisor.cookie, "POST", "/api/automation/rules/test", { ticketId, entityId: lyon, conditions, actions });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
    supervisor = await signedInUser(t, { entityId: lyon, role: "supervisor" });
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    requester = await signedInUser(t, { entityId: lyon, role: "requester", recursive: false });
    const group = async (name: string, entityId: number) =>
      (await call(t.adminCookie, "POST", "/api/groups", { name, entityId, recursive: false })).json().id as number;
    hotline = await group("Hotline N1", lyon);
    network = await group("Support N2 Réseau", lyon);
    parisGroup = await group("Équipe Paris", paris);
    accounting = await group("Comptabilité", lyon);
    await call(t.adminCookie, "POST", `/api/groups/${accounting}/members`, { userId: requester.user.id });
    printing = (await call(t.adminCookie, "POST", "/api/categories", { name: "Impression", entityId: lyon })).json().id;
    laptopKind = (await t.db.selectFrom("asset_kind").select("id").where("code", "=", "laptop").executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => { await t.close(); });

  it("routes a new ticket to the rule's group and records the change as done by the rule", async () => {
    await newRule({ name: "Imprimantes", conditions: [{ field: "title", op: "contains", words: ["imprimante", "toner"] }],
      actions: [{ type: "assignGroup", groupId: hotline }, { type: "setPriority", value: 4 }, { type: "addObserver", userId: supervisor.user.id }] });
    const ticket = await newTicket({ title: "L'IMPRIMANTE du 2e étage bourre" });
    expect(ticket).toMatchObject({ groupId: hotline, groupName: "Hotline N1", status: "assigned", priority: 4 });
    const history = await t.db.selectFrom("history").select(["field", "new_value", "actor_name", "actor_id"])
      .where("record_type", "=", "ticket").where("record_id", "=", ticket.id).where("action", "in", ["update", "link"]).execute();
    expect(history).toEqual(expect.arrayContaining([
      { field: "groupId", new_value: String(hotline), actor_name: "Règle « Imprimantes »", actor_id: tech.user.id },
      { field: "priority", new_value: "4", actor_name: "Règle « Imprimantes »", actor_id: tech.user.id },
      { field: "observer", new_value: supervisor.user.login, actor_name: "Règle « Imprimantes »", actor_id: tech.user.id },
    ]));
    const untouched = await newTicket({ title: "Écran noir" });
    expect(untouched).toMatchObject({ groupId: null, status: "new", priority: 3 });
    await dropRules();
  });

  it("runs the rules in order, each seeing what the previous set, and stops at a rule marked stop", async () => {
    const first = await newRule({ name: "Réseau", conditions: [{ field: "text", op: "contains", words: ["vpn"] }],
      actions: [{ type: "assignGroup", groupId: network }, { type: "setUrgency", value: 5 }] });
    await newRule({ name: "Urgent devient incident", conditions: [{ field: "urgency", op: "in", values: [5] }], actions: [{ type: "setType", value: "incident" }] });
    const last = await newRule({ name: "Tout à la hotline", conditions: [], actions: [{ type: "assignGroup", groupId: hotline }] });
    const chained = await newTicket({ title: "Connexion VPN refusée", type: "request" });
    expect(chained).toMatchObject({ groupId: hotline, urgency: 5, type: "incident" });
    // Priority follows the new urgency through the matrix (urgency 5, impact 3).
    expect(chained.priority).toBe(4);

    await call(supervisor.cookie, "PUT", `/api/automation/rules/${first.id}`, { ...first, stopFurther: true });
    expect(await newTicket({ title: "VPN lent", type: "request" })).toMatchObject({ groupId: network, type: "request" });

    // Moved to the top, the catch-all rule runs first and the VPN rule still overrides it.
    const moved = await call(supervisor.cookie, "POST", `/api/automation/rules/${last.id}/move`, { direction: "up" });
    await call(supervisor.cookie, "POST", `/api/automation/rules/${last.id}/move`, { direction: "up" });
    expect(moved.statusCode).toBe(200);
    const order = (await call(supervisor.cookie, "GET", "/api/automation/rules")).json().data.map((r: Rule) => r.name);
    expect(order).toEqual(["Tout à la hotline", "Réseau", "Urgent devient incident"]);
    expect(await newTicket({ title: "VPN coupé" })).toMatchObject({ groupId: network });
    await dropRules();
  });

  it("leaves disabled rules and rules of other entities alone", async () => {
    await newRule({ name: "Inactive", isActive: false, conditions: [], actions: [{ type: "assignGroup", groupId: hotline }] });
    const res = await call(t.adminCookie, "POST", "/api/automation/rules", { entityId: paris, trigger: "created", isActive: true, name: "Paris",
      conditions: [], actions: [{ type: "assignGroup", groupId: parisGroup }] });
    expect(res.statusCode, res.body).toBe(201);
    expect(await newTicket({ title: "Souris cassée" })).toMatchObject({ groupId: null });
    await call(t.adminCookie, "DELETE", `/api/automation/rules/${res.json().id}`);
    await dropRules();
  });

  it("refuses at save an action that cannot apply in the rule's entity, listing each", async () => {
    const res = await call(supervisor.cookie, "POST", "/api/automation/rules", { entityId: lyon, trigger: "created", name: "Mauvaise", conditions: [],
      actions: [{ type: "assignGroup", groupId: parisGroup }, { type: "setCategory", categoryId: 999_999 },
        { type: "assignTechnician", userId: requester.user.id }, { type: "applyTemplate", templateId: 999_999 }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("RULE_ACTION_INVALID");
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual([
      "body.actions.0.groupId", "body.actions.1.categoryId", "body.actions.2.userId", "body.actions.3.templateId"]);
    expect(await t.db.selectFrom("automation_rule").select("id").execute()).toEqual([]);
  });

  it("tests a rule on an existing ticket: which conditions hold and what would change, without changing anything", async () => {
    const ticket = await newTicket({ title: "Imprimante hors ligne", channel: "phone", categoryId: printing, urgency: 2 });
    const result = await dryRun(ticket.id, [
      { field: "category", op: "in", values: [printing] }, { field: "channel", op: "in", values: ["email"] }],
    [{ type: "assignGroup", groupId: hotline }, { type: "assignTechnician", userId: tech.user.id }, { type: "reply", content: "Bonjour {{requester.firstName}}, ticket n° {{ticket.id}} reçu." }]);
    expect(result).toMatchObject({ inScope: true, matched: false, conditions: [{ index: 0, matched: true }, { index: 1, matched: false, actual: "phone" }] });
    expect(result.changes).toEqual(expect.arrayContaining([
      { field: "group", from: null, to: "Hotline N1" }, { field: "status", from: "new", to: "assigned" }]));
    expect(result.changes.find((c) => c.field === "assignee")?.to).toMatch(/^Jean Martin/);
    expect(result.reply).toBe(`<p>Bonjour Jean, ticket n° ${ticket.id} reçu.</p>`);
    const after = (await call(tech.cookie, "GET", `/api/tickets/${ticket.id}`)).json();
    expect(after).toMatchObject({ version: ticket.version, groupId: null, assigneeId: null });
    expect(await t.db.selectFrom("ticket_followup").select("id").where("ticket_id", "=", ticket.id).execute()).toEqual([]);
    // Someone without automation.manage may not run it.
    expect((await call(tech.cookie, "POST", "/api/automation/rules/test", { ticketId: ticket.id, entityId: lyon, conditions: [], actions: [] })).statusCode).toBe(403);
  });

  it("matches each kind of condition", async () => {
    const ticket = await newTicket({ title: "Poste lent", description: "<p>Le PC portable rame depuis la mise à jour</p>", channel: "email",
      type: "request", urgency: 4, categoryId: printing, groupId: network });
    const asset = await call(t.adminCookie, "POST", "/api/assets", { kindId: laptopKind, name: "PC-042", entityId: lyon });
    await call(tech.cookie, "POST", `/api/tickets/${ticket.id}/assets`, { assetIds: [asset.json().id] });
    const cases: [object, boolean][] = [
      [{ field: "category", op: "in", values: [printing] }, true],
      [{ field: "entity", op: "in", values: [lyon] }, true],
      [{ field: "entity", op: "notIn", values: [lyon] }, false],
      [{ field: "channel", op: "in", values: ["email", "portal"] }, true],
      [{ field: "type", op: "in", values: ["incident"] }, false],
      [{ field: "priority", op: "in", values: [ticket.priority] }, true],
      [{ field: "urgency", op: "in", values: [4] }, true],
      [{ field: "status", op: "in", values: ["assigned"] }, true],
      [{ field: "group", op: "in", values: [network] }, true],
      [{ field: "requesterGroup", op: "in", values: [accounting] }, true],
      [{ field: "requesterGroup", op: "notIn", values: [accounting] }, false],
      [{ field: "assetKind", op: "in", values: [laptopKind] }, true],
      [{ field: "title", op: "contains", words: ["lent"] }, true],
      [{ field: "title", op: "notContains", words: ["lent"] }, false],
      [{ field: "description", op: "contains", words: ["mise a jour"] }, true],
      [{ field: "text", op: "contains", words: ["imprimante"] }, false],
      [{ field: "time", op: "within", days: [1, 2, 3, 4, 5, 6, 7], from: "00:00", to: "23:59" }, true],
      [{ field: "time", op: "outside", days: [1, 2, 3, 4, 5, 6, 7], from: "00:00", to: "23:59" }, false],
    ];
    for (const [condition, expected] of cases) {
      expect((await dryRun(ticket.id, [condition])).matched, JSON.stringify(condition)).toBe(expected);
    }
    expect((await dryRun(ticket.id, [cases[2]?.[0] as object, cases[0]?.[0] as object])).matched).toBe(false);
  });

  it("does not loop on update: a rule's own change does not trigger the rules again", async () => {
    await newRule({ name: "Priorité 4", trigger: "updated", conditions: [], actions: [{ type: "setPriority", value: 4 }] });
    await newRule({ name: "Priorité 5", trigger: "updated", conditions: [], actions: [{ type: "setPriority", value: 5 }] });
    const ticket = await newTicket({ title: "Clavier" });
    const res = await call(tech.cookie, "PATCH", `/api/tickets/${ticket.id}`, { version: ticket.version, title: "Clavier qui colle" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().priority).toBe(5);
    const changes = await t.db.selectFrom("history").select("actor_name").where("record_id", "=", ticket.id)
      .where("record_type", "=", "ticket").where("field", "=", "priority").orderBy("id").execute();
    expect(changes.map((c) => c.actor_name)).toEqual(["Règle « Priorité 4 »", "Règle « Priorité 5 »"]);
    await dropRules();
  });

  it("applies a template and sends a reply with placeholders as a public followup", async () => {
    const template = await call(supervisor.cookie, "POST", "/api/automation/templates", { name: "Imprimante", entityId: lyon, categoryId: printing,
      title: "Problème d'impression", description: "Modèle, étage, message affiché ?", type: "incident", urgency: 4, impact: 4, groupId: hotline });
    expect(template.statusCode, template.body).toBe(201);
    await newRule({ name: "Accusé", conditions: [{ field: "channel", op: "in", values: ["email"] }],
      actions: [{ type: "applyTemplate", templateId: template.json().id }, { type: "reply", content: "Bonjour {{requester.name}},\n\nvotre demande n° {{ticket.id}} « {{ticket.title}} » est prise en compte par {{group.name}}." }] });
    const ticket = await newTicket({ title: "Bourrage <papier>", channel: "email" });
    expect(ticket).toMatchObject({ categoryId: printing, urgency: 4, impact: 4, groupId: hotline, type: "incident", description: "<p>Modèle, étage, message affiché ?</p>" });
    const followups = (await call(requester.cookie, "GET", `/api/tickets/${ticket.id}/followups`)).json().data;
    expect(followups).toHaveLength(1);
    expect(followups[0]).toMatchObject({ isPrivate: false, authorName: "Règle « Accusé »" });
    expect(followups[0].content).toMatch(new RegExp(`^<p>Bonjour Jean Martin\\d+,</p><p>votre demande n° ${ticket.id} « Bourrage &lt;papier&gt; » est prise en compte par Hotline N1\\.</p>$`));
    // Used by a rule, the template cannot be deleted.
    expect((await call(supervisor.cookie, "DELETE", `/api/automation/templates/${template.json().id}`)).statusCode).toBe(409);
    await dropRules();
  });

  it("keeps rules to supervisors of the rule's entity", async () => {
    const rule = await newRule({ name: "Secrète", isActive: false, conditions: [], actions: [{ type: "setPriority", value: 5 }] });
    expect((await call(tech.cookie, "GET", "/api/automation/rules")).statusCode).toBe(403);
    expect((await call(tech.cookie, "POST", "/api/automation/rules", { entityId: lyon, trigger: "created", name: "x", conditions: [], actions: [{ type: "setPriority", value: 5 }] })).statusCode).toBe(403);
    const parisSupervisor = await signedInUser(t, { entityId: paris, role: "supervisor" });
    expect((await call(parisSupervisor.cookie, "GET", "/api/automation/rules")).json().data).toEqual([]);
    expect((await call(parisSupervisor.cookie, "GET", `/api/automation/rules/${rule.id}`)).statusCode).toBe(404);
    expect((await call(parisSupervisor.cookie, "POST", `/api/automation/rules/${rule.id}/active`, { isActive: true, version: rule.version })).statusCode).toBe(404);
    const stale = await call(supervisor.cookie, "POST", `/api/automation/rules/${rule.id}/active`, { isActive: true, version: rule.version + 5 });
    expect(stale.statusCode).toBe(409);
    await dropRules();
  });
  it("matches within or outside the business hours of the SLA calendar of the ticket's entity, in a dry run and on a new ticket", async () => {
    const allDay = ["00:00-24:00"];
    const week = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
    const open = { timeZone: "Europe/Paris", week, holidays: { france: false, alsaceMoselle: false }, closures: [] };
    // Closed from yesterday to tomorrow (Paris days): closed now whatever the hour the test runs.
    const today = DateTime.now().setZone("Europe/Paris");
    const closures = [{ from: today.minus({ days: 1 }).toISODate(), to: today.plus({ days: 1 }).toISODate(), label: "Inventaire" }];
    const night = (await makeEntity(t.db, lyon, "Lyon astreinte")).id;
    for (const [entityId, name, definition] of [[lyon, "Bureaux Lyon", open], [night, "Astreinte", { ...open, closures }]] as const) {
      const res = await call(supervisor.cookie, "POST", "/api/sla/calendars", { entityId, name, definition });
      expect(res.statusCode, res.body).toBe(201);
    }
    const inOffice = await newTicket({ title: "Souris", entityId: lyon });
    const closed = await newTicket({ title: "Souris", entityId: night, requesterId: tech.user.id });
    const within = [{ field: "businessHours", op: "within" }];
    expect((await dryRun(inOffice.id, within)).conditions[0]).toMatchObject({ matched: true, actual: expect.stringContaining("(Bureaux Lyon)") });
    expect((await dryRun(closed.id, within)).conditions[0]).toMatchObject({ matched: false, actual: expect.stringContaining("(Astreinte)") });
    expect((await dryRun(closed.id, [{ field: "businessHours", op: "outside" }])).matched).toBe(true);

    await newRule({ name: "Hors heures ouvrées", conditions: [{ field: "businessHours", op: "outside" }], actions: [{ type: "setPriority", value: 5 }] });
    expect((await newTicket({ title: "Serveur arrêté", entityId: night, requesterId: tech.user.id })).priority).toBe(5);
    expect((await newTicket({ title: "Serveur arrêté", entityId: lyon })).priority).toBe(3);
    await dropRules();
  });

  it("records who created, changed, disabled and deleted a rule, setting by setting, for supervisors only", async () => {
    const rule = await newRule({ name: "Réseau", conditions: [{ field: "title", op: "contains", words: ["vpn"] }], actions: [{ type: "assignGroup", groupId: network }] });
    const saved = await call(supervisor.cookie, "PUT", `/api/automation/rules/${rule.id}`, { version: rule.version, name: "Réseau et VPN", trigger: "both",
      isActive: true, conditions: [{ field: "title", op: "contains", words: ["vpn", "wifi"] }, { field: "businessHours", op: "outside" }],
      actions: [{ type: "assignGroup", groupId: network }] });
    expect(saved.statusCode, saved.body).toBe(200);
    await call(supervisor.cookie, "POST", `/api/automation/rules/${rule.id}/active`, { isActive: false, version: saved.json().version });
    expect((await call(supervisor.cookie, "DELETE", `/api/automation/rules/${rule.id}`)).statusCode).toBe(204);
    const res = await call(supervisor.cookie, "GET", `/api/history/automation_rule/${rule.id}?limit=100`);
    expect(res.statusCode, res.body).toBe(200);
    const lines = (res.json().data as HistoryEntry[]).map((e) => [e.action, e.field, e.oldValue, e.newValue, e.actorId]);
    const who = supervisor.user.id;
    expect(lines[0]).toEqual(["delete", null, "Réseau et VPN", null, who]);
    expect(lines).toEqual(expect.arrayContaining([
      ["update", "isActive", "true", "false", who],
      ["update", "name", "Réseau", "Réseau et VPN", who],
      ["update", "trigger", "created", "both", who],
      ["update", "condition1", "title contains vpn", "title contains vpn, wifi", who],
      ["update", "condition2", null, "businessHours outside", who],
      ["create", "action1", null, "assignGroup Support N2 Réseau", who],
    ]));
    expect((await call(tech.cookie, "GET", `/api/history/automation_rule/${rule.id}`)).statusCode).toBe(403);
  });
});
