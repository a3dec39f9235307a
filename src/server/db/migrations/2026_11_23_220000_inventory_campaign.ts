import type { Kysely } from "kysely";
import { addIdColumn } from "../dialect.js";

/**
 * The physical inventory (inventaire physique): a campaign walks one location and its branch,
 * and each label scanned there is kept once, known asset or not.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable("inventory_campaign"))
    /** Whose assets are counted: this entity and its sub-entities. */
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("location_id", "integer", (c) => c.notNull().references("location.id"))
    .addColumn("name", "text", (c) => c.notNull())
    /** open or closed */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("app_user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .execute();
  // The list: newest first, within the caller's entities.
  await db.schema.createIndex("inventory_campaign_created_idx").on("inventory_campaign").columns(["created_at", "id"]).execute();
  await db.schema.createIndex("inventory_campaign_entity_idx").on("inventory_campaign").columns(["entity_id", "created_at"]).execute();

  await db.schema.createTable("inventory_scan")
    .addColumn("campaign_id", "integer", (c) => c.notNull().references("inventory_campaign.id").onDelete("cascade"))
    /** The asset's tag when it is known (so a QR scan and a typed tag count once), else what was read. */
    .addColumn("tag", "text", (c) => c.notNull())
    /** null: an unknown label. */
    .addColumn("asset_id", "integer", (c) => c.references("asset.id"))
    .addColumn("scanned_by", "integer", (c) => c.references("app_user.id"))
    .addColumn("scanned_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("inventory_scan_pk", ["campaign_id", "tag"])
    .execute();
  // "Missing" asks, for each asset of the branch, whether this campaign scanned it.
  await db.schema.createIndex("inventory_scan_asset_idx").on("inventory_scan").columns(["campaign_id", "asset_id"]).execute();
  await db.schema.createIndex("inventory_scan_time_idx").on("inventory_scan").columns(["campaign_id", "scanned_at"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("inventory_scan").execute();
  await db.schema.dropTable("inventory_campaign").execute();
}
