import type { Kysely } from "kysely";
import { addIdColumn } from "../dialect.js";

/**
 * Guided diagnostic scripts, their versions and runs. A version's graph is never changed once
 * written: a run points at the version it started on, so editing a script leaves past runs as they were.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable("kb_script"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    /** 1: requesters may run it from the portal before opening a request. */
    .addColumn("for_portal", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
    /** The latest kb_script_version (set right after the first version is written). */
    .addColumn("current_version_id", "integer")
    .addColumn("version", "integer", (c) => c.notNull())
    /** The starter library's key ("printer-fr"): loading it twice adds nothing. */
    .addColumn("starter_key", "text", (c) => c.unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("kb_script_name_idx").on("kb_script").columns(["name", "id"]).execute();
  await db.schema.createIndex("kb_script_entity_idx").on("kb_script").columns(["entity_id", "name"]).execute();

  await addIdColumn(db, db.schema.createTable("kb_script_version"))
    .addColumn("script_id", "integer", (c) => c.notNull().references("kb_script.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    /** The whole graph as JSON: { start, nodes }. */
    .addColumn("graph", "text", (c) => c.notNull())
    .addColumn("author_id", "integer", (c) => c.references("app_user.id"))
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("kb_script_version_idx").on("kb_script_version").columns(["script_id", "version"]).unique().execute();

  await addIdColumn(db, db.schema.createTable("kb_script_run"))
    .addColumn("script_id", "integer", (c) => c.notNull().references("kb_script.id").onDelete("cascade"))
    .addColumn("version_id", "integer", (c) => c.notNull().references("kb_script_version.id"))
    .addColumn("ticket_id", "integer", (c) => c.references("ticket.id"))
    /** The entity the run counts in: its ticket's, or the portal requester's. */
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id"))
    /** "staff" or "portal". */
    .addColumn("channel", "text", (c) => c.notNull())
    /** JSON: [{ nodeId, answerIndex }] — the questions' texts come from the fixed version. */
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("current_node", "text", (c) => c.notNull())
    /** running, finished (at an outcome), applied (to the ticket), abandoned. */
    .addColumn("state", "text", (c) => c.notNull())
    /** solved (level 1, or at the portal without a ticket), escalated, other. */
    .addColumn("result", "text")
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("ended_at", "text")
    .execute();
  // Statistics per script over a period, and a ticket's runs.
  await db.schema.createIndex("kb_script_run_script_idx").on("kb_script_run").columns(["script_id", "started_at"]).execute();
  await db.schema.createIndex("kb_script_run_ticket_idx").on("kb_script_run").columns(["ticket_id", "id"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("kb_script_run").execute();
  await db.schema.dropTable("kb_script_version").execute();
  await db.schema.dropTable("kb_script").execute();
}
