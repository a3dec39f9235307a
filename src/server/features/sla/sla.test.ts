import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { HistoryEntry } from "../../../shared/api/history.js";
import type { SlaCalendar, SlaPolicy, TicketSla } from "../../../shared/api/sla.js";
import type { Ticket } from "../../../shared/api/tickets.js";
import { officeCalendar, showWallTime, wallTime } from "./calendar/test-calendars.test-support.js";
import { runEscalations } from "./sla-escalation.js";
import { recomputeDeadlines } from "./sla-recompute.js";

type Caller = { login: string; id: number; cookie: string };
const PASSWORD = "password-for-tests";
const HOUR = 60;

/** Paris wall time of an ISO instant, "Mon 2026-11-23 10:00", or null. */
const wall = (iso: string | null | undefined) => (iso ? showWallTime(new Date(iso)) : null);

describe.each(DIALECTS)("SLA on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let lyonSite: number;
  let paris: number;
  let supervisor: Caller;
  let tech: Caller;
  let parisSupervisor: Caller;
  let requester: Caller;
  let groupId: number;
  let escalationGroupId: number;

  const callers: Caller[] = [];
  async function user(entityId: number, role: "requester" | "technician" | "supervisor"): Promise<Caller> {
    const { user: u, cookie } = await signedInUser(t, { entityId, role });
    const caller = { login: u.login, id: u.id, cookie };
    callers.push(caller);
    return caller;
  }
  /** Moves the clock (Date only) and signs everyone in again, their sessions being dated by the clock. */
  async function at(paris: string): Promise<void> {
    vi.setSystemTime(wallTime(paris));
    for (const c of callers) c.cookie = await t.login(c.login, PASSWORD);
  }
  const call = (c: Caller, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: c.cookie }, ...(payload ? { payload } : {}) });
  async function ok<T>(c: Caller, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object): Promise<T> {
    const res = await call(c, method, url, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as T;
  }
  const ticket = (id: number) => ok<Ticket>(tech, "GET", `/api/tickets/${id}`);
  const open = (title: string, extra: object = {}) =>
    ok<Ticket>(tech, "POST", "/api/tickets", { title, entityId: lyonSite, urgency: 3, impact: 3, groupId, ...extra });

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(wallTime("2026-11-16 08:00"));
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    lyonSite = (await makeEntity(t.db, lyon, "Lyon Gerland")).id;
    paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
    supervisor = await user(lyon, "supervisor");
    tech = await user(lyon, "technician");
    parisSupervisor = await user(paris, "supervisor");
    requester = await user(lyon, "requester");
    const at0 = new Date().toISOString();
    const group = async (name: string) => (await t.db.insertInto("user_group")
      .values({ name, sort_name: name.toLowerCase(), description: null, entity_id: lyon, recursive: 1, created_at: at0, updated_at: at0 })
      .returning("id").executeTakeFirstOrThrow()).id;
    groupId = await group("Support N1");
    escalationGroupId = await group("Support N2");
    await t.db.insertInto("group_member").values([
      { group_id: groupId, user_id: tech.id, is_manager: 0, created_at: at0, notifications_read_to: null, notifications_read_at: null },
      { group_id: groupId, user_id: supervisor.id, is_manager: 1, created_at: at0, notifications_read_to: null, notifications_read_at: null },
    ]).execute();
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
  });

  it("refuses a calendar whose ranges overlap, naming the day and range, and lets only supervisors of the entity save one", async () => {
    const week = { ...officeCalendar().week, tue: ["09:00-12:30", "12:00-18:00"] };
    const bad = await call(supervisor, "POST", "/api/sla/calendars", { entityId: lyon, name: "Bureaux", definition: { ...officeCalendar(), week } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: "body.definition.week.tue.1", message: expect.stringContaining("overlaps") })]));
    const denied = await call(tech, "POST", "/api/sla/calendars", { entityId: lyon, name: "Bureaux", definition: officeCalendar() });
    expect(denied.statusCode).toBe(403);
    const elsewhere = await call(parisSupervisor, "POST", "/api/sla/calendars", { entityId: lyon, name: "Bureaux", definition: officeCalendar() });
    expect(elsewhere.statusCode).toBe(403);
  });

  let calendar: SlaCalendar;
  let policy: SlaPolicy;

  it("gives Lyon office hours with French holidays and an SLA per priority, inherited by Lyon Gerland", async () => {
    calendar = await ok<SlaCalendar>(supervisor, "POST", "/api/sla/calendars", { entityId: lyon, name: "Bureaux Lyon", definition: officeCalendar() });
    expect(calendar.definition.week.mon).toEqual(["09:00-12:00", "14:00-18:00"]);
    const twice = await call(supervisor, "POST", "/api/sla/calendars", { entityId: lyon, name: "Encore", definition: officeCalendar() });
    expect(twice.statusCode).toBe(409);
    policy = await ok<SlaPolicy>(supervisor, "POST", "/api/sla/policies", {
      name: "Standard", entityId: lyon, isRecursive: true, categoryId: null, isActive: true,
      targets: [{ priority: 3, ownMinutes: 2 * HOUR, resolveMinutes: 8 * HOUR }, { priority: 5, ownMinutes: 30, resolveMinutes: 4 * HOUR }],
      levels: [{ target: "resolve", trigger: "share", percent: 50, notify: ["assignee", "group", "supervisor"], groupId: null, raisePriority: true }],
    });
    expect(policy.levels[0]!.id).toMatch(/^[a-z0-9]+$/);
    expect((await ok<{ data: SlaPolicy[] }>(supervisor, "GET", "/api/sla/policies")).data.map((p) => p.name)).toContain("Standard");
    expect((await call(parisSupervisor, "GET", `/api/sla/policies/${policy.id}`)).statusCode).toBe(404);
    expect((await call(parisSupervisor, "GET", `/api/sla/calendars/${calendar.id}`)).statusCode).toBe(404);
    expect((await ok<{ data: SlaPolicy[] }>(parisSupervisor, "GET", "/api/sla/policies")).data).toEqual([]);
  });

  it("refuses an escalation level that cannot apply", async () => {
    const res = await call(supervisor, "POST", "/api/sla/policies", {
      name: "Cassé", entityId: lyon, isRecursive: true, categoryId: null, isActive: true,
      targets: [{ priority: 2, ownMinutes: null, resolveMinutes: 8 * HOUR }],
      levels: [{ target: "own", trigger: "share", percent: 75, notify: ["group"] }, { target: "resolve", trigger: "after", minutesAfter: 0 }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual(["body.levels.0.target", "body.levels.1"]);
  });

  it("sets a new ticket's deadlines in business hours: Friday 17:00 + 2 h is Monday 10:00, + 8 h Monday 18:00", async () => {
    await at("2026-11-20 17:00");
    const created = await open("Imprimante du 2e étage");
    expect(created.priority).toBe(3);
    expect(wall(created.sla?.ownDueAt)).toBe("Mon 2026-11-23 10:00");
    expect(wall(created.sla?.resolveDueAt)).toBe("Mon 2026-11-23 18:00");
    expect(wall(created.sla?.nextDueAt)).toBe("Mon 2026-11-23 10:00");
    // 75 % of two hours: Friday's last hour and half an hour on Monday.
    expect(wall(created.sla?.nextWarnAt)).toBe("Mon 2026-11-23 09:30");
  });

  it("pauses the clock while the ticket is pending and pushes the deadlines by the business time paused", async () => {
    await at("2026-11-20 17:00");
    const created = await open("Accès VPN");
    await at("2026-11-23 09:30");
    const paused = await ok<Ticket>(tech, "POST", `/api/tickets/${created.id}/status`, { version: created.version, status: "pending", reason: "Attente du demandeur" });
    expect(paused.sla?.pausedAt).not.toBeNull();
    expect(paused.sla?.ownDueAt).toBeNull();
    const sla = await ok<TicketSla>(tech, "GET", `/api/sla/tickets/${created.id}`);
    expect(sla.own).toMatchObject({ state: "paused", leftMinutes: 30, dueAt: null });
    await at("2026-11-23 14:30");
    const resumed = await ok<Ticket>(tech, "POST", `/api/tickets/${created.id}/status`, { version: paused.version, status: "in_progress" });
    // Three business hours paused (9:30-12:00, 14:00-14:30); in progress means a technician has it: own is met.
    expect(wall(resumed.sla?.ownMetAt)).toBe("Mon 2026-11-23 14:30");
    expect(wall(resumed.sla?.resolveDueAt)).toBe("Tue 2026-11-24 12:00");
    expect(wall(resumed.sla?.nextDueAt)).toBe("Tue 2026-11-24 12:00");
    const after = await ok<TicketSla>(tech, "GET", `/api/sla/tickets/${created.id}`);
    expect(after.own?.state).toBe("met");
    // 1 h 30 of business time run (Friday 17-18, Monday 9:00-9:30): 6 h 30 left.
    expect(after.resolve).toMatchObject({ state: "ok", leftMinutes: 6 * HOUR + 30 });
  });

  it("recomputes the deadlines when the priority changes, and marks own met when a technician takes the ticket", async () => {
    await at("2026-11-23 09:00");
    const created = await open("Serveur de fichiers lent");
    const raised = await ok<Ticket>(tech, "PATCH", `/api/tickets/${created.id}`, { version: created.version, urgency: 5, impact: 5 });
    expect(raised.priority).toBe(5);
    expect(wall(raised.sla?.ownDueAt)).toBe("Mon 2026-11-23 09:30");
    expect(wall(raised.sla?.resolveDueAt)).toBe("Mon 2026-11-23 15:00");
    await at("2026-11-23 09:20");
    const taken = await ok<Ticket>(tech, "POST", `/api/tickets/${created.id}/take`, { version: raised.version });
    expect(wall(taken.sla?.ownMetAt)).toBe("Mon 2026-11-23 09:20");
    expect(wall(taken.sla?.nextDueAt)).toBe("Mon 2026-11-23 15:00");
  });

  it("meets the time to own at a technician's first public answer, not at a private note nor at the requester's followup", async () => {
    await at("2026-11-24 09:00");
    const created = await open("Wi-Fi de la salle de réunion", { requesterId: requester.id });
    const say = (c: Caller, content: string, isPrivate = false) => ok(c, "POST", `/api/tickets/${created.id}/followups`, { content, isPrivate });
    await at("2026-11-24 09:10");
    await say(requester, "Toujours en panne ce matin.");
    await say(tech, "Note : redémarrer la borne du 3e.", true);
    expect((await ticket(created.id)).sla?.ownMetAt).toBeNull();
    await at("2026-11-24 09:25");
    await say(tech, "Bonjour, je redémarre la borne.");
    await at("2026-11-24 09:40");
    await say(supervisor, "Un second message ne change rien.");
    const answered = await ticket(created.id);
    expect(wall(answered.sla?.ownMetAt)).toBe("Tue 2026-11-24 09:25");
    expect(answered.sla?.nextDueAt).toBe(answered.sla?.resolveDueAt);
    expect((await ok<TicketSla>(tech, "GET", `/api/sla/tickets/${created.id}`)).own?.state).toBe("met");
  });

  it("skips Ascension and Whit Monday", async () => {
    await at("2026-05-13 17:00");
    const beforeAscension = await open("Écran noir");
    expect(wall(beforeAscension.sla?.resolveDueAt)).toBe("Fri 2026-05-15 18:00");
    await at("2026-05-22 17:00");
    const beforeWhitMonday = await open("Clavier");
    expect(wall(beforeWhitMonday.sla?.ownDueAt)).toBe("Tue 2026-05-26 10:00");
  });

  it("lists late and at-risk tickets and sorts the queue by deadline", async () => {
    await at("2026-11-30 08:00");
    const early = await open("Late one");
    const later = await open("Later one", { urgency: 1, impact: 1 });
    expect(later.sla).toBeNull(); // priority 1 has no target
    await at("2026-11-30 10:45"); // 105 of 120 minutes used: at risk
    const ids = async (query: string) => (await ok<{ data: Ticket[] }>(tech, "GET", `/api/tickets?view=all&limit=100&${query}`)).data.map((x) => x.id);
    expect(await ids("sla=at_risk")).toContain(early.id);
    expect(await ids("sla=late")).not.toContain(early.id);
    await at("2026-11-30 11:01");
    expect(await ids("sla=late")).toContain(early.id);
    const sorted = await ok<{ data: Ticket[] }>(tech, "GET", "/api/tickets?view=open&sort=deadline&limit=100");
    const dues = sorted.data.map((x) => x.sla?.nextDueAt ?? "");
    expect(dues).toEqual([...dues].sort());
    expect(sorted.data.map((x) => x.id)).not.toContain(later.id);
  });

  it("fires an escalation level once: notifies, raises the priority and records it", async () => {
    await at("2026-12-01 09:00");
    const created = await open("Messagerie en panne", { assigneeId: tech.id });
    const warnings = () => t.db.selectFrom("notification").select(["user_id", "group_id"]).where("ticket_id", "=", created.id)
      .where("kind", "=", "sla_warning").orderBy("id").execute();
    await at("2026-12-01 14:59"); // 3 h 59 of 8 h (lunch 12-14)
    await runEscalations(t.db);
    expect(await warnings()).toEqual([]);
    await at("2026-12-01 15:01");
    await runEscalations(t.db);
    await runEscalations(t.db);
    const after = await ticket(created.id);
    expect(after.priority).toBe(4);
    // The assignee, the group (one row its members share, the assignee skipped) and the group's manager.
    expect(await warnings()).toEqual([{ user_id: tech.id, group_id: null }, { user_id: null, group_id: groupId }, { user_id: supervisor.id, group_id: null }]);
    const history = await t.db.selectFrom("history").select("new_value").where("record_id", "=", created.id).where("field", "=", "slaEscalation").execute();
    expect(history).toHaveLength(1);
    const sla = await ok<TicketSla>(tech, "GET", `/api/sla/tickets/${created.id}`);
    expect(sla.escalations).toHaveLength(1);
    // This SLA has no target for priority 4: the escalated ticket keeps its SLA and deadlines rather than losing them.
    expect(sla.slaId).toBe(policy.id);
    expect(after.sla?.resolveDueAt).toBe(created.sla?.resolveDueAt);
    await recomputeDeadlines(t.db, lyon);
    expect((await ticket(created.id)).sla?.resolveDueAt).toBe(created.sla?.resolveDueAt);
    // Lowering a ticket to a priority without a target takes it out of the SLA, as creating it there would.
    const lowered = await ok<Ticket>(tech, "PATCH", `/api/tickets/${created.id}`, { version: after.version, urgency: 1, impact: 1 });
    expect(lowered.priority).toBe(1);
    expect(lowered.sla).toBeNull();
  });

  it("fires each level once when two workers run at the same time", async () => {
    await at("2026-12-02 09:00");
    const tickets = await Promise.all([1, 2, 3].map((n) => open(`Poste ${n}`)));
    await at("2026-12-02 15:01");
    await Promise.all([runEscalations(t.db), runEscalations(t.db)]);
    const ids = tickets.map((x) => x.id);
    const fired = await t.db.selectFrom("sla_escalation").select("ticket_id").where("ticket_id", "in", ids).execute();
    expect(fired.map((f) => f.ticket_id).sort()).toEqual(ids.sort());
    const groupWarnings = await t.db.selectFrom("notification").select("ticket_id").where("ticket_id", "in", ids)
      .where("kind", "=", "sla_warning").where("group_id", "=", groupId).execute();
    expect(groupWarnings).toHaveLength(3);
    for (const x of tickets) expect((await ticket(x.id)).priority).toBe(4);
  });

  it("reassigns to a group from an escalation level after the deadline", async () => {
    const late = await ok<SlaPolicy>(supervisor, "PATCH", `/api/sla/policies/${policy.id}`, {
      version: policy.version,
      targets: [...policy.targets, { priority: 4, ownMinutes: HOUR, resolveMinutes: 6 * HOUR }],
      levels: [...policy.levels, { target: "resolve", trigger: "after", minutesAfter: 30, notify: [], groupId: escalationGroupId, raisePriority: false }],
    });
    expect(late.levels).toHaveLength(2);
    expect(late.levels[0]!.id).toBe(policy.levels[0]!.id);
    policy = late;
    await at("2026-12-03 09:00");
    const created = await open("Onduleur");
    await at("2026-12-03 15:10");
    await runEscalations(t.db);
    // 50 % used: the first level raised the priority to 4, whose 6 h target makes the ticket due at 17:00.
    expect(wall((await ticket(created.id)).sla?.resolveDueAt)).toBe("Thu 2026-12-03 17:00");
    expect((await ticket(created.id)).groupId).toBe(groupId);
    await at("2026-12-03 17:29");
    await runEscalations(t.db);
    expect((await ticket(created.id)).groupId).toBe(groupId);
    await at("2026-12-03 17:31");
    await runEscalations(t.db);
    expect((await ticket(created.id)).groupId).toBe(escalationGroupId);
  });

  it("recomputes the open tickets' deadlines when the calendar changes", async () => {
    await at("2026-12-04 17:00");
    const created = await open("Badge");
    expect(wall(created.sla?.ownDueAt)).toBe("Mon 2026-12-07 10:00");
    const allDay = ["00:00-24:00"];
    const changed = await ok<SlaCalendar>(supervisor, "PATCH", `/api/sla/calendars/${calendar.id}`, {
      version: calendar.version, definition: { ...officeCalendar(), week: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay } },
    });
    expect(changed.version).toBe(2);
    const job = await t.db.selectFrom("job").select("payload").where("name", "=", "sla.recompute").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(JSON.parse(job.payload)).toEqual({ entityId: lyon });
    expect(await recomputeDeadlines(t.db, lyon)).toBeGreaterThan(0);
    expect(wall((await ticket(created.id)).sla?.ownDueAt)).toBe("Fri 2026-12-04 19:00");
  });
  it("keeps the history of calendars and SLAs, setting by setting, for those who manage them", async () => {
    type Line = [string, string | null, string | null, string | null];
    const history = async (type: string, id: number): Promise<Line[]> =>
      (await ok<{ data: HistoryEntry[] }>(supervisor, "GET", `/api/history/${type}/${id}?limit=100`)).data.map((e) => [e.action, e.field, e.oldValue, e.newValue]);
    const calendarLines = await history("sla_calendar", calendar.id);
    expect(calendarLines).toContainEqual(["create", "name", null, "Bureaux Lyon"]);
    expect(calendarLines).toContainEqual(["update", "mon", "09:00-12:00, 14:00-18:00", "00:00-24:00"]);
    expect(calendarLines).toContainEqual(["update", "sat", null, "00:00-24:00"]);
    const policyLines = await history("sla_policy", policy.id);
    expect(policyLines).toContainEqual(["update", "own4", null, "60"]);
    expect(policyLines).toContainEqual(["update", "level2", null, "resolve · +30 min · → Support N2"]);
    expect((await call(tech, "GET", `/api/history/sla_policy/${policy.id}`)).statusCode).toBe(403);

    const temporary = await ok<SlaPolicy>(supervisor, "POST", "/api/sla/policies", { name: "Temporaire", entityId: lyon, isRecursive: false,
      categoryId: null, isActive: false, targets: [{ priority: 1, ownMinutes: null, resolveMinutes: 40 * HOUR }], levels: [] });
    await ok(supervisor, "PATCH", `/api/sla/policies/${temporary.id}`, { version: temporary.version, isActive: true });
    await ok(supervisor, "DELETE", `/api/sla/policies/${temporary.id}`);
    const lines = await history("sla_policy", temporary.id);
    expect(lines[0]).toEqual(["delete", null, "Temporaire", null]);
    expect(lines).toContainEqual(["update", "isActive", "false", "true"]);
    expect(lines).toContainEqual(["create", "resolve1", null, "2400"]);
    const entry = (await ok<{ data: HistoryEntry[] }>(supervisor, "GET", `/api/history/sla_policy/${temporary.id}`)).data[0]!;
    expect(entry).toMatchObject({ actorId: supervisor.id });
  });
});
