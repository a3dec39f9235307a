import type { Kysely } from "kysely";
import { addIdColumn } from "../dialect.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("setting")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();

  await addIdColumn(db, db.schema.createTable("entity"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("parent_id", "integer", (c) => c.references("entity.id"))
    .addColumn("complete_name", "text", (c) => c.notNull())
    .addColumn("depth", "integer", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("address", "text")
    .addColumn("postcode", "text")
    .addColumn("town", "text")
    .addColumn("country", "text")
    .addColumn("phone", "text")
    .addColumn("email", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("entity_parent_idx").on("entity").columns(["parent_id", "name"]).execute();
  await db.schema.createIndex("entity_complete_name_idx").on("entity").columns(["complete_name", "id"]).execute();

  await db.schema
    .createTable("entity_closure")
    .addColumn("ancestor_id", "integer", (c) => c.notNull().references("entity.id").onDelete("cascade"))
    .addColumn("descendant_id", "integer", (c) => c.notNull().references("entity.id").onDelete("cascade"))
    .addColumn("depth", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("entity_closure_pk", ["ancestor_id", "descendant_id"])
    .execute();
  await db.schema
    .createIndex("entity_closure_descendant_idx")
    .on("entity_closure")
    .columns(["descendant_id", "ancestor_id"])
    .execute();

  await addIdColumn(db, db.schema.createTable("app_user"))
    .addColumn("login", "text", (c) => c.notNull().unique())
    .addColumn("first_name", "text", (c) => c.notNull())
    .addColumn("last_name", "text", (c) => c.notNull())
    .addColumn("sort_name", "text", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("phone", "text")
    .addColumn("mobile", "text")
    .addColumn("job_title", "text")
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("time_zone", "text")
    .addColumn("password_hash", "text")
    .addColumn("is_active", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("app_user_entity_name_idx").on("app_user").columns(["entity_id", "sort_name", "id"]).execute();
  await db.schema.createIndex("app_user_entity_login_idx").on("app_user").columns(["entity_id", "login"]).execute();
  await db.schema.createIndex("app_user_name_idx").on("app_user").columns(["sort_name", "id"]).execute();
  await db.schema.createIndex("app_user_email_idx").on("app_user").column("email").execute();

  await addIdColumn(db, db.schema.createTable("user_group"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("sort_name", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("recursive", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("user_group_entity_name_idx").on("user_group").columns(["entity_id", "sort_name", "id"]).execute();
  await db.schema.createIndex("user_group_name_idx").on("user_group").columns(["sort_name", "id"]).execute();

  await db.schema
    .createTable("group_member")
    .addColumn("group_id", "integer", (c) => c.notNull().references("user_group.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("is_manager", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("group_member_pk", ["group_id", "user_id"])
    .execute();
  await db.schema.createIndex("group_member_user_idx").on("group_member").columns(["user_id", "group_id"]).execute();

  await addIdColumn(db, db.schema.createTable("role_grant"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("recursive", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("role_grant_user_entity_uq", ["user_id", "entity_id"])
    .execute();
  await db.schema.createIndex("role_grant_entity_idx").on("role_grant").columns(["entity_id", "user_id"]).execute();

  await db.schema
    .createTable("session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("session_user_idx").on("session").column("user_id").execute();
  await db.schema.createIndex("session_expires_idx").on("session").column("expires_at").execute();

  await addIdColumn(db, db.schema.createTable("api_token"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("prefix", "text", (c) => c.notNull())
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("recursive", "integer", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.notNull().references("app_user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text")
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();

  await addIdColumn(db, db.schema.createTable("login_attempt"))
    .addColumn("login", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("success", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("login_attempt_login_idx").on("login_attempt").columns(["login", "at"]).execute();
  await db.schema.createIndex("login_attempt_ip_idx").on("login_attempt").columns(["ip", "at"]).execute();

  // Append-only: no code path updates or deletes a history row.
  await addIdColumn(db, db.schema.createTable("history"))
    .addColumn("record_type", "text", (c) => c.notNull())
    .addColumn("record_id", "integer", (c) => c.notNull())
    .addColumn("entity_id", "integer")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("field", "text")
    .addColumn("old_value", "text")
    .addColumn("new_value", "text")
    .addColumn("actor_id", "integer")
    .addColumn("actor_name", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("history_record_idx").on("history").columns(["record_type", "record_id", "id"]).execute();

  await addIdColumn(db, db.schema.createTable("job"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("run_at", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("max_attempts", "integer", (c) => c.notNull())
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("locked_by", "text")
    .addColumn("locked_at", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .execute();
  await db.schema.createIndex("job_due_idx").on("job").columns(["status", "run_at", "id"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["job", "history", "login_attempt", "api_token", "session", "role_grant", "group_member",
    "user_group", "app_user", "entity_closure", "entity", "setting"]) {
    await db.schema.dropTable(t).execute();
  }
}
