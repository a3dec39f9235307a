import { type Kysely, sql } from "kysely";

/**
 * The Message-IDs of the mails a ticket sent and received, so a reply threads to its ticket by
 * In-Reply-To or References whichever side wrote the mail it answers.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable("mail_thread_ref")
    .addColumn("message_id", "text", (c) => c.primaryKey())
    .addColumn("ticket_id", "integer", (c) => c.notNull().references("ticket.id").onDelete("cascade"))
    .addColumn("direction", "text", (c) => c.notNull().check(sql`direction in ('in', 'out')`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("mail_thread_ref_ticket_idx").on("mail_thread_ref").columns(["ticket_id"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("mail_thread_ref").execute();
}
