import type { Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("ticket").addColumn("satisfaction", "integer").execute();
  await db.schema.alterTable("ticket").addColumn("satisfaction_comment", "text").execute();
  await db.schema.alterTable("ticket").addColumn("rated_at", "text").execute();
  // The auto-close job looks for tickets solved long ago.
  await db.schema.createIndex("ticket_solved_idx").on("ticket").columns(["status", "solved_at"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("ticket_solved_idx").execute();
  for (const column of ["rated_at", "satisfaction_comment", "satisfaction"]) {
    await db.schema.alterTable("ticket").dropColumn(column).execute();
  }
}
