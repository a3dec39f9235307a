import { type Kysely, sql } from "kysely";
import { addIdColumn } from "../dialect.js";

/**
 * SNMP discovery run by Vigie itself: the credentials it tries (per entity), the IP ranges it
 * scans, each scan with its progress, and what printers say of their supplies and page counters,
 * with the low-supply alerts (one open row per printer and supply while it is low).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable("snmp_credential"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("name", "text", (c) => c.notNull())
    /** v1, v2c or v3 */
    .addColumn("version", "text", (c) => c.notNull())
    .addColumn("community", "text")
    .addColumn("username", "text")
    /** v3: none, md5, sha, sha256…; the keys are needed in clear to talk to the devices, never returned by the API. */
    .addColumn("auth_protocol", "text")
    .addColumn("auth_key", "text")
    .addColumn("priv_protocol", "text")
    .addColumn("priv_key", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("snmp_credential_entity_idx").on("snmp_credential").columns(["entity_id", "id"]).execute();

  await addIdColumn(db, db.schema.createTable("snmp_range"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("name", "text", (c) => c.notNull())
    /** As typed: "192.168.1.0/24", "10.0.0.10-10.0.0.50" or one address. */
    .addColumn("spec", "text", (c) => c.notNull())
    .addColumn("address_count", "integer", (c) => c.notNull())
    .addColumn("port", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("snmp_range_entity_idx").on("snmp_range").columns(["entity_id", "id"]).execute();

  // The credentials a range tries, in order; deleting a credential takes it out of its ranges.
  await addIdColumn(db, db.schema.createTable("snmp_range_credential"))
    .addColumn("range_id", "integer", (c) => c.notNull().references("snmp_range.id").onDelete("cascade"))
    .addColumn("credential_id", "integer", (c) => c.notNull().references("snmp_credential.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("snmp_range_credential_uq").on("snmp_range_credential").columns(["range_id", "credential_id"]).unique().execute();
  await db.schema.createIndex("snmp_range_credential_cred_idx").on("snmp_range_credential").column("credential_id").execute();

  await addIdColumn(db, db.schema.createTable("snmp_scan"))
    .addColumn("range_id", "integer", (c) => c.notNull().references("snmp_range.id").onDelete("cascade"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    /** queued, running, done or failed */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("total", "integer", (c) => c.notNull())
    .addColumn("done", "integer", (c) => c.notNull())
    .addColumn("found", "integer", (c) => c.notNull())
    .addColumn("error", "text")
    .addColumn("created_by", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("started_at", "text")
    .addColumn("finished_at", "text")
    .execute();
  await db.schema.createIndex("snmp_scan_entity_idx").on("snmp_scan").columns(["entity_id", "id"]).execute();
  await db.schema.createIndex("snmp_scan_range_idx").on("snmp_scan").columns(["range_id", "id"]).execute();

  await addIdColumn(db, db.schema.createTable("printer_supply"))
    .addColumn("asset_id", "integer", (c) => c.notNull().references("asset.id").onDelete("cascade"))
    /** The supply's row in prtMarkerSuppliesTable ("1.2"): the same cartridge slot from one scan to the next. */
    .addColumn("supply_index", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    /** toner, ink, drum, wasteToner… (prtMarkerSuppliesType); consumed: 1 for what runs out, 0 for what fills up. */
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("consumed", "integer", (c) => c.notNull())
    .addColumn("colour", "text")
    .addColumn("level", "integer")
    .addColumn("max_capacity", "integer")
    .addColumn("percent", "integer")
    .addColumn("read_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("printer_supply_uq").on("printer_supply").columns(["asset_id", "supply_index"]).unique().execute();

  await addIdColumn(db, db.schema.createTable("printer_counter"))
    .addColumn("asset_id", "integer", (c) => c.notNull().references("asset.id").onDelete("cascade"))
    /** "total": pages printed over the printer's life (prtMarkerLifeCount). */
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("value", "bigint", (c) => c.notNull())
    .addColumn("read_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("printer_counter_uq").on("printer_counter").columns(["asset_id", "name"]).unique().execute();

  await addIdColumn(db, db.schema.createTable("printer_supply_alert"))
    .addColumn("asset_id", "integer", (c) => c.notNull().references("asset.id").onDelete("cascade"))
    .addColumn("supply_index", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("percent", "integer")
    .addColumn("raised_at", "text", (c) => c.notNull())
    .addColumn("ticket_id", "integer", (c) => c.references("ticket.id").onDelete("set null"))
    .addColumn("cleared_at", "text")
    .execute();
  // One open alert per printer and supply: two scans at once cannot open two tickets.
  await db.schema.createIndex("printer_supply_alert_open_uq").on("printer_supply_alert").columns(["asset_id", "supply_index"]).unique()
    .where(sql.ref("cleared_at"), "is", null).execute();
  await db.schema.createIndex("printer_supply_alert_asset_idx").on("printer_supply_alert").columns(["asset_id", "id"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["printer_supply_alert", "printer_counter", "printer_supply", "snmp_scan", "snmp_range_credential", "snmp_range", "snmp_credential"]) {
    await db.schema.dropTable(table).execute();
  }
}
