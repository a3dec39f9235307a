/**
 * Every received mail, whatever brought it (IMAP collector, SMTP/LMTP receiver), goes through
 * here: kept raw first (so nothing is ever lost), then read, classified, threaded and turned into
 * a ticket or a followup, and its fate written on its row. A failure is kept and retried later.
 */
import type { Kysely } from "kysely";
import type { Db } from "../../../db/database.js";
import type { DB, TicketRow } from "../../../db/schema.js";
import { now } from "../../../db/values.js";
import type { Role } from "../../../../shared/domain/roles.js";
import { type Actor, allows, roleOn } from "../../identity/access.js";
import { classify } from "./classify.js";
import { InboundMailError, type InboundMail } from "./inbound-mail.js";
import type { MailMailboxRow, MailReceivedRow } from "./mail-in.table.js";
import { commitFiles, discardFiles, prepareFiles } from "./mail-files.js";
import { keepRaw, mailInContext, readRaw } from "./mail-store.js";
import { type Sender, addFollowupFromMail, openTicketFromMail } from "./mail-ticket.js";
import { readMessage } from "./read-message.js";
import { findThread } from "./thread.js";

export type MailInDeps = { db: Kysely<DB>; filesDir: string; log: { warn: (obj: object, msg: string) => void; info: (obj: object, msg: string) => void } };

/** A failed mail is tried again after 1, 5, 30 minutes, 2 and 12 hours, then left to an admin. */
const RETRY_MINUTES = [1, 5, 30, 120, 720];
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;

type Fate = Pick<MailReceivedRow, "status" | "reason" | "error" | "ticket_id" | "followup_id">;

/**
 * Keeps the raw mail and records it; returns its row, or undefined when this mailbox already
 * received this very message (a collector that stopped before deleting it from the server).
 */
export async function receiveMail(deps: MailInDeps, mailbox: MailMailboxRow, raw: Buffer): Promise<MailReceivedRow | undefined> {
  const sha256 = await keepRaw(deps.filesDir, raw);
  const head = headerSummary(raw);
  const at = now();
  const row = await deps.db.insertInto("mail_received").values({
    mailbox_id: mailbox.id, entity_id: mailbox.entity_id, sha256, size: raw.length, message_id: head.messageId,
    from_address: head.from, from_name: null, subject: head.subject, status: "pending", reason: null, error: null,
    ticket_id: null, followup_id: null, attempts: 0, next_attempt_at: null, received_at: at, updated_at: at,
  }).onConflict((oc) => oc.columns(["mailbox_id", "sha256"]).doNothing()).returningAll().executeTakeFirst();
  if (!row) return undefined;
  return processReceived(deps, row, mailbox, raw);
}

/** Reads, classifies and files one received mail; never throws for a bad mail, only records its fate. */
export async function processReceived(deps: MailInDeps, row: MailReceivedRow, mailbox: MailMailboxRow | undefined, raw?: Buffer): Promise<MailReceivedRow> {
  let fate: Fate;
  let mail: InboundMail | undefined;
  try {
    const bytes = raw ?? (await readRaw(deps.filesDir, row.sha256));
    if (!mailbox) throw new Error("its mailbox was deleted");
    const { settings } = await mailInContext(deps.db);
    mail = await readMessage(bytes, settings.maxMessageMb * 1024 * 1024);
    fate = await fileMail(deps, mailbox, mail);
  } catch (error) {
    fate = failure(error);
    if (fate.status === "failed") deps.log.warn({ err: error, receivedId: row.id }, "received mail failed, kept for a retry");
  }
  return saveFate(deps.db, row, fate, mail);
}

function failure(error: unknown): Fate {
  const none = { ticket_id: null, followup_id: null };
  if (error instanceof InboundMailError && error.code === "MAIL_TOO_LARGE") return { status: "refused", reason: "too_large", error: error.message, ...none };
  if (error instanceof InboundMailError) return { status: "failed", reason: error.code, error: error.message, ...none };
  return { status: "failed", reason: "INTERNAL", error: (error as Error).message?.slice(0, 1000) ?? String(error), ...none };
}

async function saveFate(db: Kysely<DB>, row: MailReceivedRow, fate: Fate, mail: InboundMail | undefined): Promise<MailReceivedRow> {
  const attempts = row.attempts + 1;
  const retryIn = fate.status === "failed" ? RETRY_MINUTES[attempts - 1] : undefined;
  const values = {
    ...fate, attempts, updated_at: now(),
    next_attempt_at: retryIn === undefined ? null : new Date(Date.now() + retryIn * 60_000).toISOString(),
    ...(mail ? { message_id: mail.messageId, from_address: mail.from?.address ?? null, from_name: mail.from?.name || null, subject: mail.subject.slice(0, 500) } : {}),
  };
  await db.updateTable("mail_received").set(values).where("id", "=", row.id).execute();
  return { ...row, ...values };
}

const refused = (reason: string): Fate => ({ status: "refused", reason, error: null, ticket_id: null, followup_id: null });

