import type { Kysely } from "kysely";
import { addIdColumn } from "../dialect.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable("ticket_task"))
    .addColumn("ticket_id", "integer", (c) => c.notNull().references("ticket.id").onDelete("cascade"))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("technician_id", "integer", (c) => c.references("app_user.id"))
    .addColumn("planned_start", "text")
    .addColumn("planned_end", "text")
    .addColumn("minutes_spent", "integer", (c) => c.notNull())
    .addColumn("is_done", "integer", (c) => c.notNull())
    .addColumn("is_private", "integer", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("app_user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("ticket_task_ticket_idx").on("ticket_task").columns(["ticket_id", "id"]).execute();
  // A technician's planning reads their tasks by date.
  await db.schema.createIndex("ticket_task_technician_idx").on("ticket_task").columns(["technician_id", "planned_start"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("ticket_task").execute();
}
