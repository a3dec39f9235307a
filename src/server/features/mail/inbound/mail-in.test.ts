import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rawMail } from "../../../../../test/fixtures/mail/load.js";
import { TEST_CONFIG, type TestApp, createTestApp, makeEntity, makeUser, signedInUser } from "../../../../../test/app.js";
import { DIALECTS } from "../../../../../test/db.js";
import type { Mailbox, ReceivedMail } from "../../../../shared/api/mail-in.js";
import { buildApp } from "../../../app.js";
import { collectMailbox } from "./imap-collector.js";
import { type MailInDeps } from "./mail-ingest.js";
import { forgetMailInCache } from "./mail-store.js";
import { startMailReceiver } from "./smtp-receiver.js";
import { type Dovecot, hasDovecot, startDovecot } from "./test-dovecot.js";

const run = promisify(execFile);
const hasSwaks = await fs.access("/usr/bin/swaks").then(() => true, () => false);
const PASSWORD = "imap-secret-42";
const quiet = { warn: () => undefined, info: () => undefined };

function mail(opts: { from: string; subject: string; body?: string; messageId?: string; inReplyTo?: string; headers?: string }): string {
  return [`From: ${opts.from}`, "To: support@vigie.example.fr", `Subject: ${opts.subject}`,
    `Message-ID: ${opts.messageId ?? `<${Math.random().toString(36).slice(2)}@client.example>`}`,
    ...(opts.inReplyTo ? [`In-Reply-To: ${opts.inReplyTo}`, `References: ${opts.inReplyTo}`] : []),
    ...(opts.headers ? [opts.headers] : []), "Date: Mon, 23 Nov 2026 09:00:00 +0100",
    "Content-Type: text/plain; charset=utf-8", "", opts.body ?? "Bonjour,\n\nMon poste ne démarre plus.\n"].join("\r\n");
}

