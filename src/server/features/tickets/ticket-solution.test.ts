import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import { startWorker } from "../../jobs/worker.js";
import { autoCloseJob } from "./ticket.jobs.js";

describe.each(DIALECTS)("solution, approval and satisfaction on %s", (dialect) => {
  let t: TestApp;
  let tech: { user: { id: number }; cookie: string };
  let requester: { user: { id: number }; cookie: string };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    requester = await signedInUser(t, { entityId: lyon, role: "requester" });
  });
  afterAll(async () => { await t.close(); });

  const call = (cookie: string, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const solvedTicket = async () => {
    let ticket = (await call(tech.cookie, "POST", "/api/tickets", { title: "Outlook ne démarre plus", requesterId: requester.user.id, assigneeId: tech.user.id })).json();
    await call(tech.cookie, "POST", `/api/tickets/${ticket.id}/workaround`, { content: "Utiliser le webmail en attendant" });
    ticket = (await call(tech.cookie, "POST", `/api/tickets/${ticket.id}/solution`, { version: ticket.version, content: "Profil Outlook recréé", solutionType: "remote" })).json();
    expect(ticket).toMatchObject({ status: "solved", solutionType: "remote" });
    return ticket;
  };

  it("refused once goes back to the technician with the reason; accepted it closes; then rated once", async () => {
    const ticket = await solvedTicket();
    const refusal = await call(requester.cookie, "POST", `/api/tickets/${ticket.id}/approval`, { accept: false, reason: "Toujours le même message" });
    expect(refusal.json()).toMatchObject({ status: "in_progress", solvedAt: null, solutionType: null });
    const badType = await call(tech.cookie, "POST", `/api/tickets/${ticket.id}/solution`, { version: refusal.json().version, content: "x", solutionType: "magic" });
    expect(badType.json().error.issues[0].path).toBe("body.solutionType");
    const noReason = await call(requester.cookie, "POST", `/api/tickets/${ticket.id}/approval`, { accept: false });
    expect(noReason.statusCode).toBe(400);
    const again = (await call(tech.cookie, "POST", `/api/tickets/${ticket.id}/solution`, { version: refusal.json().version, content: "Cache réinitialisé" })).json();
    const early = await call(requester.cookie, "POST", `/api/tickets/${ticket.id}/satisfaction`, { rating: 5 });
    expect(early.json().error.code).toBe("TICKET_TRANSITION_INVALID");
    const accepted = await call(requester.cookie, "POST", `/api/tickets/${again.id}/approval`, { accept: true });
    expect(accepted.json()).toMatchObject({ status: "closed" });
    const rated = await call(requester.cookie, "POST", `/api/tickets/${ticket.id}/satisfaction`, { rating: 4, comment: "Rapide" });
    expect(rated.json()).toMatchObject({ satisfaction: 4, satisfactionComment: "Rapide" });
    expect((await call(requester.cookie, "POST", `/api/tickets/${ticket.id}/satisfaction`, { rating: 1 })).statusCode).toBe(409);
    const timeline = (await call(requester.cookie, "GET", `/api/tickets/${ticket.id}/followups`)).json();
    expect(timeline.data.map((f: { kind: string }) => f.kind)).toEqual(["workaround", "solution", "refusal", "solution"]);
  });

  it("lets only the requester (or staff) answer, and only a solved ticket", async () => {
    const ticket = await solvedTicket();
    const stranger = await signedInUser(t, { entityId: t.rootId, role: "requester" });
    expect((await call(stranger.cookie, "POST", `/api/tickets/${ticket.id}/approval`, { accept: true })).statusCode).toBe(403);
    await call(requester.cookie, "POST", `/api/tickets/${ticket.id}/approval`, { accept: true });
    const twice = await call(requester.cookie, "POST", `/api/tickets/${ticket.id}/approval`, { accept: true });
    expect(twice.json().error.code).toBe("TICKET_TRANSITION_INVALID");
  });

  it("closes tickets solved and unanswered for longer than the setting, by the worker", async () => {
    const old = await solvedTicket();
    const fresh = await solvedTicket();
    await t.db.updateTable("ticket").set({ solved_at: new Date(Date.now() - 8 * 86_400_000).toISOString() }).where("id", "=", old.id).execute();
    const worker = startWorker({ db: t.db, log: pino({ level: "silent" }), jobs: [autoCloseJob], cron: [{ job: autoCloseJob, everyMinutes: 60 }], pollMs: 60_000 });
    await worker.stop();
    const statusOf = async (id: number) => (await call(tech.cookie, "GET", `/api/tickets/${id}`)).json().status;
    expect(await statusOf(old.id)).toBe("closed");
    expect(await statusOf(fresh.id)).toBe("solved");
    const history = (await call(tech.cookie, "GET", `/api/history/ticket/${old.id}`)).json();
    expect(history.data[0]).toMatchObject({ field: "status", newValue: "closed", actorName: "system" });
  });
});
