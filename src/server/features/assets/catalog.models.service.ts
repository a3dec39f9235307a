/** Models: a kind, a manufacturer (or none), a name and a part number; each combination once. */
import {
  type AssetModel, type CreateModelBody, CreateModelBodySchema, type ListModelsQuery, REFERENCE_LIST_MAX,
  type UpdateModelBody, UpdateModelBodySchema,
} from "../../../shared/api/asset-references.js";
import type { Db } from "../../db/database.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, notFound } from "../../http/errors.js";
import { diffFields, recordHistory } from "../history/history.service.js";
import { assertCanManageGlobal, assertCanReadFleet, nameTaken, sameName } from "./catalog.access.js";
import { containsText } from "./location.repo.js";
import { checkManufacturer, loadKind } from "./reference-use.js";

function selectModels(db: Db) {
  return db.selectFrom("asset_model as m")
    .innerJoin("asset_kind as k", "k.id", "m.kind_id")
    .leftJoin("manufacturer as f", "f.id", "m.manufacturer_id")
    .selectAll("m")
    .select(["k.code as kind_code", "k.name as kind_name", "f.name as manufacturer_name"])
    .select((eb) => eb.exists(eb.selectFrom("asset as a").select("a.id").whereRef("a.model_id", "=", "m.id")).as("is_used"));
}
type ModelRow = Awaited<ReturnType<ReturnType<typeof selectModels>["executeTakeFirstOrThrow"]>>;

function toModel(row: ModelRow): AssetModel {
  return {
    id: row.id, kindId: row.kind_id, kindCode: row.kind_code, kindName: row.kind_name, manufacturerId: row.manufacturer_id,
    manufacturerName: row.manufacturer_name, name: row.name, partNumber: row.part_number, isUsed: Boolean(row.is_used), createdAt: row.created_at,
  };
}

async function presentModel(db: Db, id: number): Promise<AssetModel> {
  return toModel(await selectModels(db).where("m.id", "=", id).executeTakeFirstOrThrow());
}

export async function listModels(ctx: Ctx, query: ListModelsQuery): Promise<{ data: AssetModel[] }> {
  assertCanReadFleet(ctx);
  let q = selectModels(ctx.db);
  if (query.kindId) q = q.where("m.kind_id", "=", query.kindId);
  if (query.manufacturerId) q = q.where("m.manufacturer_id", "=", query.manufacturerId);
  if (query.q) q = q.where(containsText("m.name", query.q));
  const rows = await q.orderBy("m.name").orderBy("m.id").limit(REFERENCE_LIST_MAX).execute();
  return { data: rows.map(toModel) };
}

/** The unique constraint misses a null manufacturer and a different case: both are checked here. */
async function checkModelFree(db: Db, kindId: number, manufacturerId: number | null, name: string, exceptId?: number) {
  let q = db.selectFrom("asset_model").select(["id", "name"]).where("kind_id", "=", kindId);
  q = manufacturerId === null ? q.where("manufacturer_id", "is", null) : q.where("manufacturer_id", "=", manufacturerId);
  const rows = await q.execute();
  if (rows.some((r) => r.id !== exceptId && sameName(r.name, name))) throw nameTaken("A model", name);
}

async function loadModel(db: Db, id: number) {
  const row = await db.selectFrom("asset_model").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("MODEL_NOT_FOUND", `Model ${id}`);
  return row;
}

export async function createModel(ctx: Ctx, input: CreateModelBody): Promise<AssetModel> {
  const body = CreateModelBodySchema.parse(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const rootId = await assertCanManageGlobal(trx, ctx);
    await loadKind(trx, body.kindId);
    const manufacturerId = body.manufacturerId ?? null;
    if (manufacturerId !== null) await checkManufacturer(trx, manufacturerId);
    await checkModelFree(trx, body.kindId, manufacturerId, body.name);
    const row = await trx.insertInto("asset_model").values({ kind_id: body.kindId, manufacturer_id: manufacturerId, name: body.name,
      part_number: body.partNumber ?? null, created_at: now() }).returning("id").executeTakeFirstOrThrow();
    await recordHistory(trx, ctx.actor, { recordType: "asset_model", recordId: row.id, entityId: rootId, action: "create", label: body.name });
    return row.id;
  });
  return presentModel(ctx.db, id);
}

/** A model assets use keeps its kind and manufacturer: the assets' own would no longer match. */
export async function updateModel(ctx: Ctx, id: number, input: UpdateModelBody): Promise<AssetModel> {
  const body = UpdateModelBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const rootId = await assertCanManageGlobal(trx, ctx);
    const row = await loadModel(trx, id);
    const changes = diffFields({ kindId: row.kind_id, manufacturerId: row.manufacturer_id, name: row.name, partNumber: row.part_number }, body);
    if (changes.length === 0) return;
    const kindId = body.kindId ?? row.kind_id;
    const manufacturerId = body.manufacturerId === undefined ? row.manufacturer_id : body.manufacturerId;
    if (kindId !== row.kind_id || manufacturerId !== row.manufacturer_id) {
      const used = await trx.selectFrom("asset").select("id").where("model_id", "=", id).limit(1).executeTakeFirst();
      if (used) throw new AppError("REFERENCE_IN_USE", `Model ${id} has assets: its kind and manufacturer stay`);
      await loadKind(trx, kindId);
      if (manufacturerId !== null) await checkManufacturer(trx, manufacturerId);
    }
    const name = body.name ?? row.name;
    await checkModelFree(trx, kindId, manufacturerId, name, id);
    await trx.updateTable("asset_model").set({ kind_id: kindId, manufacturer_id: manufacturerId, name,
      part_number: body.partNumber === undefined ? row.part_number : body.partNumber }).where("id", "=", id).execute();
    await recordHistory(trx, ctx.actor, { recordType: "asset_model", recordId: id, entityId: rootId, action: "update", changes });
  });
  return presentModel(ctx.db, id);
}

export async function deleteModel(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const rootId = await assertCanManageGlobal(trx, ctx);
    const row = await loadModel(trx, id);
    const used = await trx.selectFrom("asset").select("id").where("model_id", "=", id).limit(1).executeTakeFirst();
    if (used) throw new AppError("REFERENCE_IN_USE", `Model ${id} has assets`);
    await recordHistory(trx, ctx.actor, { recordType: "asset_model", recordId: id, entityId: rootId, action: "delete", label: row.name });
    await trx.deleteFrom("asset_model").where("id", "=", id).execute();
  });
}
