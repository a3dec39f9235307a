import { type Kysely, sql } from "kysely";
import { addIdColumn } from "../dialect.js";

/**
 * The rest of the service desk: categories, observers, linked and merged tickets, attachments,
 * in-app notifications, saved queue views and who has a ticket open.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // A tree per entity, visible in the entity's subtree; the defaults fill a new ticket.
  await addIdColumn(db, db.schema.createTable("ticket_category"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("parent_id", "integer", (c) => c.references("ticket_category.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("complete_name", "text", (c) => c.notNull())
    .addColumn("depth", "integer", (c) => c.notNull())
    /** What a requester reads on the portal ("Mon imprimante n'imprime plus"). */
    .addColumn("portal_label", "text")
    .addColumn("description", "text")
    .addColumn("default_type", "text")
    .addColumn("default_group_id", "integer", (c) => c.references("user_group.id"))
    .addColumn("default_urgency", "integer")
    .addColumn("default_impact", "integer")
    .addColumn("in_portal", "integer", (c) => c.notNull())
    .addColumn("is_active", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("ticket_category_parent_idx").on("ticket_category").columns(["parent_id", "name"]).execute();
  await db.schema.createIndex("ticket_category_entity_idx").on("ticket_category").columns(["entity_id", "complete_name"]).execute();

  await db.schema.alterTable("ticket").addColumn("category_id", "integer", (c) => c.references("ticket_category.id")).execute();
  await db.schema.alterTable("ticket").addColumn("merged_into_id", "integer", (c) => c.references("ticket.id")).execute();
  await db.schema.createIndex("ticket_category_open_idx").on("ticket").columns(["category_id", "is_open", "updated_at", "id"]).execute();

  await db.schema.createTable("ticket_observer")
    .addColumn("ticket_id", "integer", (c) => c.notNull().references("ticket.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("ticket_observer_pk", ["ticket_id", "user_id"])
    .execute();
  await db.schema.createIndex("ticket_observer_user_idx").on("ticket_observer").columns(["user_id", "ticket_id"]).execute();

  // One row per link. "duplicate": ticket_id duplicates other_id; "child": ticket_id is a child of other_id.
  await addIdColumn(db, db.schema.createTable("ticket_link"))
    .addColumn("ticket_id", "integer", (c) => c.notNull().references("ticket.id").onDelete("cascade"))
    .addColumn("other_id", "integer", (c) => c.notNull().references("ticket.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("app_user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("ticket_link_pair_uq", ["ticket_id", "other_id"])
    .execute();
  await db.schema.createIndex("ticket_link_other_idx").on("ticket_link").columns(["other_id"]).execute();

  // The bytes live in the file store under storage_key; the row says what they are.
  await addIdColumn(db, db.schema.createTable("attachment"))
    .addColumn("ticket_id", "integer", (c) => c.notNull().references("ticket.id").onDelete("cascade"))
    .addColumn("followup_id", "integer", (c) => c.references("ticket_followup.id"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("storage_key", "text", (c) => c.notNull())
    .addColumn("is_private", "integer", (c) => c.notNull())
    .addColumn("uploaded_by", "integer", (c) => c.references("app_user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("attachment_ticket_idx").on("attachment").columns(["ticket_id", "id"]).execute();
  // A file is removed once no row points at it any more: that check must not scan the table.
  await db.schema.createIndex("attachment_storage_idx").on("attachment").column("storage_key").execute();

  await addIdColumn(db, db.schema.createTable("notification"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("ticket_id", "integer", (c) => c.references("ticket.id").onDelete("cascade"))
    .addColumn("actor_id", "integer", (c) => c.references("app_user.id"))
    /** The ticket's title when it happened: the bell shows it without a join. */
    .addColumn("title", "text", (c) => c.notNull())
    /** For due_soon: the due date it warned about, so each due date warns once. */
    .addColumn("due_at", "text")
    .addColumn("read_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("notification_user_idx").on("notification").columns(["user_id", "id"]).execute();
  await db.schema.createIndex("notification_unread_idx").on("notification").columns(["user_id", "read_at", "id"]).execute();
  // Only the due-date warnings are looked up by ticket (once per due date): a partial index spares every other row a write.
  await db.schema.createIndex("notification_due_idx").on("notification").columns(["ticket_id", "due_at"])
    .where(sql.ref("kind"), "=", "due_soon").execute();

  // A technician's own queue views: the filters and columns they chose, under a name.
  await addIdColumn(db, db.schema.createTable("saved_view"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("query", "text", (c) => c.notNull())
    .addColumn("columns", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("saved_view_name_uq", ["user_id", "name"])
    .execute();

  // Who has a ticket open right now, refreshed by each open page; rows older than a minute are stale.
  await db.schema.createTable("ticket_presence")
    .addColumn("ticket_id", "integer", (c) => c.notNull().references("ticket.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("seen_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("ticket_presence_pk", ["ticket_id", "user_id"])
    .execute();

  // The queue's "all" view pages every ticket, closed ones too, by last update, creation or
  // priority: without these it sorted the whole table for each page (1.1 s at 300,000 tickets).
  // (is_open, due_at) lets "due before" and "late" read the few late tickets, not every open one.
  for (const [name, columns] of QUEUE_INDEXES) await db.schema.createIndex(name).on("ticket").columns(columns).execute();
}

const QUEUE_INDEXES: [string, string[]][] = [
  ["ticket_updated_idx", ["updated_at", "id"]],
  ["ticket_created_idx", ["created_at", "id"]],
  ["ticket_priority_idx", ["priority", "id"]],
  ["ticket_open_due_idx", ["is_open", "due_at", "id"]],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of QUEUE_INDEXES) await db.schema.dropIndex(name).execute();
  for (const table of ["ticket_presence", "saved_view", "notification", "attachment", "ticket_link", "ticket_observer"]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex("ticket_category_open_idx").execute();
  await db.schema.alterTable("ticket").dropColumn("merged_into_id").execute();
  await db.schema.alterTable("ticket").dropColumn("category_id").execute();
  await db.schema.dropTable("ticket_category").execute();
}
