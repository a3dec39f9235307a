import type { Kysely } from "kysely";

/** How the ticket was solved (remotely, on site, by replacing hardware…): the quality indicators count them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("ticket").addColumn("solution_type", "text").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("ticket").dropColumn("solution_type").execute();
}
