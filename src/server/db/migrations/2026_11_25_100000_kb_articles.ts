import { type Kysely, sql } from "kysely";
import { addIdColumn } from "../dialect.js";

/**
 * The knowledge base: categories (a tree per entity), articles and known errors, their
 * revisions (one per save), tags, votes, views per user and day, the tickets they came from or
 * helped, and the known errors' ticket categories, asset models and software.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable("kb_category"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("parent_id", "integer", (c) => c.references("kb_category.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("kb_category_entity_idx").on("kb_category").columns(["entity_id", "name"]).execute();
  await db.schema.createIndex("kb_category_parent_idx").on("kb_category").columns(["parent_id"]).execute();

  await createArticle(db);
  await createArticleParts(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createArticle(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable("kb_article"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("is_recursive", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    // The body rendered and sanitized at save: reads never run Markdown nor the sanitizer.
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("symptom", "text")
    .addColumn("cause", "text")
    .addColumn("workaround", "text")
    .addColumn("fix", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("audience", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("category_id", "integer", (c) => c.references("kb_category.id").onDelete("set null"))
    .addColumn("author_id", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("reviewer_id", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("reviewer_name", "text")
    .addColumn("reviewed_at", "text")
    .addColumn("review_due_at", "text")
    .addColumn("published_at", "text")
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("view_count", "integer", (c) => c.notNull().defaultTo(0))
    // Set on the starter library's articles: loading it twice adds nothing.
    .addColumn("starter_key", "text", (c) => c.unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // The list, newest first, and its filters; the review queue by due date.
  await db.schema.createIndex("kb_article_updated_idx").on("kb_article").columns(["updated_at", "id"]).execute();
  await db.schema.createIndex("kb_article_entity_idx").on("kb_article").columns(["entity_id", "updated_at"]).execute();
  await db.schema.createIndex("kb_article_category_idx").on("kb_article").columns(["category_id", "updated_at"]).execute();
  await db.schema.createIndex("kb_article_status_idx").on("kb_article").columns(["status", "audience", "updated_at"]).execute();
  await db.schema.createIndex("kb_article_review_idx").on("kb_article").columns(["review_due_at"])
    .where(sql.ref("review_due_at"), "is not", null).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createArticleParts(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable("kb_revision"))
    .addColumn("article_id", "integer", (c) => c.notNull().references("kb_article.id").onDelete("cascade"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("symptom", "text")
    .addColumn("cause", "text")
    .addColumn("workaround", "text")
    .addColumn("fix", "text")
    .addColumn("author_id", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("kb_revision_number_uq", ["article_id", "number"])
    .execute();

  await db.schema.createTable("kb_article_tag")
    .addColumn("article_id", "integer", (c) => c.notNull().references("kb_article.id").onDelete("cascade"))
    .addColumn("tag", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("kb_article_tag_pk", ["article_id", "tag"])
    .execute();
  await db.schema.createIndex("kb_article_tag_tag_idx").on("kb_article_tag").columns(["tag", "article_id"]).execute();

  await db.schema.createTable("kb_vote")
    .addColumn("article_id", "integer", (c) => c.notNull().references("kb_article.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("useful", "integer", (c) => c.notNull())
    .addColumn("voted_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("kb_vote_pk", ["article_id", "user_id"])
    .execute();

  // One row per reader and day: the view count grows once per person per day.
  await db.schema.createTable("kb_view")
    .addColumn("article_id", "integer", (c) => c.notNull().references("kb_article.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("day", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("kb_view_pk", ["article_id", "user_id", "day"])
    .execute();

  await db.schema.createTable("kb_article_ticket")
    .addColumn("article_id", "integer", (c) => c.notNull().references("kb_article.id").onDelete("cascade"))
    .addColumn("ticket_id", "integer", (c) => c.notNull().references("ticket.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("kb_article_ticket_pk", ["article_id", "ticket_id"])
    .execute();
  await db.schema.createIndex("kb_article_ticket_ticket_idx").on("kb_article_ticket").columns(["ticket_id"]).execute();

  // A known error's ticket categories, asset models and software (target: ticket_category, asset_model, software).
  await db.schema.createTable("kb_article_target")
    .addColumn("article_id", "integer", (c) => c.notNull().references("kb_article.id").onDelete("cascade"))
    .addColumn("target_type", "text", (c) => c.notNull())
    .addColumn("target_id", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("kb_article_target_pk", ["article_id", "target_type", "target_id"])
    .execute();
  await db.schema.createIndex("kb_article_target_idx").on("kb_article_target").columns(["target_type", "target_id"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["kb_article_target", "kb_article_ticket", "kb_view", "kb_vote", "kb_article_tag", "kb_revision", "kb_article", "kb_category"]) {
    await db.schema.dropTable(table).execute();
  }
}
