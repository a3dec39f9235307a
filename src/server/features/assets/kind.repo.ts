import type { Db } from "../../db/database.js";
import { sameName } from "./catalog.access.js";

/** Kinds with whether an asset or a model uses them (then they cannot be deleted). */
export function selectKinds(db: Db) {
  return db.selectFrom("asset_kind as k").selectAll("k")
    .select((eb) => eb.exists(eb.selectFrom("asset as a").select("a.id").whereRef("a.kind_id", "=", "k.id")).as("is_used"))
    .select((eb) => eb.exists(eb.selectFrom("asset_model as m").select("m.id").whereRef("m.kind_id", "=", "k.id")).as("has_models"));
}
export type KindListRow = Awaited<ReturnType<ReturnType<typeof selectKinds>["executeTakeFirstOrThrow"]>>;

export function findKindRow(db: Db, id: number) {
  return db.selectFrom("asset_kind").selectAll().where("id", "=", id).executeTakeFirst();
}

export function fieldsOfKinds(db: Db, kindIds: number[]) {
  if (kindIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("asset_field").selectAll().where("kind_id", "in", kindIds).orderBy("kind_id").orderBy("position").orderBy("id").execute();
}
export type FieldRow = Awaited<ReturnType<typeof fieldsOfKinds>>[number];

export function findFieldRow(db: Db, kindId: number, fieldId: number) {
  return db.selectFrom("asset_field").selectAll().where("id", "=", fieldId).where("kind_id", "=", kindId).executeTakeFirst();
}

/** Case- and accent-insensitive in JS: SQLite's lower() folds ASCII only, and a fleet has a few dozen kinds. */
export async function kindNamed(db: Db, name: string, exceptId?: number) {
  const rows = await db.selectFrom("asset_kind").select(["id", "name"]).execute();
  return rows.some((r) => r.id !== exceptId && sameName(r.name, name));
}

export async function nextFieldPosition(db: Db, kindId: number): Promise<number> {
  const row = await db.selectFrom("asset_field").select((eb) => eb.fn.max("position").as("last")).where("kind_id", "=", kindId).executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}
