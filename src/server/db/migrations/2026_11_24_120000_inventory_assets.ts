import { type Kysely, sql } from "kysely";
import { addIdColumn, dialectOf } from "../dialect.js";

/**
 * What agents' inventories fill in: the asset's inventoried hardware and system, the keys it is
 * found again by, the software catalogue and each machine's installations, and the changes
 * between two inventories. Plus the agent tag placing machines in an entity, the fields a person
 * locked against inventories, and the decision each import led to.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  /** JSON array of the asset's fields (name, serial…) a person edited: inventories leave them. */
  await db.schema.alterTable("asset").addColumn("inventory_locks", "text").execute();
  /** "LYON-SIEGE": the tag agents of this entity send (TAG / ACCOUNTINFO). */
  await db.schema.alterTable("entity").addColumn("inventory_tag", "text").execute();
  await db.schema.createIndex("entity_inventory_tag_uq").on("entity").column("inventory_tag").unique().execute();

  await db.schema.alterTable("inventory_import").addColumn("asset_id", "integer").execute();
  /** match, create or refuse; null for a PROLOG or an unreadable message. */
  await db.schema.alterTable("inventory_import").addColumn("decision", "text").execute();
  /** The rule that decided ("serial + uuid") and what each rule did, one line each. */
  await db.schema.alterTable("inventory_import").addColumn("rule", "text").execute();
  await db.schema.alterTable("inventory_import").addColumn("trace", "text").execute();
  // The log filtered to refusals, or to one decision, newest first: refusals are rare in a big log.
  await db.schema.createIndex("inventory_import_outcome_idx").on("inventory_import").columns(["outcome", "received_at", "id"]).execute();
  await db.schema.createIndex("inventory_import_decision_idx").on("inventory_import").columns(["decision", "received_at", "id"]).execute();
  await db.schema.alterTable("inventory_agent").addColumn("asset_id", "integer").execute();
  await db.schema.alterTable("inventory_agent").addColumn("tag", "text").execute();

  await db.schema.createTable("asset_inventory")
    .addColumn("asset_id", "integer", (c) => c.primaryKey().references("asset.id").onDelete("cascade"))
    .addColumn("agent_id", "integer", (c) => c.references("inventory_agent.id").onDelete("set null"))
    .addColumn("agent_name", "text")
    .addColumn("agent_version", "text")
    .addColumn("hostname", "text")
    .addColumn("uuid", "text")
    .addColumn("os_name", "text")
    .addColumn("os_version", "text")
    .addColumn("os_build", "text")
    .addColumn("os_arch", "text")
    .addColumn("os_install_date", "text")
    .addColumn("memory_mb", "integer")
    .addColumn("disk_mb", "integer")
    /** The fullest volume, in percent used: the "disk almost full" signal reads it. */
    .addColumn("fullest_volume_pct", "integer")
    .addColumn("last_user", "text")
    /** 1: an antivirus is on and up to date; 0: the ones reported are off or out of date; null: none reported. */
    .addColumn("antivirus_ok", "integer")
    .addColumn("software_count", "integer", (c) => c.notNull())
    /** The inventory as the asset page shows it (JSON): BIOS, CPUs, memory, disks, volumes, networks, monitors… */
    .addColumn("details", "text", (c) => c.notNull())
    /** Hashes of what was stored: an unchanged re-inventory compares them and writes almost nothing. */
    .addColumn("details_hash", "text", (c) => c.notNull())
    .addColumn("software_hash", "text", (c) => c.notNull())
    .addColumn("inventoried_at", "text")
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("first_received_at", "text", (c) => c.notNull())
    .execute();

  // The fleet's health: the fullest disks, the machines whose antivirus is off or stale.
  await db.schema.createIndex("asset_inventory_volume_idx").on("asset_inventory").columns(["fullest_volume_pct", "asset_id"]).execute();
  await db.schema.createIndex("asset_inventory_antivirus_idx").on("asset_inventory").columns(["antivirus_ok", "asset_id"]).execute();

  // The keys reconciliation finds a machine by, besides its serial: uuid, mac and name.
  await db.schema.createTable("asset_identity")
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("asset_id", "integer", (c) => c.notNull().references("asset.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("asset_identity_pk", ["key", "value", "asset_id"])
    .execute();
  await db.schema.createIndex("asset_identity_asset_idx").on("asset_identity").columns(["asset_id"]).execute();

  await addIdColumn(db, db.schema.createTable("software"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("publisher", "text")
    /** The normalised name and publisher: one software however each agent spells it. */
    .addColumn("name_key", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("software_name_idx").on("software").columns(["name", "id"]).execute();

  await addIdColumn(db, db.schema.createTable("software_version"))
    .addColumn("software_id", "integer", (c) => c.notNull().references("software.id").onDelete("cascade"))
    /** "" when the agent gave none. */
    .addColumn("version", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("software_version_uq", ["software_id", "version"])
    .execute();

  // The entity is the asset's, kept here so counting a software's installations in scope reads one index.
  // On SQLite the rows live in their primary key's tree (without rowid): one tree less to write, 800 rows an inventory.
  const installations = db.schema.createTable("asset_software")
    .addColumn("asset_id", "integer", (c) => c.notNull().references("asset.id").onDelete("cascade"))
    .addColumn("version_id", "integer", (c) => c.notNull().references("software_version.id"))
    .addColumn("software_id", "integer", (c) => c.notNull())
    .addColumn("entity_id", "integer", (c) => c.notNull())
    .addColumn("install_date", "text")
    .addColumn("arch", "text")
    .addPrimaryKeyConstraint("asset_software_pk", ["asset_id", "version_id"]);
  await (dialectOf(db) === "sqlite" ? installations.modifyEnd(sql`without rowid`) : installations).execute();
  await db.schema.createIndex("asset_software_software_idx").on("asset_software").columns(["software_id", "entity_id", "version_id"]).execute();

  // What changed between two inventories: "RAM 8 → 16 GB", "Firefox 128 → 131", "software X removed".
  await addIdColumn(db, db.schema.createTable("asset_change"))
    .addColumn("asset_id", "integer", (c) => c.notNull().references("asset.id").onDelete("cascade"))
    .addColumn("entity_id", "integer", (c) => c.notNull())
    /** software, memory, disk, cpu, os, network, bios, monitor, antivirus */
    .addColumn("section", "text", (c) => c.notNull())
    /** added, removed or changed */
    .addColumn("change", "text", (c) => c.notNull())
    /** What changed: "Mozilla Firefox", "DIMM 1", "/dev/sda". */
    .addColumn("item", "text", (c) => c.notNull())
    .addColumn("old_value", "text")
    .addColumn("new_value", "text")
    .addColumn("changed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("asset_change_asset_idx").on("asset_change").columns(["asset_id", "id"]).execute();
  await db.schema.createIndex("asset_change_date_idx").on("asset_change").columns(["changed_at", "id"]).execute();
  await db.schema.createIndex("asset_change_item_idx").on("asset_change").columns(["section", "item", "id"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["asset_change", "asset_software", "software_version", "software", "asset_identity", "asset_inventory"]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex("entity_inventory_tag_uq").execute();
  await db.schema.dropIndex("inventory_import_decision_idx").execute();
  await db.schema.dropIndex("inventory_import_outcome_idx").execute();
  for (const [table, column] of [["inventory_agent", "tag"], ["inventory_agent", "asset_id"], ["inventory_import", "trace"], ["inventory_import", "rule"],
    ["inventory_import", "decision"], ["inventory_import", "asset_id"], ["entity", "inventory_tag"], ["asset", "inventory_locks"]] as const) {
    await db.schema.alterTable(table).dropColumn(column).execute();
  }
}
