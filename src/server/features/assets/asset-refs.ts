/**
 * The people and teams an asset may point at. Only those within the entity's reach: a user of
 * the entity, of one of its sub-entities or of a parent (a head-office employee working on
 * site), whom the actor may see; a group visible there; a technical contact who is staff there.
 * Anything else is answered like a missing record, so nothing of another branch leaks.
 */
import { sql } from "kysely";
import type { Db } from "../../db/database.js";
import { AppError } from "../../http/errors.js";
import { type Actor, type ActorGrant, allows, roleOn } from "../identity/access.js";
import { checkLocationUsable, checkManufacturer, checkModelUsable, checkSupplierUsable } from "./reference-use.js";

function refused(path: string, message: string): AppError {
  return new AppError("VALIDATION_FAILED", message, [{ path, message }]);
}

/** The entity and its parents and sub-entities. */
function related(entityId: number) {
  return sql<boolean>`(entity_id in (select ancestor_id from entity_closure where descendant_id = ${entityId})
    or entity_id in (select descendant_id from entity_closure where ancestor_id = ${entityId}))`;
}

export async function checkUserInReach(db: Db, actor: Actor, userId: number, entityId: number, path = "body.userId"): Promise<void> {
  const user = await db.selectFrom("app_user").select(["id", "entity_id"]).where("id", "=", userId).where("is_active", "=", 1)
    .where(related(entityId)).executeTakeFirst();
  if (!user || !allows(await roleOn(db, actor, user.entity_id), "user.read")) throw refused(path, "not a user of this entity");
}

export async function checkGroupInReach(db: Db, groupId: number, entityId: number): Promise<void> {
  const group = await db.selectFrom("user_group").select("id").where("id", "=", groupId).where(related(entityId)).executeTakeFirst();
  if (!group) throw refused("body.groupId", "not a group of this entity");
}

async function grantsOf(db: Db, userId: number): Promise<ActorGrant[]> {
  const rows = await db.selectFrom("role_grant").select(["entity_id", "role", "recursive"]).where("user_id", "=", userId).execute();
  return rows.map((r) => ({ entityId: r.entity_id, role: r.role as ActorGrant["role"], recursive: Boolean(r.recursive) }));
}

/** The technical contact looks after the asset: a technician (asset.write) of its entity. */
export async function checkTechContact(db: Db, userId: number, entityId: number): Promise<void> {
  const user = await db.selectFrom("app_user").select(["id", "login"]).where("id", "=", userId).where("is_active", "=", 1).executeTakeFirst();
  const contact: Actor | undefined = user ? { kind: "session", userId: user.id, name: user.login, grants: await grantsOf(db, user.id) } : undefined;
  if (!contact || !allows(await roleOn(db, contact, entityId), "asset.write")) throw refused("body.techContactId", "not a technician of this entity");
}

export type AssetRefs = {
  manufacturerId?: number | null; modelId?: number | null; groupId?: number | null; techContactId?: number | null;
  supplierId?: number | null; locationId?: number | null; userId?: number | null;
};

/**
 * Checks every reference given (undefined and null need no check). Returns the manufacturer to
 * store: the model's, when a model is given without one.
 */
export async function checkAssetRefs(db: Db, actor: Actor, entityId: number, kindId: number, refs: AssetRefs): Promise<number | null | undefined> {
  let manufacturerId = refs.manufacturerId;
  if (manufacturerId) await checkManufacturer(db, manufacturerId);
  if (refs.modelId) {
    const model = await checkModelUsable(db, refs.modelId, kindId, manufacturerId ?? null);
    manufacturerId ??= model.manufacturerId;
  }
  if (refs.groupId) await checkGroupInReach(db, refs.groupId, entityId);
  if (refs.techContactId) await checkTechContact(db, refs.techContactId, entityId);
  if (refs.supplierId) await checkSupplierUsable(db, refs.supplierId, entityId);
  if (refs.locationId) await checkLocationUsable(db, refs.locationId, entityId);
  if (refs.userId) await checkUserInReach(db, actor, refs.userId, entityId);
  return manufacturerId;
}

/**
 * A unique index refused the write: two requests raced past the checks. Told apart by the
 * index's name (PostgreSQL) or its columns (SQLite).
 */
export function uniqueViolation(error: unknown): AppError | undefined {
  const e = error as { code?: string; constraint?: string; message?: string };
  const text = `${e.constraint ?? ""} ${e.message ?? ""}`;
  if (e.code !== "23505" && !text.includes("UNIQUE constraint failed")) return undefined;
  if (text.includes("asset_tag_uq") || text.includes("asset.asset_tag")) return new AppError("ASSET_TAG_TAKEN", "This asset tag is already used in the entity");
  if (text.includes("asset_serial_uq") || text.includes("asset.serial")) return new AppError("SERIAL_TAKEN", "This serial number is already used for this manufacturer in the entity");
  return undefined;
}
