/**
 * Reference rows for the asset tests (and the bench): a location tree, a manufacturer and its
 * model, a supplier. Inserted directly: the reference routes are another part's, tested there.
 */
import type { Db } from "../../db/database.js";
import { now } from "../../db/values.js";

export async function makeLocation(db: Db, entityId: number, name: string, parent?: { id: number; complete_name: string; depth: number }, type = "site") {
  const at = now();
  return db.insertInto("location").values({
    entity_id: entityId, parent_id: parent?.id ?? null, name, complete_name: parent ? `${parent.complete_name} > ${name}` : name,
    depth: parent ? parent.depth + 1 : 0, location_type: type, address: null, postcode: null, city: null, country: null,
    is_active: 1, created_at: at, updated_at: at,
  }).returning(["id", "complete_name", "depth"]).executeTakeFirstOrThrow();
}

export async function makeManufacturer(db: Db, name: string): Promise<number> {
  return (await db.insertInto("manufacturer").values({ name, created_at: now() }).returning("id").executeTakeFirstOrThrow()).id;
}

export async function makeModel(db: Db, kindId: number, manufacturerId: number | null, name: string): Promise<number> {
  return (await db.insertInto("asset_model").values({ kind_id: kindId, manufacturer_id: manufacturerId, name, part_number: null, created_at: now() })
    .returning("id").executeTakeFirstOrThrow()).id;
}

export async function makeSupplier(db: Db, entityId: number, name: string): Promise<number> {
  const at = now();
  return (await db.insertInto("supplier").values({ entity_id: entityId, name, phone: null, email: null, website: null, address: null,
    notes: null, is_active: 1, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow()).id;
}

export async function kindId(db: Db, code: string): Promise<number> {
  return (await db.selectFrom("asset_kind").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
}

/** A kind of the admin's own, with a required choice field and a number field. */
export async function makeCustomKind(db: Db, pattern: string | null): Promise<number> {
  const at = now();
  const kind = await db.insertInto("asset_kind").values({ code: null, family: "other", name: "Badgeuse", tag_pattern: pattern, is_active: 1,
    created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
  await db.insertInto("asset_field").values([
    { kind_id: kind.id, key: "reader", label: "Lecteur", field_type: "choice", choices: JSON.stringify(["RFID", "NFC"]), is_required: 1, position: 0, is_builtin: 0 },
    { kind_id: kind.id, key: "doors", label: "Portes", field_type: "number", choices: null, is_required: 0, position: 1, is_builtin: 0 },
    { kind_id: kind.id, key: "installed", label: "Installée le", field_type: "date", choices: null, is_required: 0, position: 2, is_builtin: 0 },
  ]).execute();
  return kind.id;
}
