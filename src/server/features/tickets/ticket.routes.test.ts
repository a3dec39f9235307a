import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import { DEFAULT_PRIORITY_MATRIX } from "../../../shared/domain/tickets.js";

describe.each(DIALECTS)("tickets API on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let tech: { user: { id: number }; cookie: string };
  let requester: { user: { id: number }; cookie: string };
  let n2Group: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    requester = await signedInUser(t, { entityId: lyon, role: "requester" });
    n2Group = (await t.app.inject({ method: "POST", url: "/api/groups", headers: { cookie: t.adminCookie },
      payload: { name: "Réseau N2", entityId: t.rootId } })).json().id;
  });
  afterAll(async () => { await t.close(); });

  const call = (cookie: string, method: "GET" | "POST" | "PATCH" | "PUT", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const open = async (payload: object = {}) => {
    const res = await call(tech.cookie, "POST", "/api/tickets", { title: "Imprimante HS au 2e", requesterId: requester.user.id, channel: "phone", ...payload });
    expect(res.statusCode).toBe(201);
    return res.json();
  };

  it("opens a ticket with its priority from urgency × impact, in the requester's entity", async () => {
    const ticket = await open({ urgency: 5, impact: 4, callSeconds: 95, description: "<p>Bourrage</p><script>alert(1)</script>" });
    expect(ticket).toMatchObject({ entityId: lyon, status: "new", level: 1, priority: 5, channel: "phone", callSeconds: 95, version: 1,
      description: "<p>Bourrage</p>" });
    expect(ticket.requesterName).toMatch(/^Jean Martin/);
  });

  it("lists every problem of a bad ticket", async () => {
    const res = await call(tech.cookie, "POST", "/api/tickets", { title: "x", urgency: 9, channel: "pigeon" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(["body.title", "body.urgency", "body.channel"]));
  });

  it("follows the life cycle and refuses illegal moves", async () => {
    let ticket = await open();
    ticket = (await call(tech.cookie, "POST", `/api/tickets/${ticket.id}/take`, { version: ticket.version })).json();
    expect(ticket).toMatchObject({ status: "assigned", assigneeId: tech.user.id });
    const techId = tech.user.id;
    const noReason = await call(tech.cookie, "POST", `/api/tickets/${ticket.id}/status`, { version: ticket.version, status: "pending" });
    expect(noReason.json().error.issues[0].path).toBe("body.reason");
    ticket = (await call(tech.cookie, "POST", `/api/tickets/${ticket.id}/status`, { version: ticket.version, status: "pending", reason: "Attente pièce" })).json();
    expect(ticket).toMatchObject({ status: "pending", pendingReason: "Attente pièce" });
    ticket = (await call(tech.cookie, "POST", `/api/tickets/${ticket.id}/status`, { version: ticket.version, status: "solved" })).json();
    expect(ticket.solvedAt).not.toBeNull();
    const illegal = await call(tech.cookie, "POST", `/api/tickets/${ticket.id}/status`, { version: ticket.version, status: "pending", reason: "x" });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error.code).toBe("TICKET_TRANSITION_INVALID");
    ticket = (await call(tech.cookie, "POST", `/api/tickets/${ticket.id}/status`, { version: ticket.version, status: "in_progress", reason: "Toujours en panne" })).json();
    expect(ticket).toMatchObject({ status: "in_progress", solvedAt: null });
    const history = (await call(tech.cookie, "GET", `/api/history/ticket/${ticket.id}?limit=200`)).json();
    expect(history.data.filter((h: { field: string }) => h.field === "status").map((h: { newValue: string }) => h.newValue).reverse())
      .toEqual(["assigned", "pending", "solved", "in_progress"]);
    // The history keeps the technician's id and shows their name.
    const name = await t.db.selectFrom("app_user").select(["first_name", "last_name"]).where("id", "=", techId).executeTakeFirstOrThrow();
    expect(history.data.find((h: { field: string }) => h.field === "assigneeId"))
      .toMatchObject({ oldValue: null, oldLabel: null, newValue: String(techId), newLabel: `${name.first_name} ${name.last_name}` });
  });

  it("refuses a stale version with 409 instead of overwriting", async () => {
    const ticket = await open();
    const first = await call(tech.cookie, "PATCH", `/api/tickets/${ticket.id}`, { version: 1, title: "Imprimante HS — bac 2" });
    expect(first.json().version).toBe(2);
    const second = await call(t.adminCookie, "PATCH", `/api/tickets/${ticket.id}`, { version: 1, urgency: 1 });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe("TICKET_VERSION_CONFLICT");
    const now = (await call(tech.cookie, "GET", `/api/tickets/${ticket.id}`)).json();
    expect(now).toMatchObject({ title: "Imprimante HS — bac 2", urgency: 3 });
  });

  it("escalates to a N2 group with a private note, and the N2 queue sees it", async () => {
    const ticket = await open();
    const res = await call(tech.cookie, "POST", `/api/tickets/${ticket.id}/escalate`, { version: ticket.version, level: 2, groupId: n2Group, note: "Switch à vérifier" });
    expect(res.json()).toMatchObject({ level: 2, groupId: n2Group, groupName: "Réseau N2", status: "assigned", assigneeId: null });
    const n2 = await signedInUser(t, { entityId: t.rootId, role: "technician" });
    await t.app.inject({ method: "POST", url: `/api/groups/${n2Group}/members`, headers: { cookie: t.adminCookie }, payload: { userId: n2.user.id } });
    const queue = (await call(n2.cookie, "GET", "/api/tickets?view=my_groups")).json();
    expect(queue.data.map((x: { id: number }) => x.id)).toContain(ticket.id);
    const staffTimeline = (await call(tech.cookie, "GET", `/api/tickets/${ticket.id}/followups`)).json();
    expect(staffTimeline.data).toEqual([expect.objectContaining({ kind: "escalation", isPrivate: true, content: "Switch à vérifier" })]);
    const requesterTimeline = (await call(requester.cookie, "GET", `/api/tickets/${ticket.id}/followups`)).json();
    expect(requesterTimeline.data).toEqual([]);
  });

  it("lets a requester open and follow their own tickets only", async () => {
    const mine = await call(requester.cookie, "POST", "/api/tickets", { title: "Mot de passe oublié", urgency: 4 });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ requesterId: requester.user.id, channel: "portal", urgency: 4 });
    const assign = await call(requester.cookie, "POST", "/api/tickets", { title: "Je m'assigne", assigneeId: tech.user.id });
    expect(assign.statusCode).toBe(403);
    const other = await open({ requesterId: undefined, contactName: "Visiteur", contactPhone: "04 00 00 00 00" });
    expect((await call(requester.cookie, "GET", `/api/tickets/${other.id}`)).statusCode).toBe(403);
    const list = (await call(requester.cookie, "GET", "/api/tickets?view=all&limit=200")).json();
    expect(list.data.every((x: { requesterId: number }) => x.requesterId === requester.user.id)).toBe(true);
    const followup = await call(requester.cookie, "POST", `/api/tickets/${mine.json().id}/followups`, { content: "Toujours bloqué", isPrivate: true });
    expect(followup.json()).toMatchObject({ isPrivate: false });
    expect((await call(requester.cookie, "PATCH", `/api/tickets/${mine.json().id}`, { version: 1, title: "Changé" })).statusCode).toBe(403);
  });

  it("pages the queue by last update without repeats, and filters", async () => {
    const created = [];
    for (let i = 0; i < 5; i++) created.push((await open({ title: `Poste ${i} lent`, urgency: 1 + i })).id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/tickets?view=all&limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await call(tech.cookie, "GET", url)).json();
      seen.push(...page.data.map((x: { id: number }) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(created));
    const urgent = (await call(tech.cookie, "GET", "/api/tickets?view=all&priority=5&sort=priority")).json();
    expect(urgent.data.length).toBeGreaterThan(0);
    expect(urgent.data.every((x: { priority: number }) => x.priority === 5)).toBe(true);
    const bad = await call(tech.cookie, "GET", "/api/tickets?status=lost");
    expect(bad.statusCode).toBe(400);
  });

  it("counts the tickets of each queue, as the requester sees only their own", async () => {
    const before = (await call(tech.cookie, "GET", "/api/tickets/counts")).json();
    const ticket = await open({ dueAt: "2020-01-01T00:00:00.000Z" });
    await call(tech.cookie, "POST", `/api/tickets/${ticket.id}/take`, { version: 1 });
    const after = (await call(tech.cookie, "GET", "/api/tickets/counts")).json();
    expect(after.open).toBe(before.open + 1);
    expect(after.mine).toBe(before.mine + 1);
    expect(after.late).toBe(before.late + 1);
    const list = (await call(tech.cookie, "GET", "/api/tickets?view=late&limit=200")).json();
    expect(list.data.length).toBe(after.late);
    const own = (await call(requester.cookie, "GET", "/api/tickets/counts")).json();
    const ownList = (await call(requester.cookie, "GET", "/api/tickets?view=open&limit=200")).json();
    expect(own.open).toBe(ownList.data.length);
  });

  it("uses the admin's priority matrix for new tickets, and only the organisation's admin may change it", async () => {
    const matrix = Array.from({ length: 5 }, () => [1, 1, 1, 1, 1]);
    expect((await call(tech.cookie, "PUT", "/api/settings/priority-matrix", { matrix })).statusCode).toBe(403);
    const bad = await call(t.adminCookie, "PUT", "/api/settings/priority-matrix", { matrix: [[9]] });
    expect(bad.statusCode).toBe(400);
    expect((await call(t.adminCookie, "PUT", "/api/settings/priority-matrix", { matrix })).statusCode).toBe(200);
    expect((await open({ urgency: 5, impact: 5 })).priority).toBe(1);
    await call(t.adminCookie, "PUT", "/api/settings/priority-matrix", { matrix: DEFAULT_PRIORITY_MATRIX });
    expect((await open({ urgency: 5, impact: 5 })).priority).toBe(5);
  });

  it("adds the duration of a new call about a ticket to its call time; a requester cannot", async () => {
    const ticket = await open({ callSeconds: 120 });
    await call(tech.cookie, "POST", `/api/tickets/${ticket.id}/followups`, { content: "Rappel de l'utilisateur", callSeconds: 45 });
    await call(requester.cookie, "POST", `/api/tickets/${ticket.id}/followups`, { content: "Toujours en panne", callSeconds: 999 });
    const after = (await call(tech.cookie, "GET", `/api/tickets/${ticket.id}`)).json();
    expect(after.callSeconds).toBe(165);
    const history = (await call(tech.cookie, "GET", `/api/history/ticket/${ticket.id}`)).json().data;
    expect(history).toEqual(expect.arrayContaining([expect.objectContaining({ field: "callSeconds", oldValue: "120", newValue: "165" })]));
  });
});
