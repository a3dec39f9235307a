import type { Kysely } from "kysely";

/**
 * The list sorted by tag across entities: the unique index starts with the entity, so it serves
 * neither that sort nor the search of a tag by prefix over the whole fleet; this one does both.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("asset_tag_idx").on("asset").columns(["asset_tag", "id"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("asset_tag_idx").execute();
}
