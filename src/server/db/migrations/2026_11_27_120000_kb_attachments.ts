import type { Kysely } from "kysely";
import { addIdColumn } from "../dialect.js";

/**
 * Files of a KB article: screenshots shown in its text and documents to download. The bytes live
 * in the file store's kb/ directory under storage_key (not the tickets' attachment table, whose
 * rows belong to a ticket): a file is removed from there once no kb_attachment row uses it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable("kb_attachment"))
    .addColumn("article_id", "integer", (c) => c.notNull().references("kb_article.id").onDelete("cascade"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("storage_key", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("kb_attachment_article_idx").on("kb_attachment").columns(["article_id", "id"]).execute();
  // Whether a stored file is still used: checked on every delete, must not scan the table.
  await db.schema.createIndex("kb_attachment_storage_idx").on("kb_attachment").column("storage_key").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("kb_attachment").execute();
}
