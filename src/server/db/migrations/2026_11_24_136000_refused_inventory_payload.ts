import type { Kysely } from "kysely";

/**
 * The message of a refused inventory (no asset could be told apart, or none could be found again
 * next time), kept compressed so a person can attach it to the right asset, or to a new one,
 * from the import log. Dropped once attached, and after 30 days.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable("inventory_import_payload")
    .addColumn("import_id", "integer", (c) => c.primaryKey().references("inventory_import.id").onDelete("cascade"))
    /** The decoded message, deflated, in base64: text is stored the same on both databases. */
    .addColumn("body", "text", (c) => c.notNull())
    /** The OCS agent names itself only there. */
    .addColumn("user_agent", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("inventory_import_payload_created_idx").on("inventory_import_payload").columns(["created_at"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("inventory_import_payload").execute();
}
