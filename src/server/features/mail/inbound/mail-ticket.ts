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
import { afterPublicAnswer, afterTicketCreated } from "../../tickets/ticket-hooks.js";
import { resumeOnRequesterReply } from "../../tickets/ticket-solution.service.js";
import { insertTicketRow } from "../../tickets/ticket-write.js";
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

/**
 * Opens the ticket in the mailbox's entity, with the mailbox's category and group; returns its id.
 * `previous`: the closed ticket the mail answers, which the new one names and links to.
 */
export async function openTicketFromMail(db: Db, mailbox: MailMailboxRow, mail: InboundMail, sender: Sender, files: PreparedFiles,
  previous?: TicketRow): Promise<number> {
  const entityId = mailbox.entity_id;
  const category = await categoryFor(db, mailbox, entityId);
  const groupId = mailbox.group_id ?? category?.defaultGroupId ?? null;
  const title = (cleanSubject(mail.subject) || `E-mail de ${sender.name || sender.address}`).slice(0, 200);
  const isContact = sender.userId === null;
  const id = await insertTicketRow(db, {
    entityId, type: category?.defaultType ?? "incident", title, description: "", channel: "email", requesterId: sender.userId,
    contactName: isContact ? sender.name || sender.address : null, contactEmail: isContact ? sender.address : null,
    groupId, categoryId: category?.id ?? null, urgency: category?.defaultUrgency ?? 3, impact: category?.defaultImpact ?? 3, createdBy: sender.userId,
  });
  const byContentId = await insertFiles(db, id, null, files.accepted, sender.userId);
  const description = followsNote(previous) + (bodyHtml(mail, byContentId) || "<p>(e-mail sans texte)</p>") + refusedNote(files);
  await db.updateTable("ticket").set({ description: sanitizeRichText(description) }).where("id", "=", id).execute();
  const actor = actorOf(sender);
  await recordHistory(db, actor, { recordType: "ticket", recordId: id, entityId, action: "create", label: title });
  if (previous) await linkToPrevious(db, actor, sender, id, entityId, previous);
  await notifyAssignment(db, actor, { id, title, assignee_id: null, group_id: groupId });
  await rememberMessageId(db, mail.messageId, id);
  await afterTicketCreated(db, actor, id);
  return id;
}

function followsNote(previous: TicketRow | undefined): string {
  if (!previous) return "";
  return `<p>Réponse reçue après la clôture du ticket #${previous.id} « ${escapeHtml(previous.title)} » : nouveau ticket.</p>`;
}

/** A "related" link, as a technician would make it, so each ticket shows the other. */
async function linkToPrevious(db: Db, actor: Actor | undefined, sender: Sender, id: number, entityId: number, previous: TicketRow) {
  await db.insertInto("ticket_link").values({ ticket_id: id, other_id: previous.id, kind: "related", created_by: sender.userId, created_at: now() }).execute();
  await recordHistory(db, actor, { recordType: "ticket", recordId: id, entityId, action: "link", field: "link", label: `#${previous.id}` });
  await recordHistory(db, actor, { recordType: "ticket", recordId: previous.id, entityId: previous.entity_id, action: "link", field: "link", label: `#${id}` });
}

/**
 * Adds the reply's new part (quoted history and signature trimmed) to the ticket; returns the
 * followup's id. `resumes`: the requester's side answered, so a solved ticket reopens and a
 * pending one resumes (a technician's mail leaves the status alone). `answers`: a technician
 * answered the requester by mail, which takes the ticket in charge for the SLA as a public followup does.
 */
export async function addFollowupFromMail(db: Db, ticket: TicketRow, mail: InboundMail, sender: Sender, files: PreparedFiles,
  opts: { resumes: boolean; answers: boolean }): Promise<number> {
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
  if (opts.resumes) await resumeOnRequesterReply(db, actor, ticket.id);
  if (opts.answers) await afterPublicAnswer(db, ticket);
  return row.id;
}

/** A contact has no user to name as the actor: everyone concerned hears of the reply, as notifyFollowup would tell them. */
async function notifyContactReply(db: Db, ticket: TicketRow): Promise<void> {
  const observers = await db.selectFrom("ticket_observer").select("user_id").where("ticket_id", "=", ticket.id).execute();
  await notifyUsers(db, "followup", { ticketId: ticket.id, title: ticket.title, actor: undefined }, [ticket.assignee_id, ...observers.map((o) => o.user_id)]);
}