describe.skipIf(!hasDovecot)("email in against a real Dovecot", () => {
  let dovecot: Dovecot;
  beforeAll(async () => {
    dovecot = await startDovecot({ "support@vigie.test": PASSWORD, "other@vigie.test": PASSWORD });
  });
  afterAll(async () => { await dovecot?.stop(); });

  describe.each(DIALECTS)("on %s", (dialect) => {
    let t: TestApp;
    let app: FastifyInstance;
    let filesDir: string;
    let deps: MailInDeps;
    let lyon: number;
    let box: Mailbox;
    let user: { id: number };
    let staff: { user: { id: number }; cookie: string };

    const call = (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: object, cookie = t.adminCookie) =>
      app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    const collect = () => collectMailbox(deps, box.id);
    const latest = async (): Promise<ReceivedMail> => (await call("GET", "/api/mail-in/received?limit=1")).json().data[0];
    const ticketOf = (id: number) => t.db.selectFrom("ticket").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    const deliver = async (raw: string | Buffer) => {
      await dovecot.append("support@vigie.test", raw);
      const outcome = await collect();
      expect(outcome.error).toBeNull();
      return latest();
    };

    beforeAll(async () => {
      t = await createTestApp(dialect);
      filesDir = await fs.mkdtemp(path.join(os.tmpdir(), "vigie-mail-in-"));
      app = await buildApp({ db: t.db, config: { ...TEST_CONFIG, filesDir }, liveUrl: t.liveUrl });
      deps = { db: t.db, filesDir, log: quiet };
      lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
      user = await makeUser(t.db, { entityId: lyon, email: "Jeanne.Durand@Acme.fr" });
      staff = await signedInUser(t, { entityId: lyon, role: "technician" });
      const res = await call("POST", "/api/mail-in/mailboxes", {
        name: "Support Lyon", entityId: lyon, kind: "imap", address: "support@vigie.example.fr", host: "127.0.0.1", port: dovecot.port,
        tls: "none", username: "support@vigie.test", password: PASSWORD, folder: "INBOX", afterAction: "move", afterFolder: "Vigie",
      });
      expect(res.statusCode, res.body).toBe(201);
      box = res.json();
    });
    afterAll(async () => {
      await app.close();
      await t.close();
      await fs.rm(filesDir, { recursive: true, force: true });
    });
    beforeEach(() => forgetMailInCache(t.db));

    it("never returns the password, and tests the connection with the stored one", async () => {
      const listed = await call("GET", "/api/mail-in/mailboxes");
      expect(listed.body).not.toContain(PASSWORD);
      expect(listed.json().data[0]).toMatchObject({ hasPassword: true, address: "support@vigie.example.fr" });
      expect(listed.json().data[0]).not.toHaveProperty("password");
      const test = { mailboxId: box.id, host: "127.0.0.1", port: dovecot.port, tls: "none", username: "support@vigie.test", folder: "INBOX" };
      expect((await call("POST", "/api/mail-in/mailboxes/test", test)).json()).toMatchObject({ ok: true });
      const wrong = (await call("POST", "/api/mail-in/mailboxes/test", { ...test, password: "nope" })).json();
      expect(wrong.ok).toBe(false);
      expect(wrong.error).toMatch(/auth|fail|invalid/i);
    });

    it("turns a mail from a known user into an email ticket, with its attachments and inline image, and moves it out of the inbox", async () => {
      const raw = rawMail("pdf-and-inline-image.eml").toString("latin1").replace(/francois\.lefevre@acme-industrie\.fr/gi, "jeanne.durand@acme.fr");
      const received = await deliver(Buffer.from(raw, "latin1"));
      expect(received).toMatchObject({ status: "ticket", fromAddress: "jeanne.durand@acme.fr" });
      const ticket = await ticketOf(received.ticketId!);
      expect(ticket).toMatchObject({ channel: "email", requester_id: user.id, entity_id: lyon, title: "Facture fournisseur introuvable dans l'ERP" });
      const files = await t.db.selectFrom("attachment").select(["id", "file_name", "content_type"]).where("ticket_id", "=", ticket.id).execute();
      expect(files.map((f) => f.content_type).sort()).toEqual(["application/pdf", "image/png"]);
      const image = files.find((f) => f.content_type === "image/png")!;
      expect(ticket.description).toContain(`/api/attachments/${image.id}?inline=1`);
      expect(await dovecot.count("support@vigie.test")).toBe(0);
      expect(await dovecot.count("support@vigie.test", "Vigie")).toBeGreaterThan(0);
      const history = await t.db.selectFrom("history").select("action").where("record_type", "=", "ticket").where("record_id", "=", ticket.id).execute();
      expect(history.map((h) => h.action)).toContain("create");
    });

    it("threads a reply by In-Reply-To into a trimmed followup from the user", async () => {
      const first = await deliver(mail({ from: "Jeanne Durand <jeanne.durand@acme.fr>", subject: "Écran noir", messageId: "<first-1@acme.fr>" }));
      const reply = await deliver(mail({ from: "jeanne.durand@acme.fr", subject: "RE: Écran noir", inReplyTo: "<first-1@acme.fr>",
        body: "Toujours pareil ce matin.\n\nCordialement,\nJeanne\n\nLe lun. 23 nov. 2026 à 09:00, Support <support@vigie.example.fr> a écrit :\n> Bonjour\n" }));
      expect(reply).toMatchObject({ status: "followup", ticketId: first.ticketId });
      const followup = await t.db.selectFrom("ticket_followup").selectAll().where("ticket_id", "=", first.ticketId!).orderBy("id", "desc").executeTakeFirstOrThrow();
      expect(followup).toMatchObject({ author_id: user.id, is_private: 0 });
      expect(followup.content).toContain("Toujours pareil ce matin.");
      expect(followup.content).not.toContain("a écrit");
      expect(followup.content).not.toContain("Cordialement");
    });

    it("threads a reply by the ticket tag in the subject, only for someone who may add to that ticket", async () => {
      const first = await deliver(mail({ from: "jeanne.durand@acme.fr", subject: "VPN coupé" }));
      const reply = await deliver(mail({ from: "jeanne.durand@acme.fr", subject: `Re: [Vigie #${first.ticketId}] VPN coupé`, body: "Ça recommence." }));
      expect(reply).toMatchObject({ status: "followup", ticketId: first.ticketId });
      const stranger = await deliver(mail({ from: "inconnu@ailleurs.fr", subject: `Re: [Vigie #${first.ticketId}] VPN coupé` }));
      expect(stranger.status).toBe("ticket");
      expect(stranger.ticketId).not.toBe(first.ticketId);
    });

    it("refuses auto-replies, bounces and mail loops, keeping them listed", async () => {
      expect(await deliver(rawMail("oof-exchange-fr.eml"))).toMatchObject({ status: "refused", reason: "auto_reply", ticketId: null });
      expect(await deliver(rawMail("bounce-postfix.eml"))).toMatchObject({ status: "refused", reason: "bounce" });
      expect(await deliver(mail({ from: "support@vigie.example.fr", subject: "Boucle" }))).toMatchObject({ status: "refused", reason: "loop" });
      const refused = (await call("GET", "/api/mail-in/received?status=refused")).json().data as ReceivedMail[];
      expect(refused.map((r) => r.reason)).toEqual(expect.arrayContaining(["auto_reply", "bounce", "loop"]));
    });

    it("refuses a blocked sender or domain", async () => {
      const res = await call("PUT", "/api/mail-in/settings", { blocklist: ["spam.example", "pierre@acme.fr"], maxMessageMb: 25 });
      expect(res.statusCode, res.body).toBe(200);
      expect(await deliver(mail({ from: "promo@spam.example", subject: "Offre" }))).toMatchObject({ status: "refused", reason: "blocked" });
      expect(await deliver(mail({ from: "pierre@acme.fr", subject: "Salut" }))).toMatchObject({ status: "refused", reason: "blocked" });
      await call("PUT", "/api/mail-in/settings", { blocklist: [], maxMessageMb: 25 });
    });

    it("opens a ticket for an unknown sender as a contact, or refuses it when the mailbox says so", async () => {
      const contact = await deliver(mail({ from: "Marc Blanc <marc.blanc@client.fr>", subject: "Accès refusé", messageId: "<acces-1@client.fr>" }));
      expect(await ticketOf(contact.ticketId!)).toMatchObject({ requester_id: null, contact_name: "Marc Blanc", contact_email: "marc.blanc@client.fr" });
      const reply = await deliver(mail({ from: "Marc Blanc <marc.blanc@client.fr>", subject: "RE: Accès refusé", inReplyTo: "<acces-1@client.fr>", body: "Toujours bloqué." }));
      expect(reply).toMatchObject({ status: "followup", ticketId: contact.ticketId });
      const followup = await t.db.selectFrom("ticket_followup").selectAll().where("ticket_id", "=", contact.ticketId!).executeTakeFirstOrThrow();
      expect(followup).toMatchObject({ author_id: null, author_name: "Marc Blanc" });
      const update = await call("PUT", `/api/mail-in/mailboxes/${box.id}`, { ...box, unknownSender: "refuse", password: null });
      expect(update.statusCode, update.body).toBe(200);
      expect(await deliver(mail({ from: "autre@client.fr", subject: "Question" }))).toMatchObject({ status: "refused", reason: "unknown_sender" });
      // The stored password was kept: collection still works.
      expect((await collect()).error).toBeNull();
      await call("PUT", `/api/mail-in/mailboxes/${box.id}`, { ...box, unknownSender: "contact" });
    });

    it("makes a ticket of what a malformed mail and a mail with no body hold", async () => {
      const malformed = await deliver(rawMail("malformed-mime.eml"));
      expect(malformed.status).toBe("ticket");
      expect((await ticketOf(malformed.ticketId!)).description).toContain("imprimante du 2e étage");
      const empty = await deliver("From: jeanne.durand@acme.fr\r\nTo: support@vigie.example.fr\r\nSubject: \r\n\r\n");
      expect(empty.status).toBe("ticket");
      expect((await ticketOf(empty.ticketId!)).title).toMatch(/E-mail de/);
    });

    it("refuses a mail over the size limit but keeps it, downloadable", async () => {
      await call("PUT", "/api/mail-in/settings", { blocklist: [], maxMessageMb: 1 });
      const big = `${mail({ from: "jeanne.durand@acme.fr", subject: "Gros fichier", body: "x".repeat(1_500_000) })}`;
      const received = await deliver(big);
      expect(received).toMatchObject({ status: "refused", reason: "too_large" });
      const raw = await call("GET", `/api/mail-in/received/${received.id}/raw`);
      expect(raw.statusCode).toBe(200);
      expect(raw.headers["content-type"]).toContain("message/rfc822");
      expect(raw.rawPayload.length).toBeGreaterThan(1_500_000);
      await call("PUT", "/api/mail-in/settings", { blocklist: [], maxMessageMb: 25 });
    });

    it("opens Outlook's winmail.dat: the files inside become the ticket's attachments and its RTF body the description", async () => {
      const raw = rawMail("outlook-winmail-tnef.eml").toString("latin1").replace(/francois\.lefevre@acme-industrie\.fr/gi, "jeanne.durand@acme.fr");
      const received = await deliver(Buffer.from(raw, "latin1"));
      expect(received).toMatchObject({ status: "ticket", subject: "Capture et favoris du poste COMPTA-12" });
      const ticket = await ticketOf(received.ticketId!);
      expect(ticket.description).toContain("Casdasdfasdfasd");
      const files = await t.db.selectFrom("attachment").select(["file_name", "content_type"]).where("ticket_id", "=", ticket.id).execute();
      expect(files).toContainEqual({ file_name: "zappa_av1.jpg", content_type: "image/jpeg" });
      expect(files.map((f) => f.file_name)).not.toContain("winmail.dat");
    });

    it("files a nested multipart: the alternative's html with its related image, the PDF and the forwarded mail", async () => {
      const raw = rawMail("nested-multipart.eml").toString("latin1").replace(/sophie\.bernard@acme-industrie\.fr/gi, "jeanne.durand@acme.fr");
      const received = await deliver(Buffer.from(raw, "latin1"));
      const ticket = await ticketOf(received.ticketId!);
      expect(ticket.title).toBe("Écran bleu au démarrage du poste ACCUEIL-03");
      const files = await t.db.selectFrom("attachment").select(["id", "file_name", "content_type"]).where("ticket_id", "=", ticket.id).execute();
      const image = files.find((f) => f.content_type === "image/png")!;
      expect(ticket.description).toContain(`/api/attachments/${image.id}?inline=1`);
      expect(ticket.description).not.toContain("Trojan");
      expect(files.map((f) => f.file_name)).toContain("Rapport antivirus.pdf");
    });

    it("reopens a solved ticket and resumes a pending one (SLA clock included) when the requester replies, and a technician's mail does not", async () => {
      const policy = await call("POST", "/api/sla/policies", { name: `Mail ${dialect}`, entityId: lyon, isRecursive: true, categoryId: null, isActive: true,
        targets: [{ priority: 3, ownMinutes: 120, resolveMinutes: 480 }], levels: [] });
      expect(policy.statusCode, policy.body).toBe(201);
      const first = await deliver(mail({ from: "jeanne.durand@acme.fr", subject: "Souris HS", messageId: "<souris-1@acme.fr>" }));
      const id = first.ticketId!;
      const post = async (url: string, body: object) => {
        const res = await call("POST", url, { version: (await ticketOf(id)).version, ...body }, staff.cookie);
        expect(res.statusCode, res.body).toBe(200);
      };
      await post(`/api/tickets/${id}/take`, {});
      await post(`/api/tickets/${id}/solution`, { content: "<p>Pile changée.</p>" });
      const reply = (n: number, from = "jeanne.durand@acme.fr") =>
        deliver(mail({ from, subject: "RE: Souris HS", inReplyTo: "<souris-1@acme.fr>", messageId: `<souris-${n}@acme.fr>`, body: "Toujours en panne." }));
      expect(await reply(2)).toMatchObject({ status: "followup", ticketId: id });
      expect(await ticketOf(id)).toMatchObject({ status: "in_progress", solved_at: null, solution_type: null, is_open: 1 });

      await post(`/api/tickets/${id}/status`, { status: "pending", reason: "Attente du retour de la souris" });
      expect((await ticketOf(id)).sla_paused_at).not.toBeNull();
      const staffEmail = `${staff.user.id}.tech@vigie.example.fr`;
      await t.db.updateTable("app_user").set({ email: staffEmail }).where("id", "=", staff.user.id).execute();
      expect(await reply(3, staffEmail)).toMatchObject({ status: "followup", ticketId: id });
      expect((await ticketOf(id)).status).toBe("pending"); // the technician's own note
      await reply(4);
      expect(await ticketOf(id)).toMatchObject({ status: "in_progress", pending_reason: null, sla_paused_at: null });
      const history = await t.db.selectFrom("history").select(["field", "new_value"]).where("record_type", "=", "ticket").where("record_id", "=", id)
        .where("field", "=", "status").execute();
      expect(history.map((h) => h.new_value)).toEqual(expect.arrayContaining(["solved", "in_progress", "pending"]));
      await t.db.updateTable("sla_policy").set({ is_active: 0 }).where("id", "=", policy.json().id).execute();
    });

    it("counts a technician's mail to the requester as taking the ticket in charge, not the requester's own", async () => {
      const policy = await call("POST", "/api/sla/policies", { name: `Prise en charge ${dialect}`, entityId: lyon, isRecursive: true, categoryId: null,
        isActive: true, targets: [{ priority: 3, ownMinutes: 60, resolveMinutes: 480 }], levels: [] });
      expect(policy.statusCode, policy.body).toBe(201);
      const id = (await deliver(mail({ from: "jeanne.durand@acme.fr", subject: "Écran noir", messageId: "<ecran-1@acme.fr>" }))).ticketId!;
      const reply = (n: number, from: string) =>
        deliver(mail({ from, subject: "RE: Écran noir", inReplyTo: "<ecran-1@acme.fr>", messageId: `<ecran-${n}@acme.fr>`, body: "Message." }));
      await reply(2, "jeanne.durand@acme.fr");
      expect((await ticketOf(id)).sla_own_met_at).toBeNull();
      const staffEmail = `${staff.user.id}.answer@vigie.example.fr`;
      await t.db.updateTable("app_user").set({ email: staffEmail }).where("id", "=", staff.user.id).execute();
      await reply(3, staffEmail);
      expect((await ticketOf(id)).sla_own_met_at).not.toBeNull();
      expect((await call("PATCH", `/api/sla/policies/${policy.json().id}`, { version: policy.json().version, isActive: false })).statusCode).toBe(200);
    });

    it("answers a reply to a closed ticket with a new ticket that names and links the old one", async () => {
      const first = await deliver(mail({ from: "jeanne.durand@acme.fr", subject: "Clavier", messageId: "<clavier-1@acme.fr>" }));
      const id = first.ticketId!;
      await t.db.updateTable("ticket").set({ status: "closed", is_open: 0, closed_at: new Date().toISOString() }).where("id", "=", id).execute();
      const reply = await deliver(mail({ from: "jeanne.durand@acme.fr", subject: `RE: [Vigie #${id}] Clavier`, inReplyTo: "<clavier-1@acme.fr>", body: "Ça recommence." }));
      expect(reply.status).toBe("ticket");
      expect(reply.ticketId).not.toBe(id);
      expect((await ticketOf(id)).status).toBe("closed");
      const next = await ticketOf(reply.ticketId!);
      expect(next).toMatchObject({ title: "Clavier", requester_id: user.id, status: "new" });
      expect(next.description).toContain(`#${id}`);
      expect(next.description).toContain("Ça recommence.");
      const links = (await call("GET", `/api/tickets/${next.id}/links`, undefined, staff.cookie)).json().data;
      expect(links).toMatchObject([{ ticketId: id, kind: "related" }]);
    });

    it("offers a ticket's original mails to the staff who see it, never to its requester", async () => {
      const requester = await signedInUser(t, { entityId: lyon, role: "requester" });
      await t.db.updateTable("app_user").set({ email: "paul.requester@acme.fr" }).where("id", "=", requester.user.id).execute();
      const first = await deliver(mail({ from: "paul.requester@acme.fr", subject: "Wifi lent", messageId: "<wifi-1@acme.fr>" }));
      const reply = await deliver(mail({ from: "paul.requester@acme.fr", subject: "RE: Wifi lent", inReplyTo: "<wifi-1@acme.fr>", body: "Pire ce matin.\n\n> cité" }));
      const id = first.ticketId!;
      const listed = await call("GET", `/api/tickets/${id}/mails`, undefined, staff.cookie);
      expect(listed.statusCode, listed.body).toBe(200);
      expect(listed.json().data).toMatchObject([
        { id: first.id, followupId: null, fromAddress: "paul.requester@acme.fr", subject: "Wifi lent" },
        { id: reply.id, followupId: expect.any(Number), subject: "RE: Wifi lent" },
      ]);
      const raw = await call("GET", `/api/tickets/${id}/mails/${reply.id}/raw`, undefined, staff.cookie);
      expect(raw.statusCode).toBe(200);
      expect(raw.headers["content-type"]).toContain("message/rfc822");
      expect(raw.body).toContain("> cité"); // the whole mail, not the trimmed followup
      expect((await call("GET", `/api/tickets/${id}/mails/${first.id}/raw`, undefined, staff.cookie)).statusCode).toBe(200);
      // A mail of another ticket is not reachable through this one.
      const other = await deliver(mail({ from: "jeanne.durand@acme.fr", subject: "Autre" }));
      expect((await call("GET", `/api/tickets/${id}/mails/${other.id}/raw`, undefined, staff.cookie)).statusCode).toBe(404);
      for (const url of [`/api/tickets/${id}/mails`, `/api/tickets/${id}/mails/${first.id}/raw`]) {
        const denied = await call("GET", url, undefined, requester.cookie);
        expect(denied.statusCode).toBe(403);
        expect(denied.body).not.toContain("Wifi");
      }
      const paris = (await makeEntity(t.db, t.rootId, `Paris ${dialect} mails`)).id;
      const parisTech = await signedInUser(t, { entityId: paris, role: "technician" });
      expect((await call("GET", `/api/tickets/${id}/mails`, undefined, parisTech.cookie)).statusCode).toBe(403);
    });

    it("stores the IMAP password sealed, still reads one saved in clear, and seals it at the next save", async () => {
      const stored = async () => (await t.db.selectFrom("mail_mailbox").select("password").where("id", "=", box.id).executeTakeFirstOrThrow()).password!;
      expect(await stored()).toMatch(/^v1:/);
      expect(await stored()).not.toContain(PASSWORD);
      await t.db.updateTable("mail_mailbox").set({ password: PASSWORD }).where("id", "=", box.id).execute();
      expect((await collect()).error).toBeNull();
      const current = (await call("GET", `/api/mail-in/mailboxes/${box.id}`)).json();
      expect((await call("PUT", `/api/mail-in/mailboxes/${box.id}`, { ...current, password: null })).statusCode).toBe(200);
      expect(await stored()).toMatch(/^v1:/);
      expect((await collect()).error).toBeNull();
    });

    it("keeps a mail that fails, and files it on retry", async () => {
      // The attachments' temporary folder made unusable: storing the PDF fails.
      await fs.rm(path.join(filesDir, "tmp"), { recursive: true, force: true });
      await fs.writeFile(path.join(filesDir, "tmp"), "not a folder");
      const failed = await deliver(rawMail("pdf-and-inline-image.eml"));
      expect(failed).toMatchObject({ status: "failed", attempts: 1, ticketId: null });
      expect(failed.nextAttemptAt).not.toBeNull();
      expect(await dovecot.count("support@vigie.test")).toBe(0);
      await fs.rm(path.join(filesDir, "tmp"), { force: true });
      const retried = await call("POST", `/api/mail-in/received/${failed.id}/retry`);
      expect(retried.json()).toMatchObject({ status: "ticket", attempts: 2 });
    });

    it("lets two collectors at once take each mail once", async () => {
      for (let i = 0; i < 12; i++) await dovecot.append("support@vigie.test", mail({ from: "jeanne.durand@acme.fr", subject: `Lot ${dialect} ${i}` }));
      const outcomes = await Promise.all([collect(), collect(), collectMailbox(deps, box.id)]);
      expect(outcomes.filter((o) => o.skipped)).toHaveLength(2);
      const titles = await t.db.selectFrom("ticket").select("title").where("title", "like", `Lot ${dialect} %`).execute();
      expect(titles).toHaveLength(12);
      // Collected again (a collector that died before moving them): the same mails make no new ticket.
      for (let i = 0; i < 3; i++) await dovecot.append("support@vigie.test", mail({ from: "jeanne.durand@acme.fr", subject: `Lot ${dialect} 0`, messageId: "<same@x>" }));
      await collect();
      expect(await t.db.selectFrom("ticket").select("id").where("title", "=", `Lot ${dialect} 0`).execute()).toHaveLength(2);
    });

    it.skipIf(!hasSwaks)("receives mail with swaks through the built-in SMTP receiver, for known addresses only", async () => {
      const res = await call("POST", "/api/mail-in/mailboxes", { name: "Réception directe", entityId: lyon, kind: "smtp", address: "helpdesk@vigie.example.fr" });
      expect(res.statusCode, res.body).toBe(201);
      const receiver = await startMailReceiver(deps, { port: 0, host: "127.0.0.1" });
      try {
        await run("swaks", ["--server", `127.0.0.1:${receiver.port}`, "--to", "helpdesk@vigie.example.fr", "--from", "jeanne.durand@acme.fr",
          "--header", "Subject: Clavier cassé", "--body", "Le clavier ne répond plus.", "--silent", "2"]);
        const received = await latest();
        expect(received).toMatchObject({ status: "ticket", mailboxName: "Réception directe" });
        expect(await ticketOf(received.ticketId!)).toMatchObject({ channel: "email", requester_id: user.id, title: "Clavier cassé" });
        const refused = await run("swaks", ["--server", `127.0.0.1:${receiver.port}`, "--to", "nobody@vigie.example.fr", "--from", "x@y.fr", "--silent", "2"])
          .then(() => "accepted", (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ""}${error.stderr ?? ""}`);
        expect(refused).toMatch(/550/);
      } finally {
        await receiver.close();
      }
    });

    it.skipIf(!hasSwaks)("offers STARTTLS when given a certificate, and takes the mail over TLS", async () => {
      const res = await call("POST", "/api/mail-in/mailboxes", { name: "Réception TLS", entityId: lyon, kind: "smtp", address: "tls@vigie.example.fr" });
      expect(res.statusCode, res.body).toBe(201);
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "vigie-receiver-tls-"));
      const [key, cert] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
      await run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=mx.vigie.test"]);
      const send = (port: number, subject: string) => run("swaks", ["--server", `127.0.0.1:${port}`, "--tls", "--to", "tls@vigie.example.fr",
        "--from", "jeanne.durand@acme.fr", "--header", `Subject: ${subject}`, "--body", "Envoyé chiffré.", "--silent", "2"]);
      const plain = await startMailReceiver(deps, { port: 0, host: "127.0.0.1" });
      try {
        // swaks --tls insists on STARTTLS: a receiver without a certificate does not offer it.
        await expect(send(plain.port, "Sans TLS")).rejects.toThrow();
      } finally {
        await plain.close();
      }
      const receiver = await startMailReceiver(deps, { port: 0, host: "127.0.0.1", tls: { key: await fs.readFile(key), cert: await fs.readFile(cert) } });
      try {
        await send(receiver.port, "Imprimante chiffrée");
        const received = await latest();
        expect(received).toMatchObject({ status: "ticket", mailboxName: "Réception TLS" });
        expect(await ticketOf(received.ticketId!)).toMatchObject({ channel: "email", title: "Imprimante chiffrée" });
      } finally {
        await receiver.close();
        await fs.rm(dir, { recursive: true, force: true });
      }
    });

    it("keeps mailboxes and received mails to the admins of their entity", async () => {
      const paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
      const parisAdmin = await signedInUser(t, { entityId: paris, role: "admin" });
      expect((await call("GET", `/api/mail-in/mailboxes/${box.id}`, undefined, parisAdmin.cookie)).statusCode).toBe(404);
      expect((await call("GET", "/api/mail-in/mailboxes", undefined, parisAdmin.cookie)).json().data).toEqual([]);
      expect((await call("GET", "/api/mail-in/received", undefined, parisAdmin.cookie)).json().data).toEqual([]);
      expect((await call("POST", `/api/mail-in/mailboxes/${box.id}/collect`, undefined, parisAdmin.cookie)).statusCode).toBe(404);
      expect((await call("GET", "/api/mail-in/mailboxes", undefined, staff.cookie)).statusCode).toBe(403);
      const taken = await call("POST", "/api/mail-in/mailboxes", { name: "Doublon", entityId: lyon, kind: "smtp", address: "support@vigie.example.fr" });
      expect(taken.json().error.code).toBe("MAILBOX_ADDRESS_TAKEN");
      const invalid = await call("POST", "/api/mail-in/mailboxes", { name: "Sans serveur", entityId: lyon, kind: "imap", address: "x@vigie.example.fr" });
      expect(invalid.statusCode).toBe(400);
    });
  });
});
