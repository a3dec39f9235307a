/**
 * The "mail.send" job: one stored mail to the SMTP server. A temporary failure (server down,
 * 4xx) is retried by the job queue with backoff; a refusal (5xx) or the last attempt marks the
 * mail failed, with the error, for the admin's list. A mail already sent is never sent again,
 * whichever instance picks the job up.
 */
import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "../../../db/schema.js";
import { now } from "../../../db/values.js";
import { defineJob } from "../../../jobs/queue.js";
import type { OutgoingMailRow } from "./mail-out.table.js";
import { type StoredSmtp, isPermanentSmtpError, readSmtp, transportFor } from "./smtp-settings.js";

export const SEND_ATTEMPTS = 5;

export async function deliver(smtp: StoredSmtp, mail: Pick<OutgoingMailRow, "to_address" | "to_name" | "subject" | "text_body" | "html_body"
  | "message_id" | "in_reply_to" | "references" | "ticket_id">): Promise<void> {
  await transportFor(smtp).sendMail({
    from: { name: smtp.fromName, address: smtp.fromAddress },
    to: mail.to_name ? { name: mail.to_name, address: mail.to_address } : mail.to_address,
    subject: mail.subject, text: mail.text_body, html: mail.html_body, messageId: mail.message_id,
    inReplyTo: mail.in_reply_to ?? undefined, references: mail.references ?? undefined,
    // Out-of-office replies and other robots should not answer a notification (RFC 3834).
    headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All",
      ...(mail.ticket_id === null ? {} : { "X-Vigie-Ticket": String(mail.ticket_id) }) },
  });
}

function errorText(err: unknown): string {
  const e = err as { response?: string; message?: string };
  return String(e?.response ?? e?.message ?? err).slice(0, 1000);
}

/** Keeps the error on the mail; throws (the queue retries later) unless this was the last chance. */
async function failOrRetry(db: Kysely<DB>, mail: OutgoingMailRow, err: unknown, attempt: number): Promise<void> {
  const last = attempt >= SEND_ATTEMPTS || isPermanentSmtpError(err);
  await db.updateTable("outgoing_mail").set({ attempts: mail.attempts + 1, last_error: errorText(err), status: last ? "failed" : "queued" })
    .where("id", "=", mail.id).where("status", "=", "queued").execute();
  if (!last) throw err;
}

export async function sendOutgoingMail(db: Kysely<DB>, mailId: number, attempt: number): Promise<void> {
  const mail = await db.selectFrom("outgoing_mail").selectAll().where("id", "=", mailId).executeTakeFirst();
  if (!mail || mail.status !== "queued") return;
  const smtp = await readSmtp(db);
  if (!smtp?.enabled) return failOrRetry(db, mail, new Error("SMTP is not configured"), attempt);
  try {
    await deliver(smtp, mail);
  } catch (err) {
    return failOrRetry(db, mail, err, attempt);
  }
  await db.updateTable("outgoing_mail").set({ status: "sent", sent_at: now(), attempts: mail.attempts + 1, last_error: null })
    .where("id", "=", mailId).execute();
}

export const sendMailJob = defineJob({
  name: "mail.send",
  payload: z.object({ mailId: z.number().int() }),
  maxAttempts: SEND_ATTEMPTS,
  handler: ({ mailId }, ctx) => sendOutgoingMail(ctx.db, mailId, ctx.attempt),
});
