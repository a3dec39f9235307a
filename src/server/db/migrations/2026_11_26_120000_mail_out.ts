import type { Kysely } from "kysely";
import { addIdColumn } from "../dialect.js";

/**
 * Email out: the admin's notification templates (only the ones changed; the shipped texts live in
 * the code), each user's mail preferences (only the events they turned off or on again), and the
 * outgoing mails, rendered by the job queue and kept to show what was sent or failed.
 * The SMTP settings are a row of `setting` (key "mail.smtp").
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable("mail_template"))
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("mail_template_event_uq").on("mail_template").columns(["event", "language"]).unique().execute();

  await addIdColumn(db, db.schema.createTable("mail_preference"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("enabled", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("mail_preference_user_uq").on("mail_preference").columns(["user_id", "event"]).unique().execute();

  await addIdColumn(db, db.schema.createTable("outgoing_mail"))
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("ticket_id", "integer", (c) => c.references("ticket.id").onDelete("set null"))
    /** The job that rendered it: a retried render finds its mails already there and adds none. */
    .addColumn("source_job_id", "integer")
    .addColumn("recipient_id", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("to_name", "text")
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text", (c) => c.notNull())
    .addColumn("message_id", "text", (c) => c.notNull())
    .addColumn("in_reply_to", "text")
    .addColumn("references", "text")
    /** queued, sent or failed */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema.createIndex("outgoing_mail_status_idx").on("outgoing_mail").columns(["status", "id"]).execute();
  await db.schema.createIndex("outgoing_mail_ticket_idx").on("outgoing_mail").columns(["ticket_id", "id"]).execute();
  await db.schema.createIndex("outgoing_mail_job_idx").on("outgoing_mail").column("source_job_id").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("outgoing_mail").execute();
  await db.schema.dropTable("mail_preference").execute();
  await db.schema.dropTable("mail_template").execute();
}
