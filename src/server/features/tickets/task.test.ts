import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";

describe.each(DIALECTS)("ticket tasks on %s", (dialect) => {
  let t: TestApp;
  let tech: { user: { id: number }; cookie: string };
  let requester: { user: { id: number }; cookie: string };
  let ticketId: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    requester = await signedInUser(t, { entityId: lyon, role: "requester" });
    ticketId = (await t.app.inject({ method: "POST", url: "/api/tickets", headers: { cookie: tech.cookie },
      payload: { title: "Poste à remplacer", requesterId: requester.user.id } })).json().id;
  });
  afterAll(async () => { await t.close(); });

  it("records tasks with time spent, sums it, and hides private tasks from the requester", async () => {
    const post = (payload: object, cookie = tech.cookie) =>
      t.app.inject({ method: "POST", url: `/api/tickets/${ticketId}/tasks`, headers: { cookie }, payload });
    const first = await post({ description: "Sauvegarder les données", technicianId: tech.user.id, minutesSpent: 30,
      plannedStart: "2026-11-24T08:00:00.000Z", plannedEnd: "2026-11-24T09:00:00.000Z" });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ technicianId: tech.user.id, minutesSpent: 30, isDone: false });
    await post({ description: "Commander le poste", minutesSpent: 15, isPrivate: true });
    const done = await t.app.inject({ method: "PATCH", url: `/api/tickets/${ticketId}/tasks/${first.json().id}`, headers: { cookie: tech.cookie },
      payload: { isDone: true, minutesSpent: 45 } });
    expect(done.json()).toMatchObject({ isDone: true, minutesSpent: 45 });
    const staff = (await t.app.inject({ url: `/api/tickets/${ticketId}/tasks`, headers: { cookie: tech.cookie } })).json();
    expect(staff.totalMinutes).toBe(60);
    const mine = (await t.app.inject({ url: `/api/tickets/${ticketId}/tasks`, headers: { cookie: requester.cookie } })).json();
    expect(mine.data.map((k: { description: string }) => k.description)).toEqual(["Sauvegarder les données"]);
    const history = (await t.app.inject({ url: `/api/history/ticket/${ticketId}`, headers: { cookie: tech.cookie } })).json();
    expect(history.data.map((h: { field: string }) => h.field)).toEqual(expect.arrayContaining(["task.minutesSpent", "task.isDone", "task"]));
  });

  it("refuses a task that ends before it starts, and tasks from requesters", async () => {
    const bad = await t.app.inject({ method: "POST", url: `/api/tickets/${ticketId}/tasks`, headers: { cookie: tech.cookie },
      payload: { description: "x", plannedStart: "2026-11-24T10:00:00.000Z", plannedEnd: "2026-11-24T09:00:00.000Z" } });
    expect(bad.json().error.issues).toEqual([expect.objectContaining({ path: "body.plannedEnd" })]);
    const denied = await t.app.inject({ method: "POST", url: `/api/tickets/${ticketId}/tasks`, headers: { cookie: requester.cookie },
      payload: { description: "Je le fais moi-même" } });
    expect(denied.statusCode).toBe(403);
  });
});
