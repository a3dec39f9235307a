import { purgeOldNotifications } from "./notification.jobs.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import { now } from "../../db/values.js";
import { notifyDueSoon } from "./notify.js";

type Person = { user: { id: number }; cookie: string };

describe.each(DIALECTS)("notifications on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let alice: Person;
  let bruno: Person;
  let chloe: Person;
  let dora: Person;
  let requester: Person;
  let group: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    const technician = () => signedInUser(t, { entityId: lyon, role: "technician" });
    [alice, bruno, chloe, dora] = [await technician(), await technician(), await technician(), await technician()];
    requester = await signedInUser(t, { entityId: lyon, role: "requester" });
    group = (await call(t.adminCookie, "POST", "/api/groups", { name: "Support N1 Lyon", entityId: lyon })).json().id;
    for (const member of [alice, bruno, chloe, dora]) {
      await call(t.adminCookie, "POST", `/api/groups/${group}/members`, { userId: member.user.id });
    }
    // A member who left the company hears nothing.
    await t.db.updateTable("app_user").set({ is_active: 0 }).where("id", "=", dora.user.id).execute();
  });
  afterAll(async () => { await t.close(); });

  function call(cookie: string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) {
    return t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  }
  async function open(payload: object = {}) {
    const res = await call(alice.cookie, "POST", "/api/tickets", { title: "Écran noir au 3e", requesterId: requester.user.id, ...payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; version: number };
  }
  type Told = { id: number; kind: string; ticketId: number | null; readAt: string | null };
  async function bell(person: Person): Promise<Told[]> {
    return (await call(person.cookie, "GET", "/api/notifications?limit=100")).json().data;
  }
  /** What each user sees in their bell about this ticket, as kinds, oldest first. */
  async function told(ticketId: number) {
    const byUser: Record<number, string[]> = {};
    for (const person of [alice, bruno, chloe, requester]) {
      const kinds = (await bell(person)).filter((n) => n.ticketId === ticketId).map((n) => n.kind).reverse();
      if (kinds.length > 0) byUser[person.user.id] = kinds;
    }
    return byUser;
  }

  it("tells the technician a ticket was assigned to them, never the one who did it", async () => {
    const created = await open({ assigneeId: bruno.user.id });
    expect(await told(created.id)).toEqual({ [bruno.user.id]: ["assigned_to_me"] });
    const taken = await open();
    await call(alice.cookie, "POST", `/api/tickets/${taken.id}/take`, { version: taken.version });
    expect(await told(taken.id)).toEqual({});
    await call(alice.cookie, "PATCH", `/api/tickets/${taken.id}`, { version: 2, assigneeId: chloe.user.id });
    expect(await told(taken.id)).toEqual({ [chloe.user.id]: ["assigned_to_me"] });
    const row = await t.db.selectFrom("notification").selectAll().where("ticket_id", "=", taken.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ actor_id: alice.user.id, title: "Écran noir au 3e", read_at: null });
  });

  it("tells every active member of a new group but the actor and the technician told on their own", async () => {
    const ticket = await open({ groupId: group, assigneeId: chloe.user.id });
    expect(await told(ticket.id)).toEqual({ [bruno.user.id]: ["assigned_to_group"], [chloe.user.id]: ["assigned_to_me"] });
    const escalated = await open();
    const n2 = (await call(t.adminCookie, "POST", "/api/groups", { name: "Réseau N2", entityId: lyon })).json().id;
    await call(t.adminCookie, "POST", `/api/groups/${n2}/members`, { userId: chloe.user.id });
    await call(alice.cookie, "POST", `/api/tickets/${escalated.id}/escalate`, { version: escalated.version, level: 2, groupId: n2, note: "Switch" });
    expect(await told(escalated.id)).toEqual({ [chloe.user.id]: ["assigned_to_group"] });
  });

  it("tells the requester, the technician and the observers of a new followup; a private note skips the requester", async () => {
    const ticket = await open({ assigneeId: bruno.user.id });
    await t.db.insertInto("ticket_observer").values({ ticket_id: ticket.id, user_id: chloe.user.id, created_at: now() }).execute();
    await t.db.deleteFrom("notification").where("ticket_id", "=", ticket.id).execute();
    await call(alice.cookie, "POST", `/api/tickets/${ticket.id}/followups`, { content: "Câble changé", isPrivate: true });
    expect(await told(ticket.id)).toEqual({ [bruno.user.id]: ["followup"], [chloe.user.id]: ["followup"] });
    await call(requester.cookie, "POST", `/api/tickets/${ticket.id}/followups`, { content: "Toujours noir" });
    expect(await told(ticket.id)).toEqual({ [bruno.user.id]: ["followup", "followup"], [chloe.user.id]: ["followup", "followup"] });
    await call(bruno.cookie, "POST", `/api/tickets/${ticket.id}/followups`, { content: "Je passe à 14 h" });
    expect(await told(ticket.id)).toEqual({ [bruno.user.id]: ["followup", "followup"], [chloe.user.id]: ["followup", "followup", "followup"],
      [requester.user.id]: ["followup"] });
  });

  it("tells the technician, or else the group, that the requester refused the solution", async () => {
    for (const assigned of [{ assigneeId: bruno.user.id }, { groupId: group }]) {
      const ticket = await open(assigned);
      await t.db.deleteFrom("notification").where("ticket_id", "=", ticket.id).execute();
      await call(alice.cookie, "POST", `/api/tickets/${ticket.id}/solution`, { version: ticket.version, content: "Redémarré" });
      const refused = await call(requester.cookie, "POST", `/api/tickets/${ticket.id}/approval`, { accept: false, reason: "Toujours noir" });
      expect(refused.statusCode).toBe(200);
      const kinds = await told(ticket.id);
      const expected = "assigneeId" in assigned ? [bruno] : [alice, bruno, chloe];
      expect(Object.keys(kinds).map(Number).sort()).toEqual(expected.map((p) => p.user.id).sort());
      expect(Object.values(kinds).flat().every((k) => k === "solution_refused")).toBe(true);
    }
  });

  it("warns of a ticket due within two hours once per due date", async () => {
    const inOneHour = new Date(Date.now() + 3600_000).toISOString();
    const mine = await open({ assigneeId: bruno.user.id, dueAt: inOneHour });
    const ours = await open({ groupId: group, dueAt: inOneHour });
    const later = await open({ assigneeId: bruno.user.id, dueAt: new Date(Date.now() + 5 * 3600_000).toISOString() });
    await t.db.deleteFrom("notification").where("ticket_id", "in", [mine.id, ours.id, later.id]).execute();
    await notifyDueSoon(t.db);
    await notifyDueSoon(t.db);
    expect(await told(mine.id)).toEqual({ [bruno.user.id]: ["due_soon"] });
    expect(await told(ours.id)).toEqual({ [alice.user.id]: ["due_soon"], [bruno.user.id]: ["due_soon"], [chloe.user.id]: ["due_soon"] });
    expect(await told(later.id)).toEqual({});
    // Pushed back by a day, the ticket warns again the day after, when the new date comes near.
    const pushed = new Date(Date.now() + 25 * 3600_000).toISOString();
    await call(alice.cookie, "PATCH", `/api/tickets/${mine.id}`, { version: mine.version, dueAt: pushed });
    await notifyDueSoon(t.db, new Date(Date.now() + 24 * 3600_000));
    expect(await told(mine.id)).toEqual({ [bruno.user.id]: ["due_soon", "due_soon"] });
  });

  it("lists my notifications newest first, counts the unread and marks them read", async () => {
    const erin = await signedInUser(t, { entityId: lyon, role: "technician" });
    const first = await open({ assigneeId: erin.user.id, title: "Premier" });
    await open({ assigneeId: erin.user.id, title: "Deuxième" });
    await open({ assigneeId: erin.user.id, title: "Troisième" });
    expect((await call(erin.cookie, "GET", "/api/notifications/unread-count")).json()).toEqual({ count: 3 });
    const page1 = (await call(erin.cookie, "GET", "/api/notifications?limit=2")).json();
    expect(page1.data.map((n: { title: string }) => n.title)).toEqual(["Troisième", "Deuxième"]);
    expect(page1.data[0]).toMatchObject({ kind: "assigned_to_me", actorName: expect.stringMatching(/^Jean Martin/), readAt: null });
    const page2 = (await call(erin.cookie, "GET", `/api/notifications?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2).toMatchObject({ data: [{ title: "Premier", ticketId: first.id }], nextCursor: null });
    const someoneElses = (await t.db.selectFrom("notification").select("id").where("user_id", "=", bruno.user.id).executeTakeFirstOrThrow()).id;
    const read = await call(erin.cookie, "POST", "/api/notifications/read", { ids: [page2.data[0].id, someoneElses] });
    expect(read.json()).toEqual({ count: 2 });
    const brunos = await t.db.selectFrom("notification").select("read_at").where("id", "=", someoneElses).executeTakeFirstOrThrow();
    expect(brunos.read_at).toBeNull();
    expect((await call(erin.cookie, "POST", "/api/notifications/read", { all: true })).json()).toEqual({ count: 0 });
    expect((await call(erin.cookie, "POST", "/api/notifications/read", {})).statusCode).toBe(400);
  });

  it("stores a group's notification once, and each member reads it for themself", async () => {
    const ticket = await open({ groupId: group });
    const rows = await t.db.selectFrom("notification").select(["user_id", "group_id"]).where("ticket_id", "=", ticket.id).execute();
    expect(rows).toEqual([{ user_id: null, group_id: group }]);
    const unread = async (person: Person) => (await call(person.cookie, "GET", "/api/notifications/unread-count")).json().count as number;
    const [brunoBefore, chloeBefore] = [await unread(bruno), await unread(chloe)];
    const id = (await bell(bruno)).find((n) => n.ticketId === ticket.id)?.id;
    expect((await call(bruno.cookie, "POST", "/api/notifications/read", { ids: [id] })).json()).toEqual({ count: brunoBefore - 1 });
    expect((await bell(bruno)).find((n) => n.id === id)?.readAt).not.toBeNull();
    expect((await bell(chloe)).find((n) => n.id === id)?.readAt).toBeNull();
    expect(await unread(chloe)).toBe(chloeBefore);
    // "Mark all read" covers the group's notifications too; a later one is unread again.
    expect((await call(chloe.cookie, "POST", "/api/notifications/read", { all: true })).json()).toEqual({ count: 0 });
    expect((await bell(chloe)).find((n) => n.id === id)?.readAt).not.toBeNull();
    await open({ groupId: group });
    expect(await unread(chloe)).toBe(1);
    // Someone who joins the group later does not inherit its past.
    const newcomer = await signedInUser(t, { entityId: lyon, role: "technician" });
    await call(t.adminCookie, "POST", `/api/groups/${group}/members`, { userId: newcomer.user.id });
    expect(await bell(newcomer)).toEqual([]);
    const next = await open({ groupId: group });
    expect((await bell(newcomer)).map((n) => n.ticketId)).toEqual([next.id]);
  });

  it("purges read notifications after a month and all of them after three", async () => {
    const erin = await signedInUser(t, { entityId: lyon, role: "technician" });
    const created = new Date().toISOString();
    const row = (title: string, read: boolean) => ({ user_id: erin.user.id, kind: "assigned_to_me", ticket_id: null,
      actor_id: null, title, due_at: null, read_at: read ? created : null, created_at: created });
    await t.db.insertInto("notification").values([row("lu", true), row("non lu", false)]).execute();
    const titles = async () => (await t.db.selectFrom("notification").select("title").where("user_id", "=", erin.user.id).orderBy("id").execute())
      .map((n) => n.title);
    const later = (days: number) => new Date(Date.now() + days * 86_400_000);
    await purgeOldNotifications(t.db, later(20));
    expect(await titles()).toEqual(["lu", "non lu"]);
    await purgeOldNotifications(t.db, later(40));
    expect(await titles()).toEqual(["non lu"]);
    await purgeOldNotifications(t.db, later(100));
    expect(await titles()).toEqual([]);
  });
});
