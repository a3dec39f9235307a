import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES, buildApp } from "../../app.js";
import { openPostgres } from "../../db/database.js";
import { type TestApp, TEST_CONFIG, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";

type SseEvent = { event: string; data: unknown };

/** A real EventSource-like reader over fetch: what a browser receives, event by event. */
async function openStream(baseUrl: string, cookie: string) {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/live`, { headers: { cookie }, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const reader = (res.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream()).getReader();
  const received: SseEvent[] = [];
  let buffer = "";
  let waiter: (() => void) | undefined;
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) received.push({ event, data: JSON.parse(data) });
          waiter?.();
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    received,
    /** The first event matching, waiting at most `ms`: generous for a loaded CI machine; events arrive in milliseconds. */
    async next(match: (e: SseEvent) => boolean, ms = 5000): Promise<SseEvent> {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching event within ${ms} ms; got ${JSON.stringify(received)}`);
        await new Promise<void>((resolve) => { waiter = resolve; setTimeout(resolve, left); });
      }
    },
    close: () => controller.abort(),
  };
}

const isTicket = (id: number) => (e: SseEvent) => e.event === "ticket" && (e.data as { id: number }).id === id;

describe.each(DIALECTS)("live updates on %s", (dialect) => {
  let t: TestApp;
  let baseUrl: string;
  let lyon: number;
  let nantes: number;
  let tech: { user: { id: number }; cookie: string };
  let colleague: { user: { id: number }; cookie: string };
  let requester: { user: { id: number }; cookie: string };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    baseUrl = await t.app.listen({ port: 0, host: "127.0.0.1" });
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    nantes = (await makeEntity(t.db, t.rootId, "Nantes")).id;
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    colleague = await signedInUser(t, { entityId: lyon, role: "technician" });
    requester = await signedInUser(t, { entityId: lyon, role: "requester" });
  });
  // Streams are still open here: closing the app must end them rather than wait for them.
  afterAll(async () => { await t.close(); });

  const open = async (cookie: string, payload: object) => {
    const res = await t.app.inject({ method: "POST", url: "/api/tickets", headers: { cookie }, payload });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: number; version: number };
  };

  it("delivers another user's change within a second, and only tickets of entities I may see", async () => {
    const stream = await openStream(baseUrl, tech.cookie);
    const elsewhere = await open(t.adminCookie, { title: "Serveur de Nantes", entityId: nantes });
    const ticket = await open(t.adminCookie, { title: "Imprimante du 2e", entityId: lyon, requesterId: requester.user.id });
    await stream.next(isTicket(ticket.id));
    const patched = await t.app.inject({ method: "PATCH", url: `/api/tickets/${ticket.id}`, headers: { cookie: colleague.cookie },
      payload: { version: ticket.version, urgency: 5 } });
    expect(patched.statusCode).toBe(200);
    const before = stream.received.filter(isTicket(ticket.id)).length;
    await stream.next((e) => isTicket(ticket.id)(e) && stream.received.filter(isTicket(ticket.id)).length > before);
    expect(stream.received.some(isTicket(elsewhere.id))).toBe(false);
    expect(stream.received.every((e) => Object.keys(e.data as object).every((k) => ["id", "ticketId"].includes(k)))).toBe(true);
    stream.close();
  });

  it("gives a requester the events of their own tickets only, and a notification to the one assigned", async () => {
    const mine = await openStream(baseUrl, requester.cookie);
    const techStream = await openStream(baseUrl, tech.cookie);
    const other = await open(t.adminCookie, { title: "Poste de quelqu'un d'autre", entityId: lyon });
    const own = await open(t.adminCookie, { title: "Mon poste", requesterId: requester.user.id, assigneeId: tech.user.id });
    await mine.next(isTicket(own.id));
    await techStream.next((e) => e.event === "notification");
    expect(mine.received.some(isTicket(other.id))).toBe(false);
    expect(mine.received.some((e) => e.event === "notification")).toBe(false);
    await t.app.inject({ method: "POST", url: `/api/tickets/${own.id}/followups`, headers: { cookie: tech.cookie }, payload: { content: "J'arrive" } });
    await mine.next((e) => e.event === "notification");
    mine.close();
    techStream.close();
  });

  it("tells a group's members of a ticket for their group, and nobody else", async () => {
    const group = (await t.app.inject({ method: "POST", url: "/api/groups", headers: { cookie: t.adminCookie },
      payload: { name: "Support Lyon", entityId: lyon } })).json().id;
    await t.app.inject({ method: "POST", url: `/api/groups/${group}/members`, headers: { cookie: t.adminCookie }, payload: { userId: colleague.user.id } });
    const member = await openStream(baseUrl, colleague.cookie);
    const outsider = await openStream(baseUrl, tech.cookie);
    await open(t.adminCookie, { title: "Imprimante du 3e", entityId: lyon, groupId: group });
    await member.next((e) => e.event === "notification");
    await open(t.adminCookie, { title: "Témoin", entityId: lyon, assigneeId: tech.user.id });
    await outsider.next((e) => e.event === "notification");
    // The outsider's one notification is their own assignment, which came after the group's.
    expect(outsider.received.filter((e) => e.event === "notification")).toHaveLength(1);
    member.close();
    outsider.close();
  });

  it("tells the others at once when someone opens or leaves a ticket", async () => {
    const ticket = await open(t.adminCookie, { title: "Wifi lent", entityId: lyon });
    const stream = await openStream(baseUrl, tech.cookie);
    const url = `/api/tickets/${ticket.id}/presence`;
    const joined = await t.app.inject({ method: "PUT", url, headers: { cookie: colleague.cookie } });
    expect(joined.json()).toMatchObject({ data: [] });
    await stream.next((e) => e.event === "presence" && (e.data as { ticketId: number }).ticketId === ticket.id);
    const seen = await t.app.inject({ method: "PUT", url, headers: { cookie: tech.cookie } });
    expect(seen.json().data).toEqual([{ userId: colleague.user.id, name: expect.stringMatching(/^Jean Martin/) }]);
    const count = () => stream.received.filter((e) => e.event === "presence").length;
    const afterJoin = count();
    expect((await t.app.inject({ method: "DELETE", url, headers: { cookie: colleague.cookie } })).statusCode).toBe(204);
    await stream.next(() => count() > afterJoin);
    expect((await t.app.inject({ method: "GET", url, headers: { cookie: tech.cookie } })).json()).toMatchObject({ data: [] });
    // A page closed without a word is forgotten after a minute.
    await t.app.inject({ method: "PUT", url, headers: { cookie: colleague.cookie } });
    await t.db.updateTable("ticket_presence").set({ seen_at: new Date(Date.now() - 61_000).toISOString() })
      .where("user_id", "=", colleague.user.id).execute();
    expect((await t.app.inject({ method: "GET", url, headers: { cookie: tech.cookie } })).json()).toMatchObject({ data: [] });
    expect((await t.app.inject({ method: "PUT", url, headers: { cookie: requester.cookie } })).statusCode).toBe(403);
    stream.close();
  });

  it("answers 401 without a session", async () => {
    expect((await fetch(`${baseUrl}/api/live`)).status).toBe(401);
  });

  it.runIf(dialect === "postgres")("carries a change made through one instance to the streams of another", async () => {
    const database = openPostgres(t.liveUrl as string, 2);
    const second = await buildApp({ db: database.db, config: TEST_CONFIG, liveUrl: t.liveUrl });
    try {
      const secondUrl = await second.listen({ port: 0, host: "127.0.0.1" });
      const stream = await openStream(secondUrl, tech.cookie);
      const ticket = await open(colleague.cookie, { title: "Badge refusé", requesterId: requester.user.id });
      await stream.next(isTicket(ticket.id));
      stream.close();
    } finally {
      await second.close();
      await database.close();
    }
  });
});

describe("every route that changes a ticket", () => {
  it("says which tickets it changed, so the screens showing them refresh", () => {
    const changing = ROUTES.filter((r) => r.method !== "GET" && r.url.startsWith("/api/tickets") && !r.url.endsWith("/presence"));
    expect(changing.length).toBeGreaterThan(10);
    expect(changing.filter((r) => !r.live).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });
});
