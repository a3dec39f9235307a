import type { Kysely } from "kysely";
import { addIdColumn } from "../dialect.js";

/**
 * The agents that send inventories (OCS, FusionInventory, GLPI), known by the device id each
 * keeps across runs, and every message they sent: received or refused, with why.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable("inventory_agent"))
    /** "vm-2026-11-22-13-41-44": the agent's own id, the same at every run. */
    .addColumn("device_id", "text", (c) => c.notNull().unique())
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    /** "FusionInventory-Agent", "OCS-NG_unified_unix_agent"… and its version. */
    .addColumn("name", "text")
    .addColumn("version", "text")
    .addColumn("last_ip", "text")
    .addColumn("last_contact_at", "text", (c) => c.notNull())
    .addColumn("last_inventory_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  // The list of agents, the silent ones first when sorted the other way.
  await db.schema.createIndex("inventory_agent_contact_idx").on("inventory_agent").columns(["last_contact_at", "id"]).execute();
  await db.schema.createIndex("inventory_agent_entity_idx").on("inventory_agent").columns(["entity_id", "last_contact_at"]).execute();

  await addIdColumn(db, db.schema.createTable("inventory_import"))
    /** null when the message could not be read far enough to know its agent. */
    .addColumn("agent_id", "integer", (c) => c.references("inventory_agent.id").onDelete("cascade"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("device_id", "text")
    .addColumn("ip", "text")
    /** PROLOG, INVENTORY… or null when unreadable. */
    .addColumn("query", "text")
    /** received or refused */
    .addColumn("outcome", "text", (c) => c.notNull())
    /** For a refusal: the protocol reason (BODY_CORRUPT, XML_MALFORMED, QUERY_UNKNOWN…). */
    .addColumn("reason", "text")
    /** A line for people: what was received, or what was wrong. */
    .addColumn("detail", "text")
    .addColumn("received_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("inventory_import_received_idx").on("inventory_import").columns(["received_at", "id"]).execute();
  await db.schema.createIndex("inventory_import_agent_idx").on("inventory_import").columns(["agent_id", "id"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("inventory_import").execute();
  await db.schema.dropTable("inventory_agent").execute();
}
