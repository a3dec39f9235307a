import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";

type Signed = { user: { id: number }; cookie: string };

describe.each(DIALECTS)("links, merge and observers on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let nantes: number;
  let tech: Signed;
  let requester: Signed;
  let colleague: Signed;
  let nantesTech: Signed;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    nantes = (await makeEntity(t.db, t.rootId, "Nantes")).id;
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    requester = await signedInUser(t, { entityId: lyon, role: "requester" });
    colleague = await signedInUser(t, { entityId: lyon, role: "requester" });
    nantesTech = await signedInUser(t, { entityId: nantes, role: "technician" });
  });
  afterAll(async () => { await t.close(); });

  const call = (cookie: string, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const open = async (title: string, payload: object = {}) => {
    const res = await call(tech.cookie, "POST", "/api/tickets", { title, requesterId: requester.user.id, channel: "phone", ...payload });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: number; version: number; entityId: number };
  };
  const links = async (id: number, cookie = tech.cookie) => (await call(cookie, "GET", `/api/tickets/${id}/links`)).json().data;

  it("links tickets both ways and names the link from each side", async () => {
    const parent = await open("Panne réseau bâtiment B");
    const child = await open("Pas d'Internet au poste 12");
    const res = await call(tech.cookie, "POST", `/api/tickets/${child.id}/links`, { kind: "child_of", otherId: parent.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: "child_of", ticketId: parent.id, title: "Panne réseau bâtiment B", status: "new" });
    expect(await links(parent.id)).toEqual([expect.objectContaining({ kind: "parent_of", ticketId: child.id })]);

    const again = await call(tech.cookie, "POST", `/api/tickets/${parent.id}/links`, { kind: "related", otherId: child.id });
    expect(again.json().error.code).toBe("TICKET_LINK_INVALID");
    const self = await call(tech.cookie, "POST", `/api/tickets/${parent.id}/links`, { kind: "related", otherId: parent.id });
    expect(self.statusCode).toBe(409);
  });

  it("refuses a parent/child loop", async () => {
    const a = await open("Ticket A");
    const b = await open("Ticket B");
    const c = await open("Ticket C");
    await call(tech.cookie, "POST", `/api/tickets/${b.id}/links`, { kind: "child_of", otherId: a.id });
    await call(tech.cookie, "POST", `/api/tickets/${c.id}/links`, { kind: "child_of", otherId: b.id });
    const loop = await call(tech.cookie, "POST", `/api/tickets/${a.id}/links`, { kind: "child_of", otherId: c.id });
    expect(loop.json().error.code).toBe("TICKET_LINK_INVALID");
    const alsoLoop = await call(tech.cookie, "POST", `/api/tickets/${c.id}/links`, { kind: "parent_of", otherId: a.id });
    expect(alsoLoop.json().error.code).toBe("TICKET_LINK_INVALID");
  });

  it("removes a link, and the history of both tickets tells it", async () => {
    const a = await open("Écran noir");
    const b = await open("Écran noir (rappel)");
    const link = (await call(tech.cookie, "POST", `/api/tickets/${a.id}/links`, { kind: "related", otherId: b.id })).json();
    expect((await call(tech.cookie, "DELETE", `/api/tickets/${b.id}/links/${link.id}`)).statusCode).toBe(200);
    expect(await links(a.id)).toEqual([]);
    const history = (await call(tech.cookie, "GET", `/api/history/ticket/${b.id}`)).json().data;
    expect(history.map((h: { action: string }) => h.action)).toEqual(expect.arrayContaining(["link", "unlink"]));
  });

  it("does not let a technician link, or even see, a ticket of an entity they do not serve", async () => {
    const mine = await open("Imprimante Lyon");
    const theirs = (await call(nantesTech.cookie, "POST", "/api/tickets", { title: "Imprimante Nantes", channel: "phone" })).json();
    const res = await call(tech.cookie, "POST", `/api/tickets/${mine.id}/links`, { kind: "related", otherId: theirs.id });
    expect(res.statusCode).toBe(403);
    // The admin links them; the Lyon technician still does not see the Nantes ticket's title.
    await call(t.adminCookie, "POST", `/api/tickets/${mine.id}/links`, { kind: "related", otherId: theirs.id });
    expect(await links(mine.id)).toEqual([]);
    expect(await links(mine.id, t.adminCookie)).toHaveLength(1);
    expect(await links(mine.id, requester.cookie)).toEqual([]);
  });

  it("merges duplicates: content copied, sources closed and pointing at the target", async () => {
    const target = await open("Messagerie inaccessible");
    const source = await open("Outlook ne s'ouvre plus", { description: "<p>Depuis ce matin</p>" });
    const other = (await call(tech.cookie, "POST", "/api/tickets", { title: "Pas de mails", requesterId: colleague.user.id, channel: "phone" })).json();
    await call(tech.cookie, "POST", `/api/tickets/${source.id}/followups`, { content: "Redémarrage fait", isPrivate: true });
    await call(tech.cookie, "POST", `/api/tickets/${source.id}/tasks`, { description: "Vérifier le profil", minutesSpent: 10 });

    const res = await call(tech.cookie, "POST", `/api/tickets/${target.id}/merge`, { sourceIds: [source.id, other.id] });
    expect(res.statusCode).toBe(200);
    const followups = (await call(tech.cookie, "GET", `/api/tickets/${target.id}/followups`)).json().data;
    expect(followups.map((f: { content: string }) => f.content)).toEqual(expect.arrayContaining([
      expect.stringContaining("Depuis ce matin"), "Redémarrage fait",
    ]));
    expect((await call(tech.cookie, "GET", `/api/tickets/${target.id}/tasks`)).json().totalMinutes).toBe(10);
    const closed = (await call(tech.cookie, "GET", `/api/tickets/${source.id}`)).json();
    expect(closed).toMatchObject({ status: "closed" });
    expect(await links(source.id)).toEqual([expect.objectContaining({ kind: "duplicates", ticketId: target.id })]);
    // The colleague, requester of a merged ticket, now follows the target and reads it.
    const observers = (await call(tech.cookie, "GET", `/api/tickets/${target.id}/observers`)).json().data;
    expect(observers.map((o: { userId: number }) => o.userId)).toEqual([colleague.user.id]);
    expect((await call(colleague.cookie, "GET", `/api/tickets/${target.id}`)).statusCode).toBe(200);

    const reopen = await call(tech.cookie, "POST", `/api/tickets/${source.id}/status`, { version: closed.version, status: "in_progress", reason: "x" });
    expect(reopen.json().error.code).toBe("TICKET_MERGED");
  });

  it("merges all or nothing", async () => {
    const target = await open("Cible");
    const source = await open("Source");
    const foreign = (await call(nantesTech.cookie, "POST", "/api/tickets", { title: "Ailleurs", channel: "phone" })).json();
    const res = await call(tech.cookie, "POST", `/api/tickets/${target.id}/merge`, { sourceIds: [source.id, foreign.id] });
    expect(res.statusCode).toBe(403);
    expect((await call(tech.cookie, "GET", `/api/tickets/${source.id}`)).json().status).toBe("new");
    expect((await call(tech.cookie, "GET", `/api/tickets/${target.id}/followups`)).json().data).toEqual([]);
    expect((await call(tech.cookie, "POST", `/api/tickets/${target.id}/merge`, { sourceIds: [target.id] })).statusCode).toBe(409);
  });

  it("lets staff add observers who then read the ticket but not its private notes", async () => {
    const ticket = await open("Accès au partage Compta");
    await call(tech.cookie, "POST", `/api/tickets/${ticket.id}/followups`, { content: "Note interne", isPrivate: true });
    expect((await call(colleague.cookie, "GET", `/api/tickets/${ticket.id}`)).statusCode).toBe(403);
    const denied = await call(requester.cookie, "POST", `/api/tickets/${ticket.id}/observers`, { userId: colleague.user.id });
    expect(denied.statusCode).toBe(403);
    const added = await call(tech.cookie, "POST", `/api/tickets/${ticket.id}/observers`, { userId: colleague.user.id });
    expect(added.json().data).toEqual([expect.objectContaining({ userId: colleague.user.id })]);
    expect((await call(colleague.cookie, "GET", `/api/tickets/${ticket.id}`)).statusCode).toBe(200);
    expect((await call(colleague.cookie, "GET", `/api/tickets/${ticket.id}/followups`)).json().data).toEqual([]);
    const foreign = await call(nantesTech.cookie, "POST", `/api/tickets/${ticket.id}/observers`, { userId: nantesTech.user.id });
    expect(foreign.statusCode).toBe(403);
    // The observer stops following by themself.
    expect((await call(colleague.cookie, "DELETE", `/api/tickets/${ticket.id}/observers/${colleague.user.id}`)).json().data).toEqual([]);
    expect((await call(colleague.cookie, "GET", `/api/tickets/${ticket.id}`)).statusCode).toBe(403);
  });

  it("shares an entity's tickets with its members when the entity says so", async () => {
    const ticket = await open("Badge perdu");
    expect((await call(colleague.cookie, "GET", `/api/tickets/${ticket.id}`)).statusCode).toBe(403);
    await call(t.adminCookie, "PATCH", `/api/entities/${lyon}`, { sharesTickets: true });
    expect((await call(colleague.cookie, "GET", `/api/tickets/${ticket.id}`)).statusCode).toBe(200);
    const approval = await call(colleague.cookie, "POST", `/api/tickets/${ticket.id}/approval`, { accept: true });
    expect(approval.statusCode).toBe(403);
    const portal = async (scope: string) => (await call(colleague.cookie, "GET", `/api/tickets?view=all&portal=${scope}&limit=100`)).json().data
      .map((x: { id: number }) => x.id);
    expect(await portal("entity")).toContain(ticket.id);
    expect(await portal("mine")).not.toContain(ticket.id);
    await call(t.adminCookie, "PATCH", `/api/entities/${lyon}`, { sharesTickets: false });
    expect((await call(colleague.cookie, "GET", `/api/tickets/${ticket.id}`)).statusCode).toBe(403);
    expect(await portal("entity")).toEqual([]);
  });

  it("lists the tickets a requester follows as an observer among their own", async () => {
    const ticket = await open("Imprimante du service RH");
    await call(tech.cookie, "POST", `/api/tickets/${ticket.id}/observers`, { userId: colleague.user.id });
    const mine = (await call(colleague.cookie, "GET", "/api/tickets?view=all&limit=100")).json().data.map((x: { id: number }) => x.id);
    expect(mine).toContain(ticket.id);
  });
});
