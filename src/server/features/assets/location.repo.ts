import { type SqlBool, sql } from "kysely";
import type { Db } from "../../db/database.js";

/** Locations with their entity's name and whether an asset stands there. */
export function selectLocations(db: Db) {
  return db.selectFrom("location as l")
    .innerJoin("entity as e", "e.id", "l.entity_id")
    .selectAll("l")
    .select("e.complete_name as entity_name")
    .select((eb) => eb.exists(eb.selectFrom("asset as a").select("a.id").whereRef("a.location_id", "=", "l.id")).as("is_used"));
}
export type LocationListRow = Awaited<ReturnType<ReturnType<typeof selectLocations>["executeTakeFirstOrThrow"]>>;

export function findLocationRow(db: Db, id: number) {
  return db.selectFrom("location").selectAll().where("id", "=", id).executeTakeFirst();
}
export type LocationRow = NonNullable<Awaited<ReturnType<typeof findLocationRow>>>;

/** `column` contains the words typed, case aside (lower() on both sides: PostgreSQL's LIKE is case-sensitive). */
export function containsText(column: string, text: string) {
  const escaped = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${`%${escaped}%`} escape '\\'`;
}

export async function hasSiblingNamed(db: Db, entityId: number, parentId: number | null, name: string, exceptId?: number) {
  let q = db.selectFrom("location").select("id").where("entity_id", "=", entityId)
    .where("parent_id", parentId === null ? "is" : "=", parentId).where("name", "=", name);
  if (exceptId !== undefined) q = q.where("id", "!=", exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** What keeps a location from being deleted: places below it, or anything of the fleet pointing at it. */
export async function locationContents(db: Db, id: number): Promise<{ children: boolean; used: boolean }> {
  const child = await db.selectFrom("location").select("id").where("parent_id", "=", id).limit(1).executeTakeFirst();
  const asset = await db.selectFrom("asset").select("id").where("location_id", "=", id).limit(1).executeTakeFirst();
  const event = await db.selectFrom("asset_event").select("id")
    .where((eb) => eb.or([eb("from_location_id", "=", id), eb("to_location_id", "=", id)])).limit(1).executeTakeFirst();
  return { children: child !== undefined, used: asset !== undefined || event !== undefined };
}
