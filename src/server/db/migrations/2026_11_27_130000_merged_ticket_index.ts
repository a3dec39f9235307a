import { type Kysely, sql } from "kysely";

/**
 * Deleting a ticket makes the database check that no ticket was merged into it. Without an index
 * on merged_into_id that check read the whole ticket table: at 1,000,000 tickets, a purge of a few
 * thousand never ended. Partial: almost no ticket is merged, so ticket writes pay nothing for it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("ticket_merged_into_idx").on("ticket").column("merged_into_id").where(sql.ref("merged_into_id"), "is not", null).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("ticket_merged_into_idx").execute();
}
