import type { Kysely } from "kysely";
import { addIdColumn } from "../dialect.js";

/**
 * Automation: rules run on ticket creation and change (ordered per entity), ticket templates,
 * canned responses, and recurring tickets with the occurrences already created (one row per
 * occurrence and asset: what keeps several instances from creating the same ticket twice).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable("automation_rule"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("is_recursive", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("trigger", "text", (c) => c.notNull())
    .addColumn("match_mode", "text", (c) => c.notNull())
    .addColumn("conditions", "text", (c) => c.notNull())
    .addColumn("actions", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("stop_further", "integer", (c) => c.notNull())
    .addColumn("is_active", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("automation_rule_order_idx").on("automation_rule").columns(["position", "id"]).execute();
  await db.schema.createIndex("automation_rule_entity_idx").on("automation_rule").columns(["entity_id", "position"]).execute();

  await addIdColumn(db, db.schema.createTable("ticket_template"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("is_recursive", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("category_id", "integer", (c) => c.references("ticket_category.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("type", "text")
    .addColumn("urgency", "integer")
    .addColumn("impact", "integer")
    .addColumn("group_id", "integer", (c) => c.references("user_group.id").onDelete("set null"))
    .addColumn("is_active", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("ticket_template_entity_idx").on("ticket_template").columns(["entity_id", "name"]).execute();
  await db.schema.createIndex("ticket_template_category_idx").on("ticket_template").columns(["category_id"]).execute();

  await addIdColumn(db, db.schema.createTable("canned_response"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("is_recursive", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("category_id", "integer", (c) => c.references("ticket_category.id").onDelete("set null"))
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("canned_response_entity_idx").on("canned_response").columns(["entity_id", "name"]).execute();
  await createRecurring(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createRecurring(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable("recurring_ticket"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("template_id", "integer", (c) => c.notNull().references("ticket_template.id"))
    .addColumn("requester_id", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("frequency", "text", (c) => c.notNull())
    .addColumn("every", "integer", (c) => c.notNull())
    .addColumn("weekday", "integer")
    .addColumn("time_of_day", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("next_run_at", "text")
    .addColumn("last_run_at", "text")
    .addColumn("is_active", "integer", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.notNull().references("app_user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // The cron job's question: which active schedules are due.
  await db.schema.createIndex("recurring_ticket_due_idx").on("recurring_ticket").columns(["is_active", "next_run_at"]).execute();
  await db.schema.createIndex("recurring_ticket_entity_idx").on("recurring_ticket").columns(["entity_id", "name"]).execute();

  await db.schema.createTable("recurring_ticket_asset")
    .addColumn("recurring_id", "integer", (c) => c.notNull().references("recurring_ticket.id").onDelete("cascade"))
    .addColumn("asset_id", "integer", (c) => c.notNull().references("asset.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("recurring_ticket_asset_pk", ["recurring_id", "asset_id"])
    .execute();

  await addIdColumn(db, db.schema.createTable("recurring_ticket_run"))
    .addColumn("recurring_id", "integer", (c) => c.notNull().references("recurring_ticket.id").onDelete("cascade"))
    .addColumn("occurrence", "text", (c) => c.notNull())
    // 0 when the schedule has no assets: a unique key over a null would not dedupe.
    .addColumn("asset_key", "integer", (c) => c.notNull())
    .addColumn("ticket_id", "integer", (c) => c.references("ticket.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("recurring_ticket_run_once", ["recurring_id", "occurrence", "asset_key"])
    .execute();
  await db.schema.createIndex("recurring_ticket_run_recent_idx").on("recurring_ticket_run").columns(["recurring_id", "id"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["recurring_ticket_run", "recurring_ticket_asset", "recurring_ticket", "canned_response", "ticket_template", "automation_rule"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
