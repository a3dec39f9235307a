import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { BulkResult, Ticket } from "../../../shared/api/tickets.js";

type Person = { user: { id: number }; cookie: string };

describe.each(DIALECTS)("POST /api/tickets/bulk on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let paris: number;
  let lyonTech: Person;
  let supervisor: Person;
  let requester: Person;
  let lyonGroup: number;

  const bulk = async (who: Person, payload: object) => t.app.inject({ method: "POST", url: "/api/tickets/bulk", headers: { cookie: who.cookie }, payload });
  const results = async (who: Person, payload: object): Promise<BulkResult[]> => {
    const res = await bulk(who, payload);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().results;
  };
  const ticket = async (id: number): Promise<Ticket> =>
    (await t.app.inject({ url: `/api/tickets/${id}`, headers: { cookie: t.adminCookie } })).json();
  const open = async (entityId: number, title = "Poste lent"): Promise<number> => {
    const res = await t.app.inject({ method: "POST", url: "/api/tickets", headers: { cookie: t.adminCookie },
      payload: { title, entityId, requesterId: requester.user.id } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  };
  /** What a half-done change would leave behind: history rows and timeline entries. */
  const traces = async (id: number) => ({
    history: (await t.db.selectFrom("history").select("id").where("record_type", "=", "ticket").where("record_id", "=", id).execute()).length,
    followups: (await t.db.selectFrom("ticket_followup").select("id").where("ticket_id", "=", id).execute()).length,
  });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
    lyonTech = await signedInUser(t, { entityId: lyon, role: "technician" });
    supervisor = await signedInUser(t, { entityId: t.rootId, role: "supervisor" });
    requester = await signedInUser(t, { entityId: lyon, role: "requester" });
    lyonGroup = (await t.app.inject({ method: "POST", url: "/api/groups", headers: { cookie: t.adminCookie },
      payload: { name: "Proximité Lyon", entityId: lyon, recursive: false } })).json().id;
  });
  afterAll(async () => { await t.close(); });

  it("assigns a group to the tickets the technician may change and refuses the others, ticket by ticket", async () => {
    const [a, b, p] = [await open(lyon), await open(lyon), await open(paris, "Panne à Paris")];
    const before = await traces(p);
    const res = await results(lyonTech, { ids: [a, p, b], action: { type: "assign", groupId: lyonGroup } });
    expect(res).toEqual([{ id: a, ok: true }, { id: p, ok: false, code: "FORBIDDEN" }, { id: b, ok: true }]);
    for (const id of [a, b]) expect(await ticket(id)).toMatchObject({ groupId: lyonGroup, status: "assigned", version: 2 });
    expect(await ticket(p)).toMatchObject({ groupId: null, status: "new", version: 1 });
    expect(await traces(p)).toEqual(before);
  });

  it("checks each ticket's own rules: a Lyon technician cannot be given a Paris ticket", async () => {
    const [a, p] = [await open(lyon), await open(paris)];
    const res = await results(supervisor, { ids: [a, p], action: { type: "assign", assigneeId: lyonTech.user.id } });
    expect(res).toEqual([{ id: a, ok: true }, { id: p, ok: false, code: "VALIDATION_FAILED" }]);
    expect((await ticket(a)).assigneeId).toBe(lyonTech.user.id);
    expect(await ticket(p)).toMatchObject({ assigneeId: null, version: 1 });
  });

  it("takes tickets for oneself, except a closed one, and says which does not exist", async () => {
    const [a, closed] = [await open(lyon), await open(lyon)];
    await t.app.inject({ method: "POST", url: `/api/tickets/${closed}/status`, headers: { cookie: t.adminCookie }, payload: { version: 1, status: "closed" } });
    const res = await results(lyonTech, { ids: [a, closed, 987654], action: { type: "take" } });
    expect(res).toEqual([{ id: a, ok: true }, { id: closed, ok: false, code: "TICKET_TRANSITION_INVALID" }, { id: 987654, ok: false, code: "TICKET_NOT_FOUND" }]);
    expect(await ticket(a)).toMatchObject({ assigneeId: lyonTech.user.id, status: "assigned" });
    expect(await ticket(closed)).toMatchObject({ assigneeId: null, status: "closed" });
  });

  it("puts tickets on hold with the reason in each timeline, leaving a ticket that cannot go there untouched", async () => {
    const [a, b, closed] = [await open(lyon), await open(lyon), await open(lyon)];
    await t.app.inject({ method: "POST", url: `/api/tickets/${closed}/status`, headers: { cookie: t.adminCookie }, payload: { version: 1, status: "closed" } });
    const noReason = await results(lyonTech, { ids: [a, b], action: { type: "status", status: "pending" } });
    expect(noReason).toEqual([{ id: a, ok: false, code: "VALIDATION_FAILED" }, { id: b, ok: false, code: "VALIDATION_FAILED" }]);
    expect((await ticket(a)).version).toBe(1);
    const closedBefore = await traces(closed);
    const res = await results(lyonTech, { ids: [a, closed, b], action: { type: "status", status: "pending", reason: "Attente du fournisseur",
      pendingUntil: "2030-01-15T09:00:00.000Z" } });
    expect(res).toEqual([{ id: a, ok: true }, { id: closed, ok: false, code: "TICKET_TRANSITION_INVALID" }, { id: b, ok: true }]);
    for (const id of [a, b]) {
      expect(await ticket(id)).toMatchObject({ status: "pending", pendingReason: "Attente du fournisseur", pendingUntil: "2030-01-15T09:00:00.000Z" });
      const timeline = (await t.app.inject({ url: `/api/tickets/${id}/followups`, headers: { cookie: lyonTech.cookie } })).json();
      expect(timeline.data).toEqual([expect.objectContaining({ kind: "status", content: "Attente du fournisseur" })]);
    }
    expect(await ticket(closed)).toMatchObject({ status: "closed", version: 2 });
    expect(await traces(closed)).toEqual(closedBefore);
  });

  it("refuses every ticket to a requester, and changes nothing", async () => {
    const a = await open(lyon);
    const res = await results(requester, { ids: [a], action: { type: "status", status: "closed" } });
    expect(res).toEqual([{ id: a, ok: false, code: "FORBIDDEN" }]);
    expect((await ticket(a)).status).toBe("new");
  });

  it("treats a ticket listed twice once", async () => {
    const a = await open(lyon);
    const res = await results(lyonTech, { ids: [a, a], action: { type: "take" } });
    expect(res).toEqual([{ id: a, ok: true }]);
    expect((await ticket(a)).version).toBe(2);
  });

  it("answers 400 for no ticket, more than 100, an unknown action or an assignment with nobody", async () => {
    const hundredAndOne = Array.from({ length: 101 }, (_, i) => i + 1);
    for (const payload of [
      { ids: [], action: { type: "take" } },
      { ids: hundredAndOne, action: { type: "take" } },
      { ids: [1], action: { type: "delete" } },
      { ids: [1], action: { type: "assign" } },
      { ids: [1], action: { type: "status", status: "lost" } },
    ]) {
      const res = await bulk(lyonTech, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });
});
