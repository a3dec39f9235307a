import { type Kysely, sql } from "kysely";

/**
 * Two lookups that read a whole table.
 * - Deleting a ticket makes the database check that no ticket was merged into it: without an index
 *   on merged_into_id that check read the whole ticket table (at 1,000,000 tickets, a purge of a
 *   few thousand never ended).
 * - A ticket's original mails (the ticket page's panel) are found by ticket.
 * Both partial: most tickets are not merged and most received mails are refused or pending, so
 * writes pay nothing for the rows left out.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("ticket_merged_into_idx").on("ticket").column("merged_into_id").where(sql.ref("merged_into_id"), "is not", null).execute();
  await db.schema.createIndex("mail_received_ticket_idx").on("mail_received").columns(["ticket_id", "id"])
    .where(sql.ref("ticket_id"), "is not", null).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("mail_received_ticket_idx").execute();
  await db.schema.dropIndex("ticket_merged_into_idx").execute();
}
