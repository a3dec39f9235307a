import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../../test/app.js";
import { DIALECTS } from "../../../../../test/db.js";
import { type Worker, startWorker } from "../../../jobs/worker.js";
import { openSecret } from "../../../security/secret-box.js";
import { notifyGroup, notifyUsers } from "../../notifications/notify.js";
import { MAIL_OUT_JOBS } from "./mail-out.jobs.js";
import { closeTransport, forgetSmtpCache } from "./smtp-settings.js";
import { type SinkMail, type SmtpSink, sinkAvailable, startSink } from "./testing/smtp-sink.js";

const log = pino({ level: "silent" });
const available = sinkAvailable();
if (!available && process.env.CI === "true") throw new Error("python3-aiosmtpd is required (apt-get install python3-aiosmtpd)");

type User = { user: { id: number; login: string }; cookie: string; email: string };

describe.skipIf(!available).each(DIALECTS)("email out against a real SMTP server (aiosmtpd) on %s", (dialect) => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: Worker;
  let lyon: number;
  let groupId: number;
  let requester: User;
  let tech: User;
  let tech2: User;
  let observer: User;

  const call = (method: "GET" | "PUT" | "POST" | "DELETE" | "PATCH", url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  async function person(role: "requester" | "technician", language: string): Promise<User> {
    const u = await signedInUser(t, { entityId: lyon, role });
    await t.db.updateTable("app_user").set({ language }).where("id", "=", u.user.id).execute();
    return { ...u, email: `${u.user.login}@example.fr` };
  }

  const smtpBody = (port: number) => ({ host: "127.0.0.1", port, security: "none", user: "", fromAddress: "support@vigie.example",
    fromName: "Support Vigie", appUrl: "https://vigie.example/", enabled: true });

  async function newTicket(cookie: string, extra: object = {}): Promise<{ id: number; version: number }> {
    const res = await call("POST", "/api/tickets", cookie, { title: "Imprimante en panne", description: "<p>Plus rien ne sort</p>", channel: "phone",
      entityId: lyon, requesterId: requester.user.id, groupId, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  /** Runs the queued jobs (render, then send) and returns the mails the sink received since the last clear. */
  async function flush(expected?: number) {
    await worker.drain();
    return expected === undefined ? sink.messages() : sink.waitFor(expected);
  }
  const to = (mails: SinkMail[], user: User) => mails.filter((m) => m.to.includes(user.email));

  beforeAll(async () => {
    t = await createTestApp(dialect);
    sink = await startSink();
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    requester = await person("requester", "fr");
    tech = await person("technician", "en");
    tech2 = await person("technician", "en");
    observer = await person("requester", "fr");
    const at = new Date().toISOString();
    groupId = (await t.db.insertInto("user_group").values({ name: "Support N1", sort_name: "support n1", description: null, entity_id: lyon,
      recursive: 1, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow()).id;
    for (const member of [tech, tech2]) {
      await t.db.insertInto("group_member").values({ group_id: groupId, user_id: member.user.id, is_manager: 0, created_at: at,
        notifications_read_to: null, notifications_read_at: null }).execute();
    }
    worker = startWorker({ db: t.db, log, jobs: MAIL_OUT_JOBS, pollMs: 3_600_000 });
  });
  afterAll(async () => {
    await worker?.stop();
    closeTransport();
    await sink?.stop();
    await t?.close();
  });
  beforeEach(() => { sink.clear(); });

  it("queues nothing while SMTP is not configured", async () => {
    forgetSmtpCache(t.db);
    await newTicket(tech.cookie);
    const jobs = await t.db.selectFrom("job").select("name").where("name", "like", "mail.%").execute();
    expect(jobs).toEqual([]);
  });

  it("keeps the SMTP password to itself and lets only the root's admins see or change the settings", async () => {
    const lyonAdmin = await signedInUser(t, { entityId: lyon, role: "admin" });
    const saved = await call("PUT", "/api/mail/smtp", t.adminCookie, { ...smtpBody(sink.port), user: "relay", password: "S3cret-pass!" });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ configured: true, passwordSet: true, user: "relay", appUrl: "https://vigie.example" });
    const read = await call("GET", "/api/mail/smtp", t.adminCookie);
    expect(read.body).not.toContain("S3cret-pass!");
    // Stored sealed; a password saved in clear before sealing existed still counts and is sealed at the next save.
    const stored = async () => JSON.parse((await t.db.selectFrom("setting").select("value").where("key", "=", "mail.smtp").executeTakeFirstOrThrow()).value);
    expect((await stored()).password).toMatch(/^v1:/);
    expect(openSecret((await stored()).password)).toBe("S3cret-pass!");
    await t.db.updateTable("setting").set({ value: JSON.stringify({ ...(await stored()), password: "Old-clear-pass" }) }).where("key", "=", "mail.smtp").execute();
    // Saving without a password keeps it; "" removes it.
    expect((await call("PUT", "/api/mail/smtp", t.adminCookie, { ...smtpBody(sink.port), user: "relay" })).json().passwordSet).toBe(true);
    expect(openSecret((await stored()).password)).toBe("Old-clear-pass");
    expect((await stored()).password).toMatch(/^v1:/);
    const history = await t.db.selectFrom("history").select(["old_value", "new_value"]).where("field", "like", "smtp%").execute();
    expect(JSON.stringify(history)).not.toContain("S3cret-pass!");
    // The web app shows the outgoing mail page to the root's admins only: it reads that from the grants.
    expect((await call("GET", "/api/auth/me", t.adminCookie)).json().grants).toMatchObject([{ role: "admin", onRoot: true }]);
    expect((await call("GET", "/api/auth/me", lyonAdmin.cookie)).json().grants).toMatchObject([{ role: "admin", onRoot: false }]);
    for (const cookie of [lyonAdmin.cookie, tech.cookie]) {
      expect((await call("GET", "/api/mail/smtp", cookie)).statusCode).toBe(403);
      expect((await call("PUT", "/api/mail/smtp", cookie, smtpBody(1))).statusCode).toBe(403);
      expect((await call("GET", "/api/mail/outgoing", cookie)).statusCode).toBe(403);
      expect((await call("GET", "/api/mail/templates", cookie)).statusCode).toBe(403);
      expect((await call("POST", "/api/mail/smtp/test", cookie, { to: "x@example.fr" })).statusCode).toBe(403);
    }
    // The sink takes no login: the tests go on without user and password.
    expect((await call("PUT", "/api/mail/smtp", t.adminCookie, { ...smtpBody(sink.port), password: "" })).json().passwordSet).toBe(false);
  });

  it("sends a test mail at once and reports the server's refusal", async () => {
    const ok = await call("POST", "/api/mail/smtp/test", t.adminCookie, { to: "admin-test@example.fr" });
    expect(ok.json()).toEqual({ ok: true, error: null });
    const [mail] = await sink.waitFor(1);
    expect(mail!.subject).toBe("Vigie : message de test"); // the admin reads French
    const refused = await call("POST", "/api/mail/smtp/test", t.adminCookie, { to: "refuse@example.fr" });
    expect(refused.json()).toMatchObject({ ok: false, error: expect.stringContaining("550") });
  });

  it("acknowledges a new ticket to its requester in French and tells the group in English, never the technician who created it", async () => {
    const ticket = await newTicket(tech.cookie);
    const mails = await flush(3);
    expect(to(mails, tech)).toEqual([]);
    const [ack] = to(mails, requester);
    expect(ack!.subject).toBe(`[Vigie #${ticket.id}] Demande enregistrée : Imprimante en panne`);
    expect(ack!.text).toContain(`https://vigie.example/requests/${ticket.id}`);
    expect(ack!.html).toContain("<p>Plus rien ne sort</p>");
    expect(ack!.from?.value[0]).toMatchObject({ address: "support@vigie.example", name: "Support Vigie" });
    expect(ack!.headers.get("auto-submitted")).toBe("auto-generated");
    const forTech2 = to(mails, tech2).map((m) => m.subject).sort();
    expect(forTech2).toEqual([`[Vigie #${ticket.id}] Request received: Imprimante en panne`, `[Vigie #${ticket.id}] Ticket assigned: Imprimante en panne`]);
    expect(to(mails, tech2)[0]!.text).toContain(`https://vigie.example/tickets/${ticket.id}`);
    expect(mails).toHaveLength(3);
  });

  it("acknowledges a request made from the portal to the requester who made it (their receipt), and tells the group", async () => {
    const res = await call("POST", "/api/tickets", requester.cookie, { title: "Souris HS", description: "Elle ne clique plus" });
    expect(res.statusCode, res.body).toBe(201);
    const mails = await flush(1);
    await new Promise((r) => setTimeout(r, 300));
    expect((await sink.messages()).map((m) => m.to.join())).toEqual([requester.email]);
    expect(mails[0]!.subject).toBe(`[Vigie #${res.json().id}] Demande enregistrée : Souris HS`);
  });

  it("mails a public followup to the requester and observers, a private one to staff only, threaded to the ticket's earlier mails", async () => {
    const ticket = await newTicket(tech.cookie, { assigneeId: tech2.user.id });
    expect((await call("POST", `/api/tickets/${ticket.id}/observers`, tech.cookie, { userId: observer.user.id })).statusCode).toBeLessThan(300);
    const first = await flush();
    const ack = to(first, requester)[0]!;
    sink.clear();
    expect((await call("POST", `/api/tickets/${ticket.id}/followups`, tech.cookie, { content: "<p>Je passe à <b>14 h</b>.</p>" })).statusCode).toBe(201);
    const publicMails = await flush(3);
    expect(publicMails.flatMap((m) => m.to).sort()).toEqual([observer.email, requester.email, tech2.email].sort());
    const reply = to(publicMails, requester)[0]!;
    expect(reply.subject).toBe(`[Vigie #${ticket.id}] Nouveau suivi : Imprimante en panne`);
    expect(reply.text).toContain("Je passe à 14 h.");
    expect(reply.html).toContain("<b>14 h</b>");
    expect(reply.references).toContain(ack.messageId);
    expect(reply.inReplyTo).toBeTruthy();
    const refs = await t.db.selectFrom("mail_thread_ref").select(["message_id", "direction"]).where("ticket_id", "=", ticket.id).execute();
    expect(refs.map((r) => r.message_id)).toContain(reply.messageId);
    expect(refs.every((r) => r.direction === "out")).toBe(true);

    sink.clear();
    expect((await call("POST", `/api/tickets/${ticket.id}/followups`, tech.cookie, { content: "Note interne : carte mère HS", isPrivate: true })).statusCode).toBe(201);
    const privateMails = await flush(1);
    await new Promise((r) => setTimeout(r, 300));
    expect((await sink.messages()).flatMap((m) => m.to)).toEqual([tech2.email]);
    expect(privateMails[0]!.text).toContain("carte mère HS");
  });

  it("follows each user's preferences", async () => {
    const off = await call("PUT", "/api/me/mail-preferences", requester.cookie, { events: { followup: false } });
    expect(off.json()).toMatchObject({ events: { followup: false, created: true }, email: requester.email });
    const ticket = await newTicket(tech.cookie);
    await flush();
    sink.clear();
    await call("POST", `/api/tickets/${ticket.id}/followups`, tech.cookie, { content: "Avez-vous redémarré ?" });
    await worker.drain();
    await new Promise((r) => setTimeout(r, 300));
    expect(to(await sink.messages(), requester)).toEqual([]);
    await call("PUT", "/api/me/mail-preferences", requester.cookie, { events: { followup: true } });
  });

  it("tells the requester of the solution with the way to accept or refuse it, then of the closing; never the actor", async () => {
    const ticket = await newTicket(tech.cookie, { assigneeId: tech.user.id });
    await flush();
    sink.clear();
    const solved = await call("POST", `/api/tickets/${ticket.id}/solution`, tech.cookie, { version: ticket.version, content: "<p>Rouleau remplacé</p>" });
    expect(solved.statusCode, solved.body).toBe(200);
    const [mail] = await flush(1);
    expect(mail!.to).toEqual([requester.email]);
    expect(mail!.subject).toBe(`[Vigie #${ticket.id}] Demande résolue : Imprimante en panne`);
    expect(mail!.text).toContain("Rouleau remplacé");
    expect(mail!.text).toContain(`https://vigie.example/requests/${ticket.id}`);
    sink.clear();
    // The requester accepts: the ticket closes; they did it, so only the technician would hear… and nobody else is on the list.
    expect((await call("POST", `/api/tickets/${ticket.id}/approval`, requester.cookie, { accept: true })).statusCode).toBe(200);
    await worker.drain();
    await new Promise((r) => setTimeout(r, 300));
    expect((await sink.messages()).flatMap((m) => m.to)).toEqual([]);
  });

  it("tells the requester when a technician closes the ticket, in their language", async () => {
    await t.db.updateTable("app_user").set({ language: "en" }).where("id", "=", requester.user.id).execute();
    const ticket = await newTicket(tech.cookie, { assigneeId: tech.user.id, groupId: undefined });
    const solved = await call("POST", `/api/tickets/${ticket.id}/solution`, tech.cookie, { version: ticket.version, content: "Câble remplacé" });
    await flush(2);
    sink.clear();
    const closed = await call("POST", `/api/tickets/${ticket.id}/status`, tech.cookie, { version: solved.json().version, status: "closed", reason: "Confirmé par téléphone" });
    expect(closed.statusCode, closed.body).toBe(200);
    const [mail] = await flush(1);
    expect(mail!.to).toEqual([requester.email]);
    expect(mail!.subject).toBe(`[Vigie #${ticket.id}] Request closed: Imprimante en panne`);
    await t.db.updateTable("app_user").set({ language: "fr" }).where("id", "=", requester.user.id).execute();
  });

  it("mails an SLA warning to the technician, or to the group when nobody has the ticket, once per warning", async () => {
    const mine = await newTicket(tech.cookie, { assigneeId: tech2.user.id });
    const nobodys = await newTicket(tech.cookie);
    await flush();
    sink.clear();
    await t.db.transaction().execute(async (trx) => {
      const about = (id: number) => ({ ticketId: id, title: "Imprimante en panne", actor: undefined });
      await notifyUsers(trx, "sla_warning", about(mine.id), [tech2.user.id]);
      await notifyGroup(trx, "sla_warning", about(mine.id), groupId, tech2.user.id);
      await notifyGroup(trx, "sla_warning", about(nobodys.id), groupId);
    });
    const mails = await flush(3);
    await new Promise((r) => setTimeout(r, 300));
    const got = (await sink.messages()).map((m) => `${m.to.join()} ${m.subject}`).sort();
    expect(got).toEqual([
      `${tech.email} [Vigie #${nobodys.id}] Deadline near: Imprimante en panne`,
      `${tech2.email} [Vigie #${mine.id}] Deadline near: Imprimante en panne`,
      `${tech2.email} [Vigie #${nobodys.id}] Deadline near: Imprimante en panne`,
    ].sort());
    expect(mails[0]!.text).toMatch(/is due on|Deadline/);
  });

  it("uses the admin's template, refuses unknown placeholders, previews and resets", async () => {
    const bad = await call("PUT", "/api/mail/templates/followup/fr", t.adminCookie, { subject: "Suivi {{ticket.nmber}}", body: "x" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({ path: "body.subject" });
    const body = { subject: "Du nouveau sur n° {{ticket.number}}", body: "Bonjour {{requester.name}},\n\n{{followup.text}}\n\n— {{actor.name}}" };
    const preview = await call("POST", "/api/mail/templates/preview", t.adminCookie, { event: "followup", language: "fr", ...body });
    expect(preview.json()).toMatchObject({ subject: "[Vigie #1234] Du nouveau sur n° 1234", text: expect.stringContaining("Bonjour Jeanne Durand") });
    expect(preview.json().html).toContain("<b>rouleau</b>");
    const saved = await call("PUT", "/api/mail/templates/followup/fr", t.adminCookie, body);
    expect(saved.json()).toMatchObject({ isDefault: false, subject: body.subject });
    const ticket = await newTicket(tech.cookie);
    await flush();
    sink.clear();
    await call("POST", `/api/tickets/${ticket.id}/followups`, tech.cookie, { content: "<script>alert(1)</script><p>C'est réparé</p>" });
    const mails = await flush(1);
    const mail = to(mails, requester)[0]!;
    expect(mail.subject).toBe(`[Vigie #${ticket.id}] Du nouveau sur n° ${ticket.id}`);
    expect(mail.text).toContain("C'est réparé");
    expect(mail.html).not.toContain("<script");
    const reset = await call("DELETE", "/api/mail/templates/followup/fr", t.adminCookie);
    expect(reset.json()).toMatchObject({ isDefault: true, subject: "Nouveau suivi : {{ticket.title}}" });
    expect((await call("GET", "/api/mail/templates", t.adminCookie)).json().data).toHaveLength(12);
  });

  it("retries while the SMTP server is down and sends once it is back", async () => {
    await sink.stop();
    const ticket = await newTicket(tech.cookie, { groupId: undefined });
    await worker.drain();
    const waiting = await t.db.selectFrom("outgoing_mail").selectAll().where("ticket_id", "=", ticket.id).execute();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ status: "queued", attempts: 1, last_error: expect.stringMatching(/ECONNREFUSED|connect/i) });
    closeTransport();
    sink = await startSink(sink.port, sink.dir);
    sink.clear();
    // The queue's backoff would wait a minute: bring the retry forward.
    await t.db.updateTable("job").set({ run_at: new Date(Date.now() - 1000).toISOString() }).where("status", "=", "queued").execute();
    const mails = await flush(1);
    expect(mails.map((m) => m.subject)).toEqual([`[Vigie #${ticket.id}] Demande enregistrée : Imprimante en panne`]);
    expect(await t.db.selectFrom("outgoing_mail").select(["status", "attempts"]).where("ticket_id", "=", ticket.id).executeTakeFirst())
      .toEqual({ status: "sent", attempts: 2 });
  });

  it("marks a mail the server refuses as failed at once, lists it for the admin and sends it again on demand", async () => {
    await t.db.updateTable("app_user").set({ email: "refuse-me@example.fr" }).where("id", "=", requester.user.id).execute();
    const ticket = await newTicket(tech.cookie, { groupId: undefined });
    await worker.drain();
    const failed = await call("GET", "/api/mail/outgoing?status=failed", t.adminCookie);
    expect(failed.statusCode).toBe(200);
    const [row] = failed.json().data;
    expect(row).toMatchObject({ ticketId: ticket.id, toAddress: "refuse-me@example.fr", status: "failed", attempts: 1, lastError: expect.stringContaining("550") });
    const resent = await call("POST", `/api/mail/outgoing/${row.id}/resend`, t.adminCookie);
    expect(resent.json()).toMatchObject({ status: "queued", attempts: 0 });
    await worker.drain();
    expect((await call("GET", "/api/mail/outgoing?limit=5", t.adminCookie)).json().data[0]).toMatchObject({ id: row.id, status: "failed" });
    expect((await call("POST", "/api/mail/outgoing/999999/resend", t.adminCookie)).statusCode).toBe(404);
    await t.db.updateTable("app_user").set({ email: requester.email }).where("id", "=", requester.user.id).execute();
  });

  it("sends each mail once when two workers share the queue", async () => {
    const tickets = [];
    for (let i = 0; i < 12; i++) tickets.push(await newTicket(tech.cookie, { groupId: undefined }));
    const other = startWorker({ db: t.db, log, jobs: MAIL_OUT_JOBS, pollMs: 3_600_000 });
    await Promise.all([worker.drain(), other.drain(), worker.drain(), other.drain()]);
    await other.stop();
    const mails = await sink.waitFor(12);
    await new Promise((r) => setTimeout(r, 300));
    const all = await sink.messages();
    expect(all).toHaveLength(12);
    expect(new Set(all.map((m) => m.messageId)).size).toBe(12);
    expect(mails.map((m) => m.subject).sort()).toEqual(tickets.map((tk) => `[Vigie #${tk.id}] Demande enregistrée : Imprimante en panne`).sort());
  });

  it("mails nothing once the admin turns mail off", async () => {
    await call("PUT", "/api/mail/smtp", t.adminCookie, { ...smtpBody(sink.port), enabled: false });
    const before = await t.db.selectFrom("job").select("id").where("name", "=", "mail.render").execute();
    await newTicket(tech.cookie);
    const after = await t.db.selectFrom("job").select("id").where("name", "=", "mail.render").execute();
    expect(after.length).toBe(before.length);
    await call("PUT", "/api/mail/smtp", t.adminCookie, smtpBody(sink.port));
  });
});
