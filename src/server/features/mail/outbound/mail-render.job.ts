/**
 * The "mail.render" job: a ticket event's mails, each rendered for its recipient and stored, then
 * one "mail.send" job each. All in one transaction, checked against the job's id, so a retried
 * render never mails twice.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Db } from "../../../db/database.js";
import type { DB } from "../../../db/schema.js";
import { now } from "../../../db/values.js";
import { enqueue } from "../../../jobs/queue.js";
import { sendMailJob } from "./mail-send.job.js";
import type { TicketMailPayload } from "./mail-queue.js";
import { recipientsOf } from "./recipients.js";
import { renderMail } from "./render.js";
import { readSmtp } from "./smtp-settings.js";
import { templateFor } from "./templates.js";
import { ticketFacts, valuesFor } from "./mail-values.js";

/** The ticket's Message-IDs so far, oldest first: the thread a new mail continues. */
async function threadOf(db: Db, ticketId: number): Promise<string[]> {
  const rows = await db.selectFrom("mail_thread_ref").select("message_id").where("ticket_id", "=", ticketId)
    .orderBy("created_at").execute();
  return rows.map((r) => r.message_id);
}

export function newMessageId(ticketId: number | null, fromAddress: string): string {
  const domain = fromAddress.split("@")[1] || "vigie.invalid";
  return `<vigie.${ticketId ?? "x"}.${randomUUID()}@${domain}>`;
}

export async function renderTicketMails(db: Kysely<DB>, payload: TicketMailPayload, jobId: number): Promise<void> {
  const smtp = await readSmtp(db);
  if (!smtp?.enabled) return;
  await db.transaction().execute(async (trx) => {
    const done = await trx.selectFrom("outgoing_mail").select("id").where("source_job_id", "=", jobId).limit(1).executeTakeFirst();
    if (done) return;
    const ticket = await trx.selectFrom("ticket").selectAll().where("id", "=", payload.ticketId).executeTakeFirst();
    if (!ticket) return;
    const facts = await ticketFacts(trx, ticket, payload.actorId, payload.followupId);
    if (payload.events.includes("followup") && facts.followup === null) return;
    const thread = await threadOf(trx, ticket.id);
    // References: the first mail and the latest ones (RFC 5322 allows trimming the middle).
    const references = thread.length > 10 ? [thread[0]!, ...thread.slice(-9)] : thread;
    const at = now();
    for (const event of payload.events) {
      for (const to of await recipientsOf(trx, event, ticket, payload)) {
        const rendered = renderMail(await templateFor(trx, event, to.language), valuesFor(facts, to, smtp.appUrl), ticket.id);
        const messageId = newMessageId(ticket.id, smtp.fromAddress);
        const row = await trx.insertInto("outgoing_mail").values({
          event, ticket_id: ticket.id, source_job_id: jobId, recipient_id: to.userId, to_address: to.email, to_name: to.name || null,
          language: to.language, subject: rendered.subject, text_body: rendered.text, html_body: rendered.html, message_id: messageId,
          in_reply_to: references.at(-1) ?? null, references: references.length ? references.join(" ") : null,
          status: "queued", attempts: 0, last_error: null, created_at: at, sent_at: null,
        }).returning("id").executeTakeFirstOrThrow();
        await trx.insertInto("mail_thread_ref").values({ message_id: messageId, ticket_id: ticket.id, direction: "out", created_at: at }).execute();
        await enqueue(trx, sendMailJob, { mailId: row.id });
      }
    }
  });
}
