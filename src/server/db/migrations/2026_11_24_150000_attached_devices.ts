import { type Kysely, sql } from "kysely";
import { addIdColumn } from "../dialect.js";

/**
 * Monitors and printers attached to a computer, as assets of their own ("Connexions directes" in
 * GLPI): one row per connection, open while the device is plugged in, closed (kept) when an
 * inventory no longer reports it or a technician disconnects it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable("asset_connection"))
    /** The computer. */
    .addColumn("asset_id", "integer", (c) => c.notNull().references("asset.id").onDelete("cascade"))
    /** The monitor, printer or peripheral plugged into it. */
    .addColumn("device_id", "integer", (c) => c.notNull().references("asset.id").onDelete("cascade"))
    /** The computer's entity when connected (reads check both assets' entities, which may change since). */
    .addColumn("entity_id", "integer", (c) => c.notNull())
    /** inventory (an agent reported it; the next inventory may close it) or manual (a technician's). */
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("connected_at", "text", (c) => c.notNull())
    .addColumn("disconnected_at", "text")
    .execute();
  // A device is plugged into one computer at a time: two inventories at once cannot link it twice.
  await db.schema.createIndex("asset_connection_device_open_uq").on("asset_connection").column("device_id").unique()
    .where(sql.ref("disconnected_at"), "is", null).execute();
  // A computer's connections (open first) and a device's, newest first.
  await db.schema.createIndex("asset_connection_asset_idx").on("asset_connection").columns(["asset_id", "disconnected_at", "id"]).execute();
  await db.schema.createIndex("asset_connection_device_idx").on("asset_connection").columns(["device_id", "id"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("asset_connection").execute();
}
