import { type Kysely, sql } from "kysely";
import type { Db } from "../db/database.js";
import { type DB, TABLES } from "../db/schema.js";

// Table names come from TABLES at run time, so queries here go through an untyped view.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export function untyped(db: Db): AnyDb {
  return db as unknown as AnyDb;
}

/** Keys of the tables without an auto-numbered id: paging by them walks each table once. */
const OTHER_KEYS: Partial<Record<keyof DB, string[]>> = {
  setting: ["key"],
  entity_closure: ["ancestor_id", "descendant_id"],
  group_member: ["group_id", "user_id"],
  session: ["id"],
  mail_thread_ref: ["message_id"],
  recurring_ticket_asset: ["recurring_id", "asset_id"],
  ticket_observer: ["ticket_id", "user_id"],
  ticket_presence: ["ticket_id", "user_id"],
  notification_read: ["notification_id", "user_id"],
  asset_tag_counter: ["prefix"],
  contract_asset: ["contract_id", "asset_id"],
  ticket_asset: ["ticket_id", "asset_id"],
  inventory_scan: ["campaign_id", "tag"],
  asset_inventory: ["asset_id"],
  asset_identity: ["key", "value", "asset_id"],
  asset_software_list: ["asset_id"],
  software_install_count: ["software_id", "version_id", "entity_id"],
  software_machine_block: ["block", "version_id"],
  kb_article_tag: ["article_id", "tag"],
  kb_vote: ["article_id", "user_id"],
  kb_view: ["article_id", "user_id", "day"],
  kb_article_ticket: ["article_id", "ticket_id"],
  kb_article_target: ["article_id", "target_type", "target_id"],
  inventory_import_payload: ["import_id"],
};

export type TableInfo = {
  name: keyof DB;
  selfRef?: string;
  /** The columns that order and page the rows: the primary key. */
  keys: string[];
  /** Has an auto-numbered id whose counter a restore must move past the restored rows. */
  identity: boolean;
};

/** TABLES, with each table's key read from the live schema (both dialects report identities). */
export async function describeTables(db: Kysely<DB>): Promise<TableInfo[]> {
  const schema = await db.introspection.getTables();
  return TABLES.map((t) => {
    const columns = schema.find((s) => s.name === t.name)?.columns;
    if (!columns) throw new Error(`table ${t.name} is missing: is the database migrated?`);
    const identity = columns.some((c) => c.name === "id" && c.isAutoIncrementing);
    const keys = identity ? ["id"] : OTHER_KEYS[t.name];
    if (!keys) throw new Error(`table ${t.name} has no auto-numbered id: declare its key in backup/tables.ts`);
    return { name: t.name, selfRef: t.selfRef, keys, identity };
  });
}

export async function countRows(db: Db, table: keyof DB): Promise<number> {
  const row = await untyped(db).selectFrom(table).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function hasUsers(db: Db): Promise<boolean> {
  return (await db.selectFrom("app_user").select("id").limit(1).executeTakeFirst()) !== undefined;
}

/** Deletes every row of every table, children first; the caller holds the transaction. */
export async function clearTables(db: Db): Promise<void> {
  for (const t of [...TABLES].reverse()) {
    // A self-reference (entity.parent_id) is cut first, so no row outlives its parent mid-delete.
    if (t.selfRef) await untyped(db).updateTable(t.name).set({ [t.selfRef]: null }).execute();
    await untyped(db).deleteFrom(t.name).execute();
  }
}
