/**
 * Turns an accepted mail into a ticket or a followup, in one transaction, the way the service
 * desk writes them: history, notifications, then the automation rules and the SLA through the
 * tickets module's hooks. The actor is the sender when they are a user; a contact acts as "system".
 */
import type { Db } from "../../../db/database.js";
import type { TicketRow } from "../../../db/schema.js";
import { flag, now } from "../../../db/values.js";
import { AppError } from "../../../http/errors.js";
import { findCategoryForTicket } from "../../categories/category-use.js";
import { recordHistory } from "../../history/history.service.js";
import type { Actor } from "../../identity/access.js";
import { notifyAssignment, notifyFollowup, notifyUsers } from "../../notifications/notify.js";
import { sanitizeRichText } from "../../tickets/html.js";
import { afterTicketCreated } from "../../tickets/ticket-hooks.js";
import { computePriority, statusAfterAssignment } from "../../tickets/ticket-write.js";
import type { InboundMail } from "./inbound-mail.js";
import type { MailMailboxRow } from "./mail-in.table.js";
import { type PreparedFiles, insertFiles } from "./mail-files.js";
import { cleanSubject } from "./thread.js";
import { trimReply } from "./trim-reply.js";

/** Who wrote: a user of Vigie, or a contact known only by name and address. */
export type Sender = { userId: number | null; name: string; address: string };

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function textToHtml(text: string): string {
  if (text.trim() === "") return "";
  return text.split(/\n{2,}/).map((para) => `<p>${escapeHtml(para).replace(/\n/g, "<br>")}</p>`).join("");
}

/** The HTML body with its cid: images pointing at the stored attachments; the text body as paragraphs when there is no HTML. */
function bodyHtml(mail: InboundMail, byContentId: Map<string, number>): string {
  if (mail.html === null) return textToHtml(mail.text);
  const html = mail.html.replace(/src\s*=\s*(["'])cid:([^"']+)\1/gi, (whole, quote: string, cid: string) => {
    const id = byContentId.get(cid.trim());
    return id === undefined ? "" : `src=${quote}/api/attachments/${id}?inline=1${quote}`;
  });
  const clean = sanitizeRichText(html);
  return clean !== "" ? clean : textToHtml(mail.text);
}

function refusedNote(files: PreparedFiles): string {
  if (files.refused.length === 0) return "";
  const items = files.refused.map((f) => `<li>${escapeHtml(f.fileName)} : ${escapeHtml(f.why)}</li>`).join("");
  return `<p>Pièces jointes non conservées (l’e-mail d’origine reste téléchargeable) :</p><ul>${items}</ul>`;
}

function actorOf(sender: Sender): Actor | undefined {
  return sender.userId === null ? undefined : { kind: "session", userId: sender.userId, name: sender.name, grants: [] };
}

async function categoryFor(db: Db, mailbox: MailMailboxRow, entityId: number) {
  if (mailbox.category_id === null) return undefined;
  try {
    return await findCategoryForTicket(db, mailbox.category_id, entityId, { portal: false });
  } catch (error) {
    // A category since deactivated or moved out of reach: the ticket is still opened, without it.
    if (error instanceof AppError) return undefined;
    throw error;
  }
}

export async function rememberMessageId(db: Db, messageId: string | null, ticketId: number): Promise<void> {
  if (!messageId) return;
  await db.insertInto("mail_thread_ref").values({ message_id: messageId, ticket_id: ticketId, direction: "in", created_at: now() })
    .onConflict((oc) => oc.column("message_id").doNothing()).execute();
}

/** Opens the ticket in the mailbox's entity, with the mailbox's category and group; returns its id. */
export async function openTicketFromMail(db: Db, mailbox: MailMailboxRow, mail: InboundMail, sender: Sender, files: PreparedFiles): Promise<number> {
  const entityId = mailbox.entity_id;
  const category = await categoryFor(db, mailbox, entityId);
  const groupId = mailbox.group_id ?? category?.defaultGroupId ?? null;
  const urgency = category?.defaultUrgency ?? 3;
  const impact = category?.defaultImpact ?? 3;
  const title = (cleanSubject(mail.subject) || `E-mail de ${sender.name || sender.address}`).slice(0, 200);
  const isContact = sender.userId === null;
  const at = now();
  const row = await db.insertInto("ticket").values({
    entity_id: entityId, type: category?.defaultType ?? "incident", title, description: "",
    channel: "email", requester_id: sender.userId, contact_name: isContact ? sender.name || sender.address : null, contact_phone: null,
    contact_email: isContact ? sender.address : null, assignee_id: null, group_id: groupId, category_id: category?.id ?? null, level: 1,
    status: statusAfterAssignment("new", null, groupId), is_open: 1, pending_reason: null, pending_until: null,
    urgency, impact, priority: await computePriority(db, urgency, impact), due_at: null,
    call_seconds: null, version: 1, created_by: sender.userId, created_at: at, updated_at: at,
    solved_at: null, closed_at: null, satisfaction: null, satisfaction_comment: null, rated_at: null,
  }).returning("id").executeTakeFirstOrThrow();
  const byContentId = await insertFiles(db, row.id, null, files.accepted, sender.userId);
  const description = (bodyHtml(mail, byContentId) || "<p>(e-mail sans texte)</p>") + refusedNote(files);
  await db.updateTable("ticket").set({ description: sanitizeRichText(description) }).where("id", "=", row.id).execute();
  const actor = actorOf(sender);
  await recordHistory(db, actor, { recordType: "ticket", recordId: row.id, entityId, action: "create", label: title });
  await notifyAssignment(db, actor, { id: row.id, title, assignee_id: null, group_id: groupId });
  await rememberMessageId(db, mail.messageId, row.id);
  await afterTicketCreated(db, actor, row.id);
  return row.id;
}

/** Adds the reply's new part (quoted history and signature trimmed) to the ticket; returns the followup's id. */
export async function addFollowupFromMail(db: Db, ticket: TicketRow, mail: InboundMail, sender: Sender, files: PreparedFiles): Promise<number> {
  const at = now();
  const text = trimReply(mail.text);
  const content = sanitizeRichText((textToHtml(text) || "<p>(e-mail sans texte)</p>") + refusedNote(files));
  const row = await db.insertInto("ticket_followup").values({
    ticket_id: ticket.id, kind: "followup", is_private: flag(false), content,
    author_id: sender.userId, author_name: sender.name || sender.address, created_at: at,
  }).returning("id").executeTakeFirstOrThrow();
  await insertFiles(db, ticket.id, row.id, files.accepted, sender.userId);
  await db.updateTable("ticket").set({ updated_at: at }).where("id", "=", ticket.id).execute();
  await rememberMessageId(db, mail.messageId, ticket.id);
  const actor = actorOf(sender);
  if (actor) await notifyFollowup(db, actor, ticket, false);
  else await notifyContactReply(db, ticket);
  return row.id;
}

/** A contact has no user to name as the actor: everyone concerned hears of the reply, as notifyFollowup would tell them. */
async function notifyContactReply(db: Db, ticket: TicketRow): Promise<void> {
  const observers = await db.selectFrom("ticket_observer").select("user_id").where("ticket_id", "=", ticket.id).execute();
  await notifyUsers(db, "followup", { ticketId: ticket.id, title: ticket.title, actor: undefined }, [ticket.assignee_id, ...observers.map((o) => o.user_id)]);
}
