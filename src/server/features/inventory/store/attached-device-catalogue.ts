/**
 * The manufacturer and model rows of attached devices, found or added inside the inventory's
 * transaction. Added with INSERT … ON CONFLICT DO NOTHING then read back: on PostgreSQL a second
 * inventory adding the same model waits for the first to commit, then reads its row. Rows are
 * taken in one order (makers, then models, each sorted), so two such inventories never deadlock.
 * No cache: an id remembered from a transaction rolled back later would name no row, or another.
 */
import type { Db } from "../../../db/database.js";
import { foldText, now } from "../../../db/values.js";

/** Manufacturer ids by the names given ("Dell"), found case and accents aside as a person typed them. */
export async function catalogueManufacturers(trx: Db, names: readonly (string | null)[]): Promise<Map<string, number>> {
  const wanted = [...new Set(names.filter((name): name is string => Boolean(name)))].sort();
  const ids = new Map<string, number>();
  if (wanted.length === 0) return ids;
  const known = await trx.selectFrom("manufacturer").select(["id", "name"]).orderBy("id").execute();
  for (const name of wanted) {
    const found = known.find((row) => foldText(row.name) === foldText(name));
    if (found) {
      ids.set(name, found.id);
      continue;
    }
    await trx.insertInto("manufacturer").values({ name, created_at: now() }).onConflict((oc) => oc.column("name").doNothing()).execute();
    const row = await trx.selectFrom("manufacturer").select("id").where("name", "=", name).executeTakeFirstOrThrow();
    ids.set(name, row.id);
  }
  return ids;
}

export type ModelWanted = { kindId: number; manufacturerId: number | null; name: string | null };

export const modelKey = (kindId: number, manufacturerId: number, name: string) => `${kindId}:${manufacturerId}:${name}`;

/** Model ids by modelKey; a model without a maker is not added (the catalogue files models by maker). */
export async function catalogueModels(trx: Db, models: readonly ModelWanted[]): Promise<Map<string, number>> {
  const wanted = new Map<string, { kindId: number; manufacturerId: number; name: string }>();
  for (const { kindId, manufacturerId, name } of models) {
    if (name && manufacturerId !== null) wanted.set(modelKey(kindId, manufacturerId, name), { kindId, manufacturerId, name });
  }
  const ids = new Map<string, number>();
  for (const key of [...wanted.keys()].sort()) {
    const { kindId, manufacturerId, name } = wanted.get(key) as { kindId: number; manufacturerId: number; name: string };
    const find = () => trx.selectFrom("asset_model").select("id").where("kind_id", "=", kindId).where("manufacturer_id", "=", manufacturerId)
      .where("name", "=", name).executeTakeFirst();
    let row = await find();
    if (!row) {
      await trx.insertInto("asset_model").values({ kind_id: kindId, manufacturer_id: manufacturerId, name, part_number: null, created_at: now() })
        .onConflict((oc) => oc.columns(["kind_id", "manufacturer_id", "name"]).doNothing()).execute();
      row = await find();
    }
    if (row) ids.set(key, row.id);
  }
  return ids;
}
