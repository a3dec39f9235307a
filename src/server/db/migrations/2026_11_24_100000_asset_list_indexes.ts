import type { Kysely } from "kysely";

/**
 * The list at 200,000 assets.
 * - By location, newest first: with the update date after the location, SQLite reads only the
 *   newest rows of each room of a floor instead of sorting every asset of the floor (55 → 4 ms).
 * - A search looks first among the most recently updated assets (asset-list.service.ts): the
 *   update index carries what the search and the list's standing filters read, so that look is
 *   a walk along one index, without reading the rows (a prefix matching 5% of the fleet: 33 → 2 ms).
 */
const REPLACED: [string, string[], string[]][] = [
  ["asset_location_idx", ["location_id", "id"], ["location_id", "updated_at", "id"]],
  ["asset_updated_idx", ["updated_at", "id"], ["updated_at", "id", "status", "entity_id", "asset_tag", "serial", "name"]],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, , columns] of REPLACED) {
    await db.schema.dropIndex(name).execute();
    await db.schema.createIndex(name).on("asset").columns(columns).execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, columns] of REPLACED) {
    await db.schema.dropIndex(name).execute();
    await db.schema.createIndex(name).on("asset").columns(columns).execute();
  }
}
