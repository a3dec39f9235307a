import { type Kysely, sql } from "kysely";
import { addIdColumn, dialectOf } from "../dialect.js";

/**
 * Saved views are no longer the queue's only: each belongs to a list ("tickets" or "assets"), and a
 * name is unique per user within that list, so "Lyon" can name a queue view and an asset view.
 * Every existing view is a queue view.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await db.schema.alterTable("saved_view").addColumn("scope", "text", (c) => c.notNull().defaultTo("tickets")).execute();
    await db.schema.alterTable("saved_view").dropConstraint("saved_view_name_uq").execute();
    await db.schema.alterTable("saved_view").addUniqueConstraint("saved_view_name_uq", ["user_id", "scope", "name"]).execute();
    return;
  }
  // SQLite cannot change a table's constraint: the table is rebuilt, ids kept.
  await createSavedViewTable(db, "saved_view_new", ["user_id", "scope", "name"]);
  await sql`insert into saved_view_new (id, user_id, scope, name, query, columns, created_at, updated_at)
    select id, user_id, 'tickets', name, query, columns, created_at, updated_at from saved_view`.execute(db);
  await db.schema.dropTable("saved_view").execute();
  await db.schema.alterTable("saved_view_new").renameTo("saved_view").execute();
}

/** The asset views go: the old constraint could not hold a queue view and an asset view of the same name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom("saved_view").where("scope", "<>", "tickets").execute();
  if (dialectOf(db) === "postgres") {
    await db.schema.alterTable("saved_view").dropConstraint("saved_view_name_uq").execute();
    await db.schema.alterTable("saved_view").addUniqueConstraint("saved_view_name_uq", ["user_id", "name"]).execute();
    await db.schema.alterTable("saved_view").dropColumn("scope").execute();
    return;
  }
  await createSavedViewTable(db, "saved_view_old", ["user_id", "name"]);
  await sql`insert into saved_view_old (id, user_id, scope, name, query, columns, created_at, updated_at)
    select id, user_id, scope, name, query, columns, created_at, updated_at from saved_view`.execute(db);
  await db.schema.dropTable("saved_view").execute();
  await db.schema.alterTable("saved_view_old").renameTo("saved_view").execute();
  await db.schema.alterTable("saved_view").dropColumn("scope").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createSavedViewTable(db: Kysely<any>, name: string, unique: ("user_id" | "scope" | "name")[]): Promise<void> {
  await addIdColumn(db, db.schema.createTable(name))
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("scope", "text", (c) => c.notNull().defaultTo("tickets"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("query", "text", (c) => c.notNull())
    .addColumn("columns", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("saved_view_name_uq", unique)
    .execute();
}
