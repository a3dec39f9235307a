import { type Kysely, sql } from "kysely";
import { addIdColumn } from "../dialect.js";

/**
 * Email in: the mailboxes collected over IMAP or fed by the built-in SMTP/LMTP receiver, and every
 * received mail with its fate (ticket, followup, refused, failed). The raw message of each received
 * mail is kept in the file store (mail-in/…), so a failed one can be retried and downloaded.
 * The blocklist and size limit are a row of `setting` (key "mail.in").
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable("mail_mailbox"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('imap', 'smtp')`))
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("host", "text")
    .addColumn("port", "integer")
    .addColumn("tls", "text", (c) => c.notNull())
    .addColumn("username", "text")
    .addColumn("password", "text")
    .addColumn("folder", "text", (c) => c.notNull())
    .addColumn("after_action", "text", (c) => c.notNull().check(sql`after_action in ('move', 'delete')`))
    .addColumn("after_folder", "text")
    .addColumn("category_id", "integer", (c) => c.references("ticket_category.id").onDelete("set null"))
    .addColumn("group_id", "integer", (c) => c.references("user_group.id").onDelete("set null"))
    .addColumn("unknown_sender", "text", (c) => c.notNull().check(sql`unknown_sender in ('contact', 'refuse')`))
    .addColumn("is_enabled", "integer", (c) => c.notNull())
    /** Who collects it now, until when: one collector per mailbox even with several instances. */
    .addColumn("lease_owner", "text")
    .addColumn("lease_until", "text")
    .addColumn("last_run_at", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("mail_mailbox_entity_idx").on("mail_mailbox").columns(["entity_id", "id"]).execute();
  await db.schema.createIndex("mail_mailbox_address_uq").on("mail_mailbox").columns(["address"]).unique().execute();

  await addIdColumn(db, db.schema.createTable("mail_received"))
    .addColumn("mailbox_id", "integer", (c) => c.references("mail_mailbox.id").onDelete("set null"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    /** The raw message's sha256: its file in the store, and the same mail collected twice is seen. */
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("message_id", "text")
    .addColumn("from_address", "text")
    .addColumn("from_name", "text")
    .addColumn("subject", "text", (c) => c.notNull())
    /** pending, ticket, followup, refused, failed */
    .addColumn("status", "text", (c) => c.notNull())
    /** Why it was refused (loop, bounce…) or failed (MAIL_UNREADABLE…). */
    .addColumn("reason", "text")
    .addColumn("error", "text")
    .addColumn("ticket_id", "integer", (c) => c.references("ticket.id").onDelete("set null"))
    .addColumn("followup_id", "integer", (c) => c.references("ticket_followup.id").onDelete("set null"))
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("next_attempt_at", "text")
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("mail_received_entity_idx").on("mail_received").columns(["entity_id", "id"]).execute();
  await db.schema.createIndex("mail_received_mailbox_sha_uq").on("mail_received").columns(["mailbox_id", "sha256"]).unique().execute();
  await db.schema.createIndex("mail_received_retry_idx").on("mail_received").columns(["status", "next_attempt_at"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("mail_received").execute();
  await db.schema.dropTable("mail_mailbox").execute();
}