async function fileMail(deps: MailInDeps, mailbox: MailMailboxRow, mail: InboundMail): Promise<Fate> {
  const { settings, ownAddresses } = await mailInContext(deps.db);
  const verdict = classify(mail, { ownAddresses, blocklist: settings.blocklist });
  if (!verdict.accept) return refused(verdict.reason);
  if (!mail.from) return refused("no_sender");
  const sender = await findSender(deps.db, mail);
  const ticket = await threadedTicket(deps.db, mail, sender);
  if (!ticket && sender.userId === null && mailbox.unknown_sender === "refuse") return refused("unknown_sender");
  const files = await prepareFiles(deps.filesDir, mail.attachments);
  try {
    const fate = await deps.db.transaction().execute(async (trx): Promise<Fate> => {
      // A closed ticket stays closed (its satisfaction survey, its statistics): the reply opens a new one that points back to it.
      if (ticket && ticket.status !== "closed") {
        const isStaff = await senderIsStaff(trx, ticket, sender);
        const followupId = await addFollowupFromMail(trx, ticket, mail, sender, files,
          { resumes: !isStaff, answers: isStaff && sender.userId !== ticket.requester_id });
        return { status: "followup", reason: null, error: null, ticket_id: ticket.id, followup_id: followupId };
      }
      const ticketId = await openTicketFromMail(trx, mailbox, mail, sender, files, ticket);
      return { status: "ticket", reason: null, error: null, ticket_id: ticketId, followup_id: null };
    });
    await commitFiles(deps.filesDir, files.accepted);
    return fate;
  } catch (error) {
    await discardFiles(files.accepted);
    throw error;
  }
}

async function findSender(db: Kysely<DB>, mail: InboundMail): Promise<Sender> {
  const address = mail.from!.address;
  const exact = db.selectFrom("app_user").select(["id", "first_name", "last_name"]).where("is_active", "=", 1);
  const user = (await exact.where("email", "=", address).executeTakeFirst())
    // Addresses are typed by hand: "Jean.Dupont@Acme.fr" is the same mailbox.
    ?? (await exact.where((eb) => eb(eb.fn("lower", ["email"]), "=", address)).executeTakeFirst());
  if (user) return { userId: user.id, name: `${user.first_name} ${user.last_name}`.trim(), address };
  return { userId: null, name: mail.from!.name, address };
}

/**
 * The open or closed ticket the mail answers. A Message-ID match is trusted; a number in the
 * subject anyone may type, so the sender must be its requester (or contact), an observer or staff of its entity.
 */
async function threadedTicket(db: Kysely<DB>, mail: InboundMail, sender: Sender): Promise<TicketRow | undefined> {
  const match = await findThread(mail, async (messageId) =>
    (await db.selectFrom("mail_thread_ref").select("ticket_id").where("message_id", "=", messageId).executeTakeFirst())?.ticket_id);
  if (!match) return undefined;
  let ticket = await db.selectFrom("ticket").selectAll().where("id", "=", match.ticketId).executeTakeFirst();
  // A merged ticket's conversation goes on in the one it was merged into.
  for (let hops = 0; ticket?.merged_into_id && hops < 5; hops++) {
    ticket = await db.selectFrom("ticket").selectAll().where("id", "=", ticket.merged_into_id).executeTakeFirst();
  }
  if (!ticket || match.via !== "subject") return ticket;
  return (await maySubjectThread(db, ticket, sender)) ? ticket : undefined;
}

async function maySubjectThread(db: Kysely<DB>, ticket: TicketRow, sender: Sender): Promise<boolean> {
  if (sender.userId === null) return ticket.requester_id === null && ticket.contact_email?.toLowerCase() === sender.address;
  if (ticket.requester_id === sender.userId) return true;
  const observer = await db.selectFrom("ticket_observer").select("user_id")
    .where("ticket_id", "=", ticket.id).where("user_id", "=", sender.userId).executeTakeFirst();
  if (observer) return true;
  return senderIsStaff(db, ticket, sender);
}

/** Staff of the ticket's entity: their mail is work on the ticket, not the requester's answer that reopens it. */
async function senderIsStaff(db: Db, ticket: TicketRow, sender: Sender): Promise<boolean> {
  if (sender.userId === null) return false;
  const grants = await db.selectFrom("role_grant as g").innerJoin("entity as e", "e.id", "g.entity_id")
    .select(["g.entity_id", "g.role", "g.recursive", "e.parent_id"]).where("g.user_id", "=", sender.userId).execute();
  const actor: Actor = { kind: "session", userId: sender.userId, name: sender.name, grants: grants.map((g) => ({
    entityId: g.entity_id, role: g.role as Role, recursive: Boolean(g.recursive), onRoot: g.parent_id === null })) };
  return allows(await roleOn(db, actor, ticket.entity_id), "ticket.write");
}

/** Subject, sender and Message-ID read from the raw header, for the list, before (or without) a full parse. */
function headerSummary(raw: Buffer): { subject: string; from: string | null; messageId: string | null } {
  const end = raw.indexOf("\r\n\r\n");
  const head = raw.subarray(0, end < 0 ? Math.min(raw.length, 64 * 1024) : end).toString("latin1").replace(/\r?\n[ \t]+/g, " ");
  const field = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, "im").exec(head)?.[1]?.trim() ?? null;
  const from = field("from");
  return {
    subject: (field("subject") ?? "").slice(0, 500),
    from: from ? (/<([^<>\s]+@[^<>\s]+)>/.exec(from)?.[1] ?? /[^\s<>"]+@[^\s<>"]+/.exec(from)?.[0] ?? null)?.toLowerCase() ?? null : null,
    messageId: /<[^<>\s]+>/.exec(field("message-id") ?? "")?.[0] ?? null,
  };
}
