import { type Kysely, sql } from "kysely";

/**
 * `is_open` says "someone still has work to do" in one indexable value. The queues filter on it
 * and page on (updated_at, id) straight from an index; `status IN (four values)` made both
 * databases sort every open ticket for each page (650 ms at a million tickets).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("ticket").addColumn("is_open", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await sql`update ticket set is_open = case when status in ('new', 'assigned', 'in_progress', 'pending') then 1 else 0 end`.execute(db);
  for (const name of ["ticket_entity_status_idx", "ticket_assignee_idx", "ticket_group_idx"]) await db.schema.dropIndex(name).execute();
  const index = (name: string, columns: string[]) => db.schema.createIndex(name).on("ticket").columns(columns).execute();
  await index("ticket_open_updated_idx", ["is_open", "updated_at", "id"]);
  await index("ticket_open_priority_idx", ["is_open", "priority", "id"]);
  await index("ticket_open_created_idx", ["is_open", "created_at", "id"]);
  await index("ticket_entity_open_idx", ["entity_id", "is_open", "updated_at", "id"]);
  await index("ticket_assignee_open_idx", ["assignee_id", "is_open", "updated_at", "id"]);
  await index("ticket_group_open_idx", ["group_id", "is_open", "updated_at", "id"]);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ["ticket_open_updated_idx", "ticket_open_priority_idx", "ticket_open_created_idx", "ticket_entity_open_idx",
    "ticket_assignee_open_idx", "ticket_group_open_idx"]) await db.schema.dropIndex(name).execute();
  await db.schema.alterTable("ticket").dropColumn("is_open").execute();
  const index = (name: string, columns: string[]) => db.schema.createIndex(name).on("ticket").columns(columns).execute();
  await index("ticket_entity_status_idx", ["entity_id", "status", "updated_at", "id"]);
  await index("ticket_assignee_idx", ["assignee_id", "status", "updated_at", "id"]);
  await index("ticket_group_idx", ["group_id", "status", "updated_at", "id"]);
}
