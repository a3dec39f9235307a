import type { Kysely } from "kysely";
import { addIdColumn } from "../dialect.js";

/**
 * The fleet (parc): kinds of assets and their fields, locations, manufacturers, models,
 * suppliers, the assets themselves with their life cycle and movements, contracts, and the
 * links between tickets and assets.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Built-in kinds (code set, e.g. "laptop") and admin-defined ones (code null). The family groups them in lists.
  await addIdColumn(db, db.schema.createTable("asset_kind"))
    .addColumn("code", "text", (c) => c.unique())
    .addColumn("family", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    /** How a new asset's tag is made, e.g. PC-{YYYY}-{#####}; null: typed by hand. */
    .addColumn("tag_pattern", "text")
    .addColumn("is_active", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // The fields of a kind beyond the common ones (built-in: processor, memory…; or admin-defined). Values live in asset.fields (JSON).
  await addIdColumn(db, db.schema.createTable("asset_field"))
    .addColumn("kind_id", "integer", (c) => c.notNull().references("asset_kind.id").onDelete("cascade"))
    /** The key in asset.fields: stable when the label is renamed. */
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    /** text, number, date or choice */
    .addColumn("field_type", "text", (c) => c.notNull())
    /** For a choice: the options, as a JSON array of strings. */
    .addColumn("choices", "text")
    .addColumn("is_required", "integer", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("is_builtin", "integer", (c) => c.notNull())
    .addUniqueConstraint("asset_field_key_uq", ["kind_id", "key"])
    .execute();

  // A tree per entity: site > building > floor > room, visible in the entity and its sub-entities.
  await addIdColumn(db, db.schema.createTable("location"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("parent_id", "integer", (c) => c.references("location.id"))
    .addColumn("name", "text", (c) => c.notNull())
    /** "Lyon > Bâtiment A > 2e étage > Salle 204": the path from the top. */
    .addColumn("complete_name", "text", (c) => c.notNull())
    .addColumn("depth", "integer", (c) => c.notNull())
    /** site, building, floor, room or other */
    .addColumn("location_type", "text", (c) => c.notNull())
    .addColumn("address", "text")
    .addColumn("postcode", "text")
    .addColumn("city", "text")
    .addColumn("country", "text")
    .addColumn("is_active", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("location_parent_idx").on("location").columns(["parent_id", "name"]).execute();
  await db.schema.createIndex("location_entity_idx").on("location").columns(["entity_id", "complete_name"]).execute();

  await addIdColumn(db, db.schema.createTable("manufacturer"))
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await addIdColumn(db, db.schema.createTable("asset_model"))
    .addColumn("kind_id", "integer", (c) => c.notNull().references("asset_kind.id"))
    .addColumn("manufacturer_id", "integer", (c) => c.references("manufacturer.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("part_number", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("asset_model_name_uq", ["kind_id", "manufacturer_id", "name"])
    .execute();

  await addIdColumn(db, db.schema.createTable("supplier"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("phone", "text")
    .addColumn("email", "text")
    .addColumn("website", "text")
    .addColumn("address", "text")
    .addColumn("notes", "text")
    .addColumn("is_active", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("supplier_name_uq", ["entity_id", "name"])
    .execute();

  await addIdColumn(db, db.schema.createTable("supplier_contact"))
    .addColumn("supplier_id", "integer", (c) => c.notNull().references("supplier.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text")
    .addColumn("phone", "text")
    .addColumn("email", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("supplier_contact_supplier_idx").on("supplier_contact").columns(["supplier_id", "name"]).execute();

  await addIdColumn(db, db.schema.createTable("asset"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("kind_id", "integer", (c) => c.notNull().references("asset_kind.id"))
    .addColumn("name", "text", (c) => c.notNull())
    /** The inventory number (numéro d'inventaire), unique in its entity. */
    .addColumn("asset_tag", "text", (c) => c.notNull())
    .addColumn("serial", "text")
    .addColumn("manufacturer_id", "integer", (c) => c.references("manufacturer.id"))
    .addColumn("model_id", "integer", (c) => c.references("asset_model.id"))
    /** ordered, in_stock, in_use, in_repair, loaned, retired, disposed */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("location_id", "integer", (c) => c.references("location.id"))
    .addColumn("user_id", "integer", (c) => c.references("app_user.id"))
    .addColumn("group_id", "integer", (c) => c.references("user_group.id"))
    .addColumn("tech_contact_id", "integer", (c) => c.references("app_user.id"))
    .addColumn("notes", "text")
    /** The kind's own and admin-defined fields, as a JSON object by field key. */
    .addColumn("fields", "text")
    // Financial and warranty.
    .addColumn("supplier_id", "integer", (c) => c.references("supplier.id"))
    .addColumn("order_number", "text")
    .addColumn("invoice_number", "text")
    .addColumn("purchase_date", "text")
    /** In cents, tax excluded. */
    .addColumn("price_cents", "integer")
    .addColumn("warranty_start", "text")
    .addColumn("warranty_months", "integer")
    /** warranty_start + warranty_months, kept for the alerts and the renewal view. */
    .addColumn("warranty_end", "text")
    /** Linear depreciation over this many years from the purchase date. */
    .addColumn("depreciation_years", "integer")
    // Disposal (DEEE): the asset stays in the fleet's history for good.
    .addColumn("disposed_at", "text")
    .addColumn("recycler", "text")
    .addColumn("disposal_certificate", "text")
    /** For a loan: when it is due back. */
    .addColumn("loan_due_at", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("app_user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  for (const [name, columns, unique] of ASSET_INDEXES) {
    let index = db.schema.createIndex(name).on("asset").columns(columns);
    if (unique) index = index.unique();
    await index.execute();
  }

  // The asset's life: creation, each status change, assignment, move, loan and return, with who and why.
  await addIdColumn(db, db.schema.createTable("asset_event"))
    .addColumn("asset_id", "integer", (c) => c.notNull().references("asset.id"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    /** create, status, assign, move, loan, return, dispose */
    .addColumn("event_type", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text")
    .addColumn("from_user_id", "integer", (c) => c.references("app_user.id"))
    .addColumn("to_user_id", "integer", (c) => c.references("app_user.id"))
    .addColumn("from_location_id", "integer", (c) => c.references("location.id"))
    .addColumn("to_location_id", "integer", (c) => c.references("location.id"))
    .addColumn("reason", "text")
    .addColumn("actor_id", "integer", (c) => c.references("app_user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("asset_event_asset_idx").on("asset_event").columns(["asset_id", "id"]).execute();
  // "Everything that moved in Lyon last month": by place, then date.
  await db.schema.createIndex("asset_event_to_idx").on("asset_event").columns(["to_location_id", "created_at"]).execute();
  await db.schema.createIndex("asset_event_from_idx").on("asset_event").columns(["from_location_id", "created_at"]).execute();
  await db.schema.createIndex("asset_event_date_idx").on("asset_event").columns(["created_at", "id"]).execute();

  // Gap-free asset tag numbers, one counter per rendered prefix ("PC-2026-").
  await db.schema.createTable("asset_tag_counter")
    .addColumn("prefix", "text", (c) => c.primaryKey())
    .addColumn("last_value", "integer", (c) => c.notNull())
    .execute();

  await addIdColumn(db, db.schema.createTable("contract"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    /** maintenance, warranty_extension, lease, support */
    .addColumn("contract_type", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("number", "text")
    .addColumn("supplier_id", "integer", (c) => c.references("supplier.id"))
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("duration_months", "integer", (c) => c.notNull())
    /** start_date + duration, moved on at each tacit renewal. */
    .addColumn("end_date", "text", (c) => c.notNull())
    .addColumn("notice_months", "integer", (c) => c.notNull())
    /** end_date - notice: the last day to give notice. */
    .addColumn("notice_date", "text", (c) => c.notNull())
    .addColumn("tacit_renewal", "integer", (c) => c.notNull())
    /** In cents per year, tax excluded. */
    .addColumn("yearly_cost_cents", "integer")
    .addColumn("notes", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("contract_end_idx").on("contract").columns(["end_date", "id"]).execute();
  await db.schema.createIndex("contract_notice_idx").on("contract").columns(["notice_date", "id"]).execute();
  await db.schema.createIndex("contract_entity_idx").on("contract").columns(["entity_id", "end_date"]).execute();

  await db.schema.createTable("contract_asset")
    .addColumn("contract_id", "integer", (c) => c.notNull().references("contract.id").onDelete("cascade"))
    .addColumn("asset_id", "integer", (c) => c.notNull().references("asset.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("contract_asset_pk", ["contract_id", "asset_id"])
    .execute();
  await db.schema.createIndex("contract_asset_asset_idx").on("contract_asset").columns(["asset_id", "contract_id"]).execute();

  await db.schema.createTable("ticket_asset")
    .addColumn("ticket_id", "integer", (c) => c.notNull().references("ticket.id").onDelete("cascade"))
    .addColumn("asset_id", "integer", (c) => c.notNull().references("asset.id"))
    .addColumn("created_by", "integer", (c) => c.references("app_user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("ticket_asset_pk", ["ticket_id", "asset_id"])
    .execute();
  await db.schema.createIndex("ticket_asset_asset_idx").on("ticket_asset").columns(["asset_id", "ticket_id"]).execute();

  await seedKinds(db);
}

type Field = [key: string, label: string, type: "text" | "number" | "date" | "choice", choices?: string[]];
const COMPUTER: Field[] = [["cpu", "Processeur", "text"], ["ram_gb", "Mémoire (Go)", "number"], ["disk_gb", "Disque (Go)", "number"],
  ["os", "Système d'exploitation", "text"], ["hostname", "Nom d'hôte", "text"], ["ip", "Adresse IP", "text"], ["mac", "Adresse MAC", "text"]];
const NETWORK: Field[] = [["ip", "Adresse IP", "text"], ["mac", "Adresse MAC", "text"], ["ports", "Nombre de ports", "number"], ["firmware", "Micrologiciel", "text"]];
const PHONE: Field[] = [["number", "Numéro", "text"], ["imei", "IMEI", "text"], ["os", "Système", "text"]];

/** The kinds every fleet has, with the fields technicians look for on each (a copy: later changes to this list need their own migration). */
const KINDS: [code: string, family: string, name: string, pattern: string, fields: Field[]][] = [
  ["desktop", "computer", "Ordinateur fixe", "PC-{YYYY}-{#####}", COMPUTER],
  ["laptop", "computer", "Ordinateur portable", "PC-{YYYY}-{#####}", COMPUTER],
  ["server", "computer", "Serveur", "SRV-{YYYY}-{####}", COMPUTER],
  ["virtual_machine", "computer", "Machine virtuelle", "VM-{YYYY}-{#####}", COMPUTER],
  ["monitor", "monitor", "Écran", "ECR-{YYYY}-{#####}", [["size_inches", "Taille (pouces)", "number"], ["resolution", "Résolution", "text"]]],
  ["printer", "printer", "Imprimante", "IMP-{YYYY}-{####}", [["ip", "Adresse IP", "text"], ["color", "Couleur", "choice", ["Oui", "Non"]],
    ["page_counter", "Compteur de pages", "number"]]],
  ["switch", "network", "Commutateur", "RES-{YYYY}-{####}", NETWORK],
  ["router", "network", "Routeur", "RES-{YYYY}-{####}", NETWORK],
  ["access_point", "network", "Borne Wi-Fi", "RES-{YYYY}-{####}", NETWORK],
  ["firewall", "network", "Pare-feu", "RES-{YYYY}-{####}", NETWORK],
  ["mobile_phone", "phone", "Téléphone mobile", "TEL-{YYYY}-{#####}", PHONE],
  ["desk_phone", "phone", "Téléphone fixe / IP", "TEL-{YYYY}-{#####}", [["number", "Numéro", "text"], ["mac", "Adresse MAC", "text"]]],
  ["peripheral", "peripheral", "Périphérique", "PER-{YYYY}-{#####}", []],
];

/** Also run by the demo after a wipe (`vigie demo --force` empties every table, these too). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function seedKinds(db: Kysely<any>): Promise<void> {
  const at = new Date().toISOString();
  for (const [code, family, name, pattern, fields] of KINDS) {
    const kind = await db.insertInto("asset_kind").values({ code, family, name, tag_pattern: pattern, is_active: 1, created_at: at, updated_at: at })
      .returning("id").executeTakeFirstOrThrow();
    if (fields.length === 0) continue;
    await db.insertInto("asset_field").values(fields.map(([key, label, type, choices], position) => ({
      kind_id: kind.id, key, label, field_type: type, choices: choices ? JSON.stringify(choices) : null, is_required: 0, position, is_builtin: 1,
    }))).execute();
  }
}

/**
 * The lists filter by entity (always), kind, status, location, user, and sort by name, tag or
 * last update; the tag and serial checks are unique indexes, so a race cannot slip past them.
 */
const ASSET_INDEXES: [string, string[], boolean][] = [
  ["asset_tag_uq", ["entity_id", "asset_tag"], true],
  // Serials repeat across manufacturers (two makers may number alike), never within one.
  ["asset_serial_uq", ["entity_id", "manufacturer_id", "serial"], true],
  ["asset_serial_idx", ["serial"], false],
  ["asset_kind_idx", ["kind_id", "status", "updated_at", "id"], false],
  ["asset_updated_idx", ["updated_at", "id"], false],
  ["asset_name_idx", ["name", "id"], false],
  ["asset_location_idx", ["location_id", "id"], false],
  ["asset_user_idx", ["user_id", "id"], false],
  ["asset_warranty_idx", ["warranty_end", "id"], false],
  ["asset_purchase_idx", ["purchase_date", "id"], false],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["ticket_asset", "contract_asset", "contract", "asset_tag_counter", "asset_event", "asset", "supplier_contact",
    "supplier", "asset_model", "manufacturer", "location", "asset_field", "asset_kind"]) {
    await db.schema.dropTable(table).execute();
  }
}
