import { type Kysely, sql } from "kysely";
import { addIdColumn, dialectOf } from "../dialect.js";
import { pgSearchDown, pgSearchUp } from "./2026_11_25_120000_search_index.pg.js";
import { sqliteSearchDown, sqliteSearchUp } from "./2026_11_25_120000_search_index.sqlite.js";

/**
 * The full-text indexes of the global search: tickets, users, assets and knowledge-base articles,
 * kept current by triggers (so no other module calls the search module on its writes), and the
 * deflections (a requester's request closed by a FAQ article before it was sent).
 * SQLite: FTS5 tables; PostgreSQL: GIN expression indexes over french + english vectors.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === "postgres") await pgSearchUp(db);
  else await sqliteSearchUp(db);
  await addIdColumn(db, db.schema.createTable("search_deflection"))
    .addColumn("article_id", "integer", (c) => c.notNull().references("kb_article.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("query", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  // Counted per article, and overall over a period.
  await db.schema.createIndex("search_deflection_article_idx").on("search_deflection").columns(["article_id", "created_at"]).execute();
  await db.schema.createIndex("search_deflection_created_idx").on("search_deflection").columns(["created_at"]).execute();
  await sql`analyze`.execute(db).catch(() => undefined);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("search_deflection").execute();
  if (dialectOf(db) === "postgres") await pgSearchDown(db);
  else await sqliteSearchDown(db);
}
