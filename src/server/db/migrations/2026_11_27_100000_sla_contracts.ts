import { type Kysely, sql } from "kysely";
import { addIdColumn, dialectOf } from "../dialect.js";

/**
 * SLAs per contract: a support contract may carry its own business calendar (its support hours)
 * and its own SLA policies, and a ticket may name the contract it is worked under. A contract's
 * calendar and policies keep the contract's entity in entity_id (for rights and recomputes).
 *
 * An entity still has one calendar of its own at most, and a contract one: the unique key on
 * sla_calendar.entity_id becomes two partial unique indexes. ticket.contract_id has no foreign
 * key, like ticket.sla_id: backups restore tickets before contracts, and deleting a contract that
 * tickets name is refused by the service. No index: no list filters tickets by contract.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await db.schema.alterTable("sla_calendar").addColumn("contract_id", "integer", (c) => c.references("contract.id")).execute();
    await db.schema.alterTable("sla_calendar").dropConstraint("sla_calendar_entity_id_key").execute();
  } else {
    // SQLite cannot drop a column's unique constraint: the table is rebuilt, ids kept.
    await createCalendarTable(db, "sla_calendar_new", false);
    await sql`insert into sla_calendar_new (id, entity_id, name, definition, version, created_at, updated_at)
      select id, entity_id, name, definition, version, created_at, updated_at from sla_calendar`.execute(db);
    await db.schema.dropTable("sla_calendar").execute();
    await db.schema.alterTable("sla_calendar_new").renameTo("sla_calendar").execute();
  }
  await db.schema.createIndex("sla_calendar_entity_uq").on("sla_calendar").column("entity_id").unique()
    .where(sql.ref("contract_id"), "is", null).execute();
  await db.schema.createIndex("sla_calendar_contract_uq").on("sla_calendar").column("contract_id").unique()
    .where(sql.ref("contract_id"), "is not", null).execute();

  await db.schema.alterTable("sla_policy").addColumn("contract_id", "integer", (c) => c.references("contract.id")).execute();
  await db.schema.alterTable("ticket").addColumn("contract_id", "integer").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("ticket").dropColumn("contract_id").execute();
  await db.schema.alterTable("sla_policy").dropColumn("contract_id").execute();
  // The contracts' calendars go: an entity could hold only one calendar before.
  await db.deleteFrom("sla_calendar").where("contract_id", "is not", null).execute();
  await db.schema.dropIndex("sla_calendar_contract_uq").execute();
  await db.schema.dropIndex("sla_calendar_entity_uq").execute();
  if (dialectOf(db) === "postgres") {
    await db.schema.alterTable("sla_calendar").dropColumn("contract_id").execute();
    await db.schema.alterTable("sla_calendar").addUniqueConstraint("sla_calendar_entity_id_key", ["entity_id"]).execute();
    return;
  }
  await createCalendarTable(db, "sla_calendar_old", true);
  await sql`insert into sla_calendar_old (id, entity_id, name, definition, version, created_at, updated_at)
    select id, entity_id, name, definition, version, created_at, updated_at from sla_calendar`.execute(db);
  await db.schema.dropTable("sla_calendar").execute();
  await db.schema.alterTable("sla_calendar_old").renameTo("sla_calendar").execute();
}

/** sla_calendar as migration 2026_11_26_100000_sla made it, with (`before`: without) contract_id. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createCalendarTable(db: Kysely<any>, name: string, before: boolean): Promise<void> {
  let table = addIdColumn(db, db.schema.createTable(name))
    .addColumn("entity_id", "integer", (c) => (before ? c.notNull().unique() : c.notNull()).references("entity.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("definition", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull());
  if (!before) table = table.addColumn("contract_id", "integer", (c) => c.references("contract.id"));
  await table.execute();
}
