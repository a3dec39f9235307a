/**
 * What the other parts of the fleet (assets, contracts, inventory) call to check the references
 * a record points at. One lookup each, by primary key; a reference of another entity's branch
 * is answered like a missing one, so its existence does not leak.
 */
import type { SelectQueryBuilder } from "kysely";
import type { AssetFamily, FieldType } from "../../../shared/domain/assets.js";
import type { Db } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { AppError, notFound } from "../../http/errors.js";
import { visibleIn } from "../../db/tree.js";

/** Throws AppError 400 "LOCATION_NOT_USABLE" unless the location exists, is active and is visible in entityId. */
export async function checkLocationUsable(db: Db, locationId: number, entityId: number): Promise<void> {
  const row = await db.selectFrom("location as l").select("l.id").where("l.id", "=", locationId)
    .where("l.is_active", "=", 1).where(visibleIn("l.entity_id", entityId)).executeTakeFirst();
  if (!row) {
    throw new AppError("LOCATION_NOT_USABLE", `Location ${locationId} is missing, inactive or not visible in entity ${entityId}`,
      [{ path: "body.locationId", message: "location not usable here" }]);
  }
}

/**
 * A subquery of the ids of this location and all below it (for "everything in Lyon"). A
 * recursive CTE inside the subquery, so it can sit in any `where(x, "in", …)`.
 */
export function locationSubtreeIds(db: Db, locationId: number): SelectQueryBuilder<DB, "location", { id: number }> {
  const subtree = db.withRecursive("subtree(id)", (qc) =>
    qc.selectFrom("location").select("id").where("id", "=", locationId)
      .unionAll((eb) => eb.selectFrom("location as child").innerJoin("subtree", "subtree.id", "child.parent_id").select("child.id")),
  ).selectFrom("subtree").select("subtree.id");
  return db.selectFrom("location").select("location.id").where("location.id", "in", subtree);
}

export type KindInfo = {
  id: number; code: string | null; family: AssetFamily; name: string; tagPattern: string | null; isActive: boolean;
  fields: { key: string; label: string; fieldType: FieldType; choices: string[] | null; isRequired: boolean }[];
};

/** Throws notFound("KIND_NOT_FOUND") if missing. */
export async function loadKind(db: Db, kindId: number): Promise<KindInfo> {
  const kind = await db.selectFrom("asset_kind").selectAll().where("id", "=", kindId).executeTakeFirst();
  if (!kind) throw notFound("KIND_NOT_FOUND", `Kind ${kindId}`);
  const fields = await db.selectFrom("asset_field").select(["key", "label", "field_type", "choices", "is_required"])
    .where("kind_id", "=", kindId).orderBy("position").orderBy("id").execute();
  return {
    id: kind.id, code: kind.code, family: kind.family as AssetFamily, name: kind.name, tagPattern: kind.tag_pattern, isActive: kind.is_active === 1,
    fields: fields.map((f) => ({ key: f.key, label: f.label, fieldType: f.field_type as FieldType,
      choices: f.choices === null ? null : (JSON.parse(f.choices) as string[]), isRequired: f.is_required === 1 })),
  };
}

/** Throws 400 "MODEL_NOT_USABLE" unless the model exists and belongs to this kind (and this manufacturer when given). */
export async function checkModelUsable(db: Db, modelId: number, kindId: number, manufacturerId: number | null): Promise<{ manufacturerId: number | null }> {
  const model = await db.selectFrom("asset_model").select(["kind_id", "manufacturer_id"]).where("id", "=", modelId).executeTakeFirst();
  if (!model || model.kind_id !== kindId || (manufacturerId !== null && model.manufacturer_id !== manufacturerId)) {
    throw new AppError("MODEL_NOT_USABLE", `Model ${modelId} is missing or not of this kind and manufacturer`,
      [{ path: "body.modelId", message: "model not usable here" }]);
  }
  return { manufacturerId: model.manufacturer_id };
}

/** Throws 400 "MANUFACTURER_NOT_FOUND" if missing. */
export async function checkManufacturer(db: Db, manufacturerId: number): Promise<void> {
  const row = await db.selectFrom("manufacturer").select("id").where("id", "=", manufacturerId).executeTakeFirst();
  if (!row) {
    throw new AppError("MANUFACTURER_NOT_FOUND", `Manufacturer ${manufacturerId} not found`,
      [{ path: "body.manufacturerId", message: "manufacturer not found" }]);
  }
}

/** Throws 400 "SUPPLIER_NOT_USABLE" unless the supplier exists and is visible in entityId. */
export async function checkSupplierUsable(db: Db, supplierId: number, entityId: number): Promise<void> {
  const row = await db.selectFrom("supplier as s").select("s.id").where("s.id", "=", supplierId)
    .where(visibleIn("s.entity_id", entityId)).executeTakeFirst();
  if (!row) {
    throw new AppError("SUPPLIER_NOT_USABLE", `Supplier ${supplierId} is missing or not visible in entity ${entityId}`,
      [{ path: "body.supplierId", message: "supplier not usable here" }]);
  }
}
