import { type Kysely, sql } from "kysely";

/**
 * The fleet's alerts in the bell: a notification may be about an asset (a warranty ending) or a
 * contract (its end, its notice date). The partial indexes serve the "told once per record, kind
 * and date" check and cost nothing to the ticket notifications. Contracts also sort by name.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("notification").addColumn("asset_id", "integer", (c) => c.references("asset.id").onDelete("cascade")).execute();
  await db.schema.alterTable("notification").addColumn("contract_id", "integer", (c) => c.references("contract.id").onDelete("cascade")).execute();
  await db.schema.createIndex("notification_asset_alert_idx").on("notification").columns(["asset_id", "kind", "due_at"])
    .where(sql.ref("asset_id"), "is not", null).execute();
  await db.schema.createIndex("notification_contract_alert_idx").on("notification").columns(["contract_id", "kind", "due_at"])
    .where(sql.ref("contract_id"), "is not", null).execute();
  await db.schema.createIndex("contract_name_idx").on("contract").columns(["name", "id"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("contract_name_idx").execute();
  await db.schema.dropIndex("notification_contract_alert_idx").execute();
  await db.schema.dropIndex("notification_asset_alert_idx").execute();
  await db.schema.alterTable("notification").dropColumn("contract_id").execute();
  await db.schema.alterTable("notification").dropColumn("asset_id").execute();
}
