import type { Kysely } from "kysely";

/**
 * The hash of the software list as the agent last wrote it (and of the rules that normalised it):
 * an inventory whose list has the same hash is stored without reading its software again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("asset_inventory").addColumn("software_list_key", "text").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("asset_inventory").dropColumn("software_list_key").execute();
}
