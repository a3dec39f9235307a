import type { Kysely } from "kysely";

/**
 * An entity may share its tickets with all its members, as Jira Service Management shares
 * requests with an organisation: a client company's staff then follow each other's tickets
 * from the portal (without the technicians' private notes).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("entity").addColumn("shares_tickets", "integer", (c) => c.notNull().defaultTo(0)).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("entity").dropColumn("shares_tickets").execute();
}
