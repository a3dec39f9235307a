import type { Kysely } from "kysely";
import { addIdColumn } from "../dialect.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The id is the ticket number users quote on the phone.
  await addIdColumn(db, db.schema.createTable("ticket"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("requester_id", "integer", (c) => c.references("app_user.id"))
    .addColumn("contact_name", "text")
    .addColumn("contact_phone", "text")
    .addColumn("contact_email", "text")
    .addColumn("assignee_id", "integer", (c) => c.references("app_user.id"))
    .addColumn("group_id", "integer", (c) => c.references("user_group.id"))
    .addColumn("level", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("pending_reason", "text")
    .addColumn("pending_until", "text")
    .addColumn("urgency", "integer", (c) => c.notNull())
    .addColumn("impact", "integer", (c) => c.notNull())
    .addColumn("priority", "integer", (c) => c.notNull())
    .addColumn("due_at", "text")
    .addColumn("call_seconds", "integer")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("app_user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("solved_at", "text")
    .addColumn("closed_at", "text")
    .execute();
  // One index per queue: each view filters on its column and pages on (updated_at, id).
  const index = (name: string, columns: string[]) => db.schema.createIndex(name).on("ticket").columns(columns).execute();
  await index("ticket_entity_status_idx", ["entity_id", "status", "updated_at", "id"]);
  await index("ticket_status_updated_idx", ["status", "updated_at", "id"]);
  await index("ticket_assignee_idx", ["assignee_id", "status", "updated_at", "id"]);
  await index("ticket_group_idx", ["group_id", "status", "updated_at", "id"]);
  await index("ticket_requester_idx", ["requester_id", "created_at", "id"]);
  await index("ticket_due_idx", ["status", "due_at", "id"]);

  await addIdColumn(db, db.schema.createTable("ticket_followup"))
    .addColumn("ticket_id", "integer", (c) => c.notNull().references("ticket.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("is_private", "integer", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("author_id", "integer", (c) => c.references("app_user.id"))
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("ticket_followup_ticket_idx").on("ticket_followup").columns(["ticket_id", "id"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("ticket_followup").execute();
  await db.schema.dropTable("ticket").execute();
}
