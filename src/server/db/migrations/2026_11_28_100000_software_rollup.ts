import { type Kysely, sql } from "kysely";
import { addIdColumn, dialectOf } from "../dialect.js";

/**
 * The software catalogue's counts and machine lists, kept apart from the installations.
 *
 * An installation row was also written into an index by software: 800 random places in a tree of
 * millions, each commit rewriting some 1,000 of its pages, which made a first inventory four times
 * as costly as everything else it does. Now an inventory writes its installations in machine order
 * only, plus one queued row saying which versions it added and removed; the queue is folded, many
 * machines at a time, into counts per version and entity and into bitmaps of machines per version
 * and block of 1,024 asset ids (store/software-rollup.ts). A block's rows sit together, so a fold
 * rewrites a few pages for a whole second of inventories.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = dialectOf(db) === "sqlite";

  const counts = db.schema.createTable("software_install_count")
    .addColumn("software_id", "integer", (c) => c.notNull())
    .addColumn("version_id", "integer", (c) => c.notNull())
    .addColumn("entity_id", "integer", (c) => c.notNull())
    .addColumn("installs", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("software_install_count_pk", ["software_id", "version_id", "entity_id"]);
  await (sqlite ? counts.modifyEnd(sql`without rowid`) : counts).execute();

  /** `machines`: base64 of 128 bytes, bit i set when asset block × 1024 + i has the version. */
  const blocks = db.schema.createTable("software_machine_block")
    .addColumn("block", "integer", (c) => c.notNull())
    .addColumn("version_id", "integer", (c) => c.notNull())
    .addColumn("machines", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("software_machine_block_pk", ["block", "version_id"]);
  await (sqlite ? blocks.modifyEnd(sql`without rowid`) : blocks).execute();
  // A new row per version and block only: about one per inventory.
  await db.schema.createIndex("software_machine_block_version_idx").on("software_machine_block").columns(["version_id", "block"]).execute();

  /** Version ids, comma-separated, that an inventory added to or removed from the machine. */
  await addIdColumn(db, db.schema.createTable("software_change"))
    .addColumn("asset_id", "integer", (c) => c.notNull())
    .addColumn("entity_id", "integer", (c) => c.notNull())
    .addColumn("added", "text", (c) => c.notNull())
    .addColumn("removed", "text", (c) => c.notNull())
    .execute();

  /** JSON: [[version id, software id, install date, architecture], …] by version id (store/installations.ts). */
  await db.schema.createTable("asset_software_list")
    .addColumn("asset_id", "integer", (c) => c.primaryKey().references("asset.id").onDelete("cascade"))
    .addColumn("installations", "text", (c) => c.notNull())
    .execute();

  // The installations already stored: listed, and queued as added so that the first fold counts them.
  const list = sqlite
    ? sql`json_group_array(json_array(version_id, software_id, install_date, arch))`
    : sql`json_agg(json_build_array(version_id, software_id, install_date, arch) order by version_id)::text`;
  const versionList = sqlite ? sql`group_concat(version_id, ',')` : sql`string_agg(version_id::text, ',')`;
  await sql`insert into asset_software_list (asset_id, installations)
    select asset_id, ${list} from (select * from asset_software order by asset_id, version_id) i group by asset_id`.execute(db);
  await sql`insert into software_change (asset_id, entity_id, added, removed)
    select asset_id, min(entity_id), ${versionList}, '' from asset_software group by asset_id order by asset_id`.execute(db);
  await db.schema.dropTable("asset_software").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  // The installations are not unpacked back: the next inventory of each machine lists them again.
  for (const table of ["software_change", "software_machine_block", "software_install_count", "asset_software_list"]) await db.schema.dropTable(table).execute();
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
  await sql`update asset_inventory set software_hash = '', software_list_key = null`.execute(db);
}
