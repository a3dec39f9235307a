import { sql } from "kysely";
import {
  type CreateLocationBody, CreateLocationBodySchema, type ListLocationsQuery, type Location, type LocationList,
  REFERENCE_LIST_MAX, type UpdateLocationBody, UpdateLocationBodySchema,
} from "../../../shared/api/asset-references.js";
import type { LocationType } from "../../../shared/domain/assets.js";
import type { Db } from "../../db/database.js";
import { flag, now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, notFound } from "../../http/errors.js";
import { sortAsTree } from "../categories/category-tree.js";
import { diffFields, recordHistory } from "../history/history.service.js";
import { findEntityRow } from "../identity/entity.repo.js";
import { assertCan, entityScope, inScope } from "../identity/access.js";
import { isInSubtree, isVisibleIn, relabelSubtree, setSubtreeActive, visibleIn } from "../../db/tree.js";
import * as repo from "./location.repo.js";

function toLocation(row: repo.LocationListRow): Location {
  return {
    id: row.id, entityId: row.entity_id, entityName: row.entity_name, parentId: row.parent_id, name: row.name,
    completeName: row.complete_name, depth: row.depth, locationType: row.location_type as LocationType,
    address: row.address, postcode: row.postcode, city: row.city, country: row.country,
    isActive: row.is_active === 1, isUsed: Boolean(row.is_used), createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

function historyFields(row: repo.LocationRow) {
  return {
    name: row.name, parentId: row.parent_id, locationType: row.location_type, address: row.address, postcode: row.postcode,
    city: row.city, country: row.country, isActive: row.is_active === 1,
  };
}

async function presentLocation(db: Db, id: number): Promise<Location> {
  return toLocation(await repo.selectLocations(db).where("l.id", "=", id).executeTakeFirstOrThrow());
}

/**
 * The locations usable in `entityId` (its own and its parents'), or, without it, those of
 * every entity where the actor reads the fleet and above. In tree order; inactive ones only when asked.
 */
export async function listLocations(ctx: Ctx, query: ListLocationsQuery): Promise<LocationList> {
  let q = repo.selectLocations(ctx.db);
  if (query.entityId) {
    await assertCan(ctx.db, ctx.actor, "asset.read", query.entityId);
    q = q.where(visibleIn("l.entity_id", query.entityId));
  } else {
    const scope = entityScope(ctx.actor, "asset.read");
    if (!scope.everything) q = q.where(sql<boolean>`l.entity_id in (select ancestor_id from entity_closure where ${inScope("descendant_id", scope)})`);
  }
  if (!query.includeInactive) q = q.where("l.is_active", "=", 1);
  if (query.q) q = q.where(repo.containsText("l.complete_name", query.q));
  const rows = await q.orderBy("l.entity_id").orderBy("l.complete_name").orderBy("l.id").limit(REFERENCE_LIST_MAX).execute();
  return { data: sortAsTree(rows).map(toLocation) };
}

async function ownEntityId(ctx: Ctx): Promise<number> {
  const me = await ctx.db.selectFrom("app_user").select("entity_id").where("id", "=", ctx.actor.userId).executeTakeFirstOrThrow();
  return me.entity_id;
}

async function loadParent(db: Db, parentId: number, entityId: number): Promise<repo.LocationRow> {
  const parent = await repo.findLocationRow(db, parentId);
  // A parent the location's entity cannot see is answered as absent: nothing leaks from another branch.
  if (!parent || !(await isVisibleIn(db, parent.entity_id, entityId))) throw notFound("LOCATION_NOT_FOUND", `Location ${parentId}`);
  return parent;
}

async function checkSiblingName(db: Db, entityId: number, parentId: number | null, name: string, exceptId?: number) {
  if (await repo.hasSiblingNamed(db, entityId, parentId, name, exceptId)) {
    throw new AppError("CONFLICT", `A location "${name}" already exists at this place`, [{ path: "body.name", message: "already exists" }]);
  }
}

export async function createLocation(ctx: Ctx, input: CreateLocationBody): Promise<Location> {
  const body = CreateLocationBodySchema.parse(input);
  // Read before the transaction: on SQLite it holds the only connection.
  const own = body.entityId === undefined ? await ownEntityId(ctx) : undefined;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const parentRow = body.parentId ? await repo.findLocationRow(trx, body.parentId) : undefined;
    const entityId = body.entityId ?? parentRow?.entity_id ?? (own as number);
    if (!(await findEntityRow(trx, entityId))) throw notFound("ENTITY_NOT_FOUND", `Entity ${entityId}`);
    await assertCan(trx, ctx.actor, "asset.manage", entityId);
    const parent = body.parentId ? await loadParent(trx, body.parentId, entityId) : undefined;
    await checkSiblingName(trx, entityId, parent?.id ?? null, body.name);
    const at = now();
    const row = await trx.insertInto("location").values({
      entity_id: entityId, parent_id: parent?.id ?? null, name: body.name,
      complete_name: parent ? `${parent.complete_name} > ${body.name}` : body.name, depth: parent ? parent.depth + 1 : 0,
      location_type: body.locationType, address: body.address ?? null, postcode: body.postcode ?? null, city: body.city ?? null,
      country: body.country ?? null,
      // Below an inactive place, a new one is inactive too: a branch is never half-off.
      is_active: flag(body.isActive && (!parent || parent.is_active === 1)), created_at: at, updated_at: at,
    }).returning("id").executeTakeFirstOrThrow();
    await recordHistory(trx, ctx.actor, { recordType: "location", recordId: row.id, entityId, action: "create", label: body.name });
    return row.id;
  });
  return presentLocation(ctx.db, id);
}

