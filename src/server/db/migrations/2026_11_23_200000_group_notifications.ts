import { type Kysely, sql } from "kysely";
import { addIdColumn, dialectOf } from "../dialect.js";

/**
 * A notification for a whole group is stored once (group_id set, user_id null) instead of once
 * per member: a ticket for a 40-member team costs one row, not 40. Each member's "read" goes to
 * notification_read. The indexes on user_id become partial, so group rows do not write them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("notification_user_idx").execute();
  await db.schema.dropIndex("notification_unread_idx").execute();
  await db.schema.dropIndex("notification_due_idx").execute();
  if (dialectOf(db) === "postgres") {
    await sql`alter table notification alter column user_id drop not null`.execute(db);
    await db.schema.alterTable("notification").addColumn("group_id", "integer", (c) => c.references("user_group.id").onDelete("cascade")).execute();
    await db.schema.alterTable("notification").addColumn("skip_user_id", "integer").execute();
  } else {
    // SQLite cannot drop a NOT NULL: the table is rebuilt, ids kept.
    await addIdColumn(db, db.schema.createTable("notification_new"))
      .addColumn("user_id", "integer", (c) => c.references("app_user.id"))
      .addColumn("group_id", "integer", (c) => c.references("user_group.id").onDelete("cascade"))
      .addColumn("skip_user_id", "integer")
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("ticket_id", "integer", (c) => c.references("ticket.id").onDelete("cascade"))
      .addColumn("actor_id", "integer", (c) => c.references("app_user.id"))
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("due_at", "text")
      .addColumn("read_at", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await sql`insert into notification_new (id, user_id, kind, ticket_id, actor_id, title, due_at, read_at, created_at)
      select id, user_id, kind, ticket_id, actor_id, title, due_at, read_at, created_at from notification`.execute(db);
    await db.schema.dropTable("notification").execute();
    await db.schema.alterTable("notification_new").renameTo("notification").execute();
  }
  const personal = sql.ref("user_id");
  await db.schema.createIndex("notification_user_idx").on("notification").columns(["user_id", "id"]).where(personal, "is not", null).execute();
  await db.schema.createIndex("notification_unread_idx").on("notification").columns(["user_id", "read_at", "id"]).where(personal, "is not", null).execute();
  await db.schema.createIndex("notification_group_idx").on("notification").columns(["group_id", "id"]).where(sql.ref("group_id"), "is not", null).execute();
  await db.schema.createIndex("notification_due_idx").on("notification").columns(["ticket_id", "due_at"]).where(sql.ref("kind"), "=", "due_soon").execute();

  // "Mark all read" on a group's notifications: everything up to this id, read at that time.
  await db.schema.alterTable("group_member").addColumn("notifications_read_to", "integer").execute();
  await db.schema.alterTable("group_member").addColumn("notifications_read_at", "text").execute();

  /** Who has read one group notification, and when. */
  await db.schema.createTable("notification_read")
    .addColumn("notification_id", "integer", (c) => c.notNull().references("notification.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("read_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("notification_read_pk", ["notification_id", "user_id"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("notification_read").execute();
  await db.schema.alterTable("group_member").dropColumn("notifications_read_at").execute();
  await db.schema.alterTable("group_member").dropColumn("notifications_read_to").execute();
  await db.deleteFrom("notification").where("user_id", "is", null).execute();
  await db.schema.dropIndex("notification_group_idx").execute();
  if (dialectOf(db) === "postgres") {
    await db.schema.alterTable("notification").dropColumn("skip_user_id").execute();
    await db.schema.alterTable("notification").dropColumn("group_id").execute();
    await sql`alter table notification alter column user_id set not null`.execute(db);
  }
}