async function loadWritableLocation(db: Db, ctx: Ctx, id: number): Promise<repo.LocationRow> {
  const row = await repo.findLocationRow(db, id);
  if (!row) throw notFound("LOCATION_NOT_FOUND", `Location ${id}`);
  await assertCan(db, ctx.actor, "asset.manage", row.entity_id);
  return row;
}

/** Where the location goes: its new parent (null: the top), after checking that this makes no loop. */
async function newPlace(db: Db, row: repo.LocationRow, parentId: number | null): Promise<repo.LocationRow | null> {
  if (parentId === null) return null;
  const parent = await loadParent(db, parentId, row.entity_id);
  if (await isInSubtree(db, "location", parent.id, row.id)) {
    throw new AppError("LOCATION_CYCLE", "A location cannot move under itself or a place below it", [{ path: "body.parentId", message: "would make a loop" }]);
  }
  return parent;
}

function addressColumns(body: UpdateLocationBody) {
  const columns = { location_type: body.locationType, address: body.address, postcode: body.postcode, city: body.city, country: body.country };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}

/** Renames, moves, retypes or (de)activates a location; a rename or a move relabels the whole branch in the same transaction. */
export async function updateLocation(ctx: Ctx, id: number, input: UpdateLocationBody): Promise<Location> {
  const body = UpdateLocationBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableLocation(trx, ctx, id);
    const moving = body.parentId !== undefined && body.parentId !== row.parent_id;
    const parent = moving ? await newPlace(trx, row, body.parentId ?? null)
      : row.parent_id === null ? null : (await repo.findLocationRow(trx, row.parent_id)) ?? null;
    const name = body.name ?? row.name;
    if (moving || name !== row.name) await checkSiblingName(trx, row.entity_id, parent?.id ?? null, name, id);
    const parentActive = !parent || parent.is_active === 1;
    if (body.isActive === true && !parentActive) {
      throw new AppError("VALIDATION_FAILED", "Activate the parent location first", [{ path: "body.isActive", message: "the parent location is inactive" }]);
    }
    const changes = diffFields(historyFields(row), body);
    if (changes.length === 0) return;
    await trx.updateTable("location").set({ name, parent_id: parent?.id ?? null, ...addressColumns(body), updated_at: now() })
      .where("id", "=", id).execute();
    if (moving || name !== row.name) {
      const placed = { name: parent ? `${parent.complete_name} > ${name}` : name, depth: parent ? parent.depth + 1 : 0 };
      await relabelSubtree(trx, "location", id, { name: row.complete_name, depth: row.depth }, placed);
    }
    const active = body.isActive ?? row.is_active === 1;
    if (active !== (row.is_active === 1) || (moving && !parentActive)) await setSubtreeActive(trx, "location", id, flag(active && parentActive));
    await recordHistory(trx, ctx.actor, { recordType: "location", recordId: id, entityId: row.entity_id, action: "update", changes });
  });
  return presentLocation(ctx.db, id);
}

/** Only an unused leaf is deleted; a location with places below it or assets (now or in their past) is deactivated instead. */
export async function deleteLocation(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableLocation(trx, ctx, id);
    const contents = await repo.locationContents(trx, id);
    if (contents.children || contents.used) {
      throw new AppError("REFERENCE_IN_USE", `Location ${id} has places below it or assets: deactivate it instead`);
    }
    await recordHistory(trx, ctx.actor, { recordType: "location", recordId: id, entityId: row.entity_id, action: "delete", label: row.complete_name });
    await trx.deleteFrom("location").where("id", "=", id).execute();
  });
}
